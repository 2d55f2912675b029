package app.rightly.shared;

import java.util.Objects;

/**
 * The organisation and brand a brand-scoped call works for. Every module API method that
 * reads or writes brand data takes it as its first argument, and every query filters on
 * both ids.
 */
public record Tenant(OrganisationId organisation, BrandId brand) {

	public Tenant {
		Objects.requireNonNull(organisation, "organisation");
		Objects.requireNonNull(brand, "brand");
	}

}
