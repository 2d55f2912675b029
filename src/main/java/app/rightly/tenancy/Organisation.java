package app.rightly.tenancy;

import app.rightly.shared.OrganisationId;

/**
 * One installation's tenant: a brand's own team ({@code brand}) or an agency
 * ({@code agency}).
 */
public record Organisation(OrganisationId id, String name, String slug, String kind) {
}
