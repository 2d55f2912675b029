package app.rightly.tenancy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import app.rightly.shared.BrandId;
import app.rightly.shared.ForbiddenException;
import app.rightly.shared.NotFoundException;
import app.rightly.shared.OrganisationId;
import app.rightly.shared.Tenant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tenant wall. Resolves a brand named in a request (by slug or id) for the caller: a
 * brand of another organisation, or one the caller is not a member of, is not found (404)
 * — only then is the caller's role checked (403). Owners and admins see every brand of
 * their organisation; other users see the brands they are members of, or all when invited
 * to all brands.
 */
@Service
@Transactional(readOnly = true)
public class BrandAccess {

	private static final String VISIBLE = """
			SELECT b.id, b.organisation_id, b.slug, b.name, b.description FROM brand b
			WHERE b.organisation_id = :org
			  AND (:seesAll OR EXISTS (SELECT 1 FROM brand_membership m WHERE m.brand_id = b.id AND m.user_id = :user))
			""";

	private final JdbcClient jdbc;

	BrandAccess(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The brands the caller may see, by name. */
	public List<Brand> visibleBrands(CurrentUser user) {
		return jdbc.sql(VISIBLE + " ORDER BY lower(b.name), b.slug")
			.params(params(user))
			.query(BrandAccess::brand)
			.list();
	}

	/**
	 * The brand named by {@code ref} (its slug or id) if the caller may see it.
	 * @throws NotFoundException otherwise
	 */
	public Brand brand(CurrentUser user, String ref) {
		return find(user, ref).orElseThrow(() -> new NotFoundException("brand"));
	}

	public Optional<Brand> find(CurrentUser user, String ref) {
		if (ref == null || ref.isBlank()) {
			return Optional.empty();
		}
		UUID id = parseUuid(ref);
		String where = id != null ? " AND b.id = :id" : " AND b.slug = :slug";
		var source = params(user);
		source.put("id", id);
		source.put("slug", ref.trim().toLowerCase(Locale.ROOT));
		return jdbc.sql(VISIBLE + where).params(source).query(BrandAccess::brand).optional();
	}

	public Optional<Brand> find(CurrentUser user, BrandId id) {
		return find(user, id.value().toString());
	}

	/**
	 * The tenant of the brand named by {@code ref}, for a caller allowed to do
	 * {@code needed} there.
	 * @throws NotFoundException when the caller cannot see the brand
	 * @throws ForbiddenException when they can see it but their role may not do this
	 */
	public Tenant tenant(CurrentUser user, String ref, Permission needed) {
		Brand brand = brand(user, ref);
		require(user, needed);
		return brand.tenant();
	}

	/**
	 * @throws ForbiddenException when the caller's role lacks {@code needed}
	 */
	public static void require(CurrentUser user, Permission needed) {
		if (!user.may(needed)) {
			throw new ForbiddenException("Your role (" + user.role().id() + ") may not do this; it needs "
					+ needed.minimumRole().id() + " or higher.");
		}
	}

	/** A brand by id within an organisation, for trusted callers (jobs, the CLI). */
	public Optional<Brand> brandOf(OrganisationId organisation, String ref) {
		UUID id = parseUuid(ref);
		return jdbc
			.sql("SELECT id, organisation_id, slug, name, description FROM brand WHERE organisation_id = :org AND "
					+ (id != null ? "id = :id" : "slug = :slug"))
			.param("org", organisation.value())
			.param("id", id)
			.param("slug", ref.trim().toLowerCase(Locale.ROOT))
			.query(BrandAccess::brand)
			.optional();
	}

	/**
	 * Brands found by slug across all organisations: for the CLI, which acts for the
	 * installation.
	 */
	public List<Brand> brandsWithSlugOrId(String ref) {
		UUID id = parseUuid(ref);
		return jdbc
			.sql("SELECT id, organisation_id, slug, name, description FROM brand WHERE "
					+ (id != null ? "id = :id" : "slug = :slug") + " ORDER BY created_at")
			.param("id", id)
			.param("slug", ref.trim().toLowerCase(Locale.ROOT))
			.query(BrandAccess::brand)
			.list();
	}

	private static Map<String, Object> params(CurrentUser user) {
		var map = new HashMap<String, Object>();
		map.put("org", user.organisation().value());
		map.put("user", user.id().value());
		map.put("seesAll", user.allBrands() || user.role().atLeast(Role.ADMIN));
		return map;
	}

	static UUID parseUuid(String ref) {
		if (ref == null || ref.length() != 36) {
			return null;
		}
		try {
			return UUID.fromString(ref);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	static Brand brand(ResultSet rs, int n) throws SQLException {
		return new Brand(BrandId.of(rs.getObject("id", UUID.class)),
				OrganisationId.of(rs.getObject("organisation_id", UUID.class)), rs.getString("slug"),
				rs.getString("name"), rs.getString("description"));
	}

}
