package app.rightly.tenancy;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * A user's role in their organisation, from most to least powerful. Each role may do
 * everything the roles below it may.
 */
public enum Role {

	/** Runs the organisation: everything, including managing admins. */
	OWNER,
	/** Creates brands, invites and manages users, manages every brand. */
	ADMIN,
	/**
	 * Leads a team on their brands: settings of the brand, SLAs, assignment, coaching.
	 */
	MANAGER,
	/** Works the inbox of their brands: reads and answers customers. */
	AGENT,
	/** A client who may only read the reports of their brands. */
	VIEWER;

	public boolean atLeast(Role other) {
		return ordinal() <= other.ordinal();
	}

	public boolean may(Permission permission) {
		return atLeast(permission.minimumRole());
	}

	public String id() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<Role> parse(String text) {
		if (text == null) {
			return Optional.empty();
		}
		return Arrays.stream(values()).filter(r -> r.id().equalsIgnoreCase(text.trim())).findFirst();
	}

}
