package app.rightly.tenancy;

import java.io.Serializable;

import app.rightly.shared.OrganisationId;
import app.rightly.shared.UserId;

/**
 * The signed-in caller, read afresh from the database on each request, so a changed role
 * or a disabled account takes effect at once. Controllers take it as a method argument.
 */
public record CurrentUser(UserId id, OrganisationId organisation, String email, String name, Role role,
		boolean allBrands) implements Serializable {

	public boolean may(Permission permission) {
		return role.may(permission);
	}

}
