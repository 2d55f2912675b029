package app.rightly.shared;

import java.util.Objects;
import java.util.UUID;

public record OrganisationId(UUID value) {

	public OrganisationId {
		Objects.requireNonNull(value, "organisationId");
	}

	public static OrganisationId of(UUID value) {
		return new OrganisationId(value);
	}

	@Override
	public String toString() {
		return value.toString();
	}

}
