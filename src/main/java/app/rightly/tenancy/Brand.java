package app.rightly.tenancy;

import app.rightly.shared.BrandId;
import app.rightly.shared.OrganisationId;
import app.rightly.shared.Tenant;

/** A company whose customers are listened to; everything brand-scoped belongs to one. */
public record Brand(BrandId id, OrganisationId organisation, String slug, String name, String description) {

	public Tenant tenant() {
		return new Tenant(organisation, id);
	}

}
