package app.rightly.tenancy;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import app.rightly.shared.BrandId;
import app.rightly.shared.ConflictException;
import app.rightly.shared.ForbiddenException;
import app.rightly.shared.Ids;
import app.rightly.shared.InvalidInputException;
import app.rightly.shared.InvalidInputException.FieldError;
import app.rightly.shared.NotFoundException;
import app.rightly.shared.OrganisationId;
import app.rightly.shared.UserId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Commands on organisations, brands, users and invitations. Methods taking a
 * {@link CurrentUser} act for that caller and check their role; the others are for
 * trusted callers on the server itself (first start, demo data, the CLI).
 */
@Service
@Transactional
public class TenancyManagement {

	static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+$");

	static final int MIN_PASSWORD_LENGTH = 10;

	private final JdbcClient jdbc;

	private final Users users;

	private final BrandAccess brands;

	private final PasswordEncoder passwords;

	private final TenancySettings settings;

	TenancyManagement(JdbcClient jdbc, Users users, BrandAccess brands, PasswordEncoder passwords,
			TenancySettings settings) {
		this.jdbc = jdbc;
		this.users = users;
		this.brands = brands;
		this.passwords = passwords;
		this.settings = settings;
	}

	/** A brand to create. {@code slug} may be blank: one is made from the name. */
	public record NewBrand(String name, String slug, String description) {
	}

	/** A user to create directly (first owner, demo users). */
	public record NewUser(String email, String name, String password, Role role, boolean allBrands,
			Collection<BrandId> brands) {
	}

	/** An invitation to create: who, which role, which brands (or all). */
	public record NewInvitation(String email, Role role, boolean allBrands, Collection<String> brands) {
	}

	/**
	 * An invitation just created; {@code token} goes into the one-time link and is not
	 * stored.
	 */
	public record IssuedInvitation(UUID id, String email, Role role, String token, Instant expiresAt) {
	}

	/** An invitation as the organisation's admins see it. */
	public record PendingInvitation(UUID id, String email, Role role, boolean allBrands, List<String> brandNames,
			Instant createdAt, Instant expiresAt) {
	}

	/** An invitation as the person invited sees it when opening the link. */
	public record InvitationPreview(String email, Role role, String organisationName) {
	}

	/** A member of the organisation with the brands they can see. */
	public record Member(UserId id, String email, String name, Role role, boolean allBrands, List<String> brandNames,
			Instant lastSignInAt) {
	}

	// ---- organisations
	// -------------------------------------------------------------------

	public Organisation createOrganisation(String name, String kind) {
		String clean = require("name", name, 100);
		if (!"brand".equals(kind) && !"agency".equals(kind)) {
			throw new InvalidInputException("kind", "must be brand or agency");
		}
		String base = Slugs.from(clean).isEmpty() ? "org" : Slugs.from(clean);
		String slug = base;
		for (int i = 2; organisationSlugTaken(slug); i++) {
			slug = base + "-" + i;
		}
		UUID id = Ids.newId();
		jdbc.sql("INSERT INTO organisation (id, name, slug, kind) VALUES (:id, :name, :slug, :kind)")
			.param("id", id)
			.param("name", clean)
			.param("slug", slug)
			.param("kind", kind)
			.update();
		return new Organisation(OrganisationId.of(id), clean, slug, kind);
	}

	@Transactional(readOnly = true)
	public Optional<Organisation> organisationBySlug(String slug) {
		return jdbc.sql("SELECT id, name, slug, kind FROM organisation WHERE slug = :slug")
			.param("slug", slug)
			.query(TenancyManagement::organisation)
			.optional();
	}

	@Transactional(readOnly = true)
	public Organisation organisation(OrganisationId id) {
		return jdbc.sql("SELECT id, name, slug, kind FROM organisation WHERE id = :id")
			.param("id", id.value())
			.query(TenancyManagement::organisation)
			.optional()
			.orElseThrow(() -> new NotFoundException("organisation"));
	}

	private boolean organisationSlugTaken(String slug) {
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM organisation WHERE slug = :slug)")
			.param("slug", slug)
			.query(Boolean.class)
			.single();
	}

	// ---- brands
	// --------------------------------------------------------------------------

	/** Creates a brand in the caller's organisation; owners and admins only. */
	public Brand createBrand(CurrentUser actor, NewBrand brand) {
		BrandAccess.require(actor, Permission.MANAGE_ORGANISATION);
		return createBrand(actor.organisation(), brand);
	}

	public Brand createBrand(OrganisationId organisation, NewBrand brand) {
		List<FieldError> errors = new ArrayList<>();
		String name = brand.name() == null ? "" : brand.name().strip();
		if (name.isEmpty()) {
			errors.add(new FieldError("name", "must not be blank"));
		}
		else if (name.length() > 100) {
			errors.add(new FieldError("name", "must be at most 100 characters"));
		}
		String slug = brand.slug() == null || brand.slug().isBlank() ? Slugs.from(name) : brand.slug().strip();
		if (!name.isEmpty() && !Slugs.valid(slug)) {
			errors.add(new FieldError("slug",
					"must be 1 to 40 lower-case letters, digits or dashes, starting with a letter or digit"));
		}
		String description = brand.description() == null ? "" : brand.description().strip();
		if (description.length() > 2000) {
			errors.add(new FieldError("description", "must be at most 2000 characters"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		if (brands.brandOf(organisation, slug).isPresent()) {
			throw new ConflictException("slug", "A brand with the slug '" + slug + "' already exists.");
		}
		UUID id = Ids.newId();
		jdbc.sql(
				"INSERT INTO brand (id, organisation_id, slug, name, description) VALUES (:id, :org, :slug, :name, :description)")
			.param("id", id)
			.param("org", organisation.value())
			.param("slug", slug)
			.param("name", name)
			.param("description", description)
			.update();
		return new Brand(BrandId.of(id), organisation, slug, name, description);
	}

	// ---- users
	// ---------------------------------------------------------------------------

	@Transactional(readOnly = true)
	public boolean anyUser() {
		return users.any();
	}

	@Transactional(readOnly = true)
	public boolean userExists(String email) {
		return users.emailTaken(email);
	}

	/** Creates a user with a password; for trusted callers (first owner, demo data). */
	public UserId createUser(OrganisationId organisation, NewUser user) {
		String email = requireEmail(user.email());
		String name = require("name", user.name(), 100);
		if (user.password() == null || user.password().isEmpty()) {
			throw new InvalidInputException("password", "must not be empty");
		}
		if (users.emailTaken(email)) {
			throw new ConflictException("email", "A user with this e-mail already exists.");
		}
		UUID id = Ids.newId();
		users.insert(id, organisation, email, name, passwords.encode(user.password()), user.role(), user.allBrands());
		for (BrandId brand : user.brands()) {
			addMembership(organisation, brand, id);
		}
		return UserId.of(id);
	}

	private void addMembership(OrganisationId organisation, BrandId brand, UUID user) {
		jdbc.sql("""
				INSERT INTO brand_membership (organisation_id, brand_id, user_id) VALUES (:org, :brand, :user)
				ON CONFLICT DO NOTHING""")
			.param("org", organisation.value())
			.param("brand", brand.value())
			.param("user", user)
			.update();
	}

	/** Changes the caller's own password; the current one must be given. */
	public void changePassword(CurrentUser actor, String currentPassword, String newPassword) {
		Users.UserRow row = users.byId(actor.id()).orElseThrow(() -> new NotFoundException("user"));
		if (currentPassword == null || row.passwordHash() == null
				|| !passwords.matches(currentPassword, row.passwordHash())) {
			throw new InvalidInputException("currentPassword", "is not your current password");
		}
		checkPassword(newPassword, actor.email()).ifPresent(e -> {
			throw new InvalidInputException(List.of(new FieldError("newPassword", e.message())));
		});
		jdbc.sql("UPDATE app_user SET password_hash = :hash WHERE id = :id")
			.param("hash", passwords.encode(newPassword))
			.param("id", actor.id().value())
			.update();
	}

	/** Everyone in the caller's organisation; owners and admins only. */
	@Transactional(readOnly = true)
	public List<Member> members(CurrentUser actor) {
		BrandAccess.require(actor, Permission.MANAGE_ORGANISATION);
		return jdbc.sql("""
				SELECT u.id, u.email, u.name, u.role, u.all_brands, u.last_sign_in_at,
				       ARRAY(SELECT b.name FROM brand_membership m JOIN brand b ON b.id = m.brand_id
				             WHERE m.user_id = u.id ORDER BY b.name) AS brand_names
				FROM app_user u WHERE u.organisation_id = :org AND u.disabled_at IS NULL
				ORDER BY array_position(ARRAY['owner','admin','manager','agent','viewer'], u.role), lower(u.name)""")
			.param("org", actor.organisation().value())
			.query((rs, n) -> new Member(UserId.of(rs.getObject("id", UUID.class)), rs.getString("email"),
					rs.getString("name"), Role.parse(rs.getString("role")).orElseThrow(), rs.getBoolean("all_brands"),
					strings(rs.getArray("brand_names")), Users.instant(rs.getTimestamp("last_sign_in_at"))))
			.list();
	}

	/** Someone who works a brand's conversations. */
	public record Teammate(UserId id, String name, String email, Role role) {
	}

	/**
	 * The people who may work a brand's conversations: agents and above who are members
	 * of the brand or see all brands, not disabled. Ordered by name.
	 */
	@Transactional(readOnly = true)
	public List<Teammate> team(app.rightly.shared.Tenant tenant) {
		return jdbc
			.sql("""
					SELECT u.id, u.name, u.email, u.role FROM app_user u
					WHERE u.organisation_id = :org AND u.disabled_at IS NULL AND u.role <> 'viewer'
					  AND (u.all_brands OR EXISTS (SELECT 1 FROM brand_membership m WHERE m.user_id = u.id AND m.brand_id = :brand))
					ORDER BY lower(u.name), u.id""")
			.param("org", tenant.organisation().value())
			.param("brand", tenant.brand().value())
			.query((rs, n) -> new Teammate(UserId.of(rs.getObject("id", UUID.class)), rs.getString("name"),
					rs.getString("email"), Role.parse(rs.getString("role")).orElseThrow()))
			.list();
	}

	// ---- invitations
	// ---------------------------------------------------------------------

	/**
	 * Invites someone into the caller's organisation. Owners and admins only; only an
	 * owner may invite another owner.
	 */
	public IssuedInvitation invite(CurrentUser actor, NewInvitation invitation) {
		BrandAccess.require(actor, Permission.MANAGE_ORGANISATION);
		List<FieldError> errors = new ArrayList<>();
		String email = invitation.email() == null ? "" : invitation.email().strip();
		if (!EMAIL.matcher(email).matches() || email.length() > 254) {
			errors.add(new FieldError("email", "must be an e-mail address"));
		}
		if (invitation.role() == null) {
			errors.add(new FieldError("role", "must be one of owner, admin, manager, agent, viewer"));
		}
		List<UUID> brandIds = new ArrayList<>();
		Collection<String> refs = invitation.brands() == null ? List.of() : invitation.brands();
		for (String ref : refs) {
			brands.find(actor, ref)
				.ifPresentOrElse(b -> brandIds.add(b.id().value()),
						() -> errors.add(new FieldError("brands", "unknown brand: " + ref)));
		}
		boolean allBrands = invitation.allBrands()
				|| (invitation.role() != null && invitation.role().atLeast(Role.ADMIN));
		if (!allBrands && brandIds.isEmpty() && errors.isEmpty()) {
			errors.add(new FieldError("brands", "choose at least one brand, or all brands"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		if (invitation.role() == Role.OWNER && actor.role() != Role.OWNER) {
			throw new ForbiddenException("Only an owner may invite another owner.");
		}
		if (users.emailTaken(email)) {
			throw new ConflictException("email", "A user with this e-mail already exists.");
		}
		String token = Secrets.newSecret("inv_");
		UUID id = Ids.newId();
		Instant expires = Instant.now().plus(settings.invitationValidity());
		jdbc.sql(
				"""
						INSERT INTO invitation (id, organisation_id, email, role, all_brands, brand_ids, token_hash, invited_by, expires_at)
						VALUES (:id, :org, :email, :role, :all, :brands, :hash, :by, :expires)""")
			.param("id", id)
			.param("org", actor.organisation().value())
			.param("email", email)
			.param("role", invitation.role().id())
			.param("all", allBrands)
			.param("brands", brandIds.toArray(new UUID[0]))
			.param("hash", Secrets.digest(token))
			.param("by", actor.id().value())
			.param("expires", Timestamp.from(expires))
			.update();
		return new IssuedInvitation(id, email, invitation.role(), token, expires);
	}

	@Transactional(readOnly = true)
	public List<PendingInvitation> pendingInvitations(CurrentUser actor) {
		BrandAccess.require(actor, Permission.MANAGE_ORGANISATION);
		return jdbc
			.sql("""
					SELECT i.id, i.email, i.role, i.all_brands, i.created_at, i.expires_at,
					       ARRAY(SELECT b.name FROM brand b WHERE b.id = ANY (i.brand_ids) AND b.organisation_id = i.organisation_id
					             ORDER BY b.name) AS brand_names
					FROM invitation i
					WHERE i.organisation_id = :org AND i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > now()
					ORDER BY i.created_at DESC""")
			.param("org", actor.organisation().value())
			.query((rs, n) -> new PendingInvitation(rs.getObject("id", UUID.class), rs.getString("email"),
					Role.parse(rs.getString("role")).orElseThrow(), rs.getBoolean("all_brands"),
					strings(rs.getArray("brand_names")), Users.instant(rs.getTimestamp("created_at")),
					Users.instant(rs.getTimestamp("expires_at"))))
			.list();
	}

	public void revokeInvitation(CurrentUser actor, UUID id) {
		BrandAccess.require(actor, Permission.MANAGE_ORGANISATION);
		int changed = jdbc.sql("""
				UPDATE invitation SET revoked_at = now()
				WHERE id = :id AND organisation_id = :org AND accepted_at IS NULL AND revoked_at IS NULL""")
			.param("id", id)
			.param("org", actor.organisation().value())
			.update();
		if (changed == 0) {
			throw new NotFoundException("invitation");
		}
	}

	/** What an invitation link offers, while it is still valid. */
	@Transactional(readOnly = true)
	public Optional<InvitationPreview> previewInvitation(String token) {
		return validInvitation(token)
			.map(i -> new InvitationPreview(i.email, i.role, organisation(i.organisation).name()));
	}

	/**
	 * Turns a valid invitation into a user with the chosen name and password; the link
	 * cannot be used again.
	 * @throws NotFoundException when the link is unknown, used, revoked or expired
	 */
	public UserId acceptInvitation(String token, String name, String password) {
		InvitationRow invitation = validInvitation(token).orElseThrow(() -> new NotFoundException("invitation"));
		List<FieldError> errors = new ArrayList<>();
		if (name == null || name.isBlank()) {
			errors.add(new FieldError("name", "must not be blank"));
		}
		else if (name.strip().length() > 100) {
			errors.add(new FieldError("name", "must be at most 100 characters"));
		}
		checkPassword(password, invitation.email).ifPresent(errors::add);
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		int claimed = jdbc.sql("UPDATE invitation SET accepted_at = now() WHERE id = :id AND accepted_at IS NULL")
			.param("id", invitation.id)
			.update();
		if (claimed == 0) {
			throw new NotFoundException("invitation");
		}
		return createUser(invitation.organisation, new NewUser(invitation.email, name, password, invitation.role,
				invitation.allBrands, Arrays.stream(invitation.brandIds).map(BrandId::of).toList()));
	}

	/** The password rule for passwords people choose: long enough, and not the e-mail. */
	static Optional<FieldError> checkPassword(String password, String email) {
		if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
			return Optional.of(new FieldError("password", "must be at least " + MIN_PASSWORD_LENGTH + " characters"));
		}
		if (password.length() > 200) {
			return Optional.of(new FieldError("password", "must be at most 200 characters"));
		}
		if (password.equalsIgnoreCase(email)) {
			return Optional.of(new FieldError("password", "must not be your e-mail address"));
		}
		return Optional.empty();
	}

	private record InvitationRow(UUID id, OrganisationId organisation, String email, Role role, boolean allBrands,
			UUID[] brandIds) {
	}

	private Optional<InvitationRow> validInvitation(String token) {
		if (token == null || !token.startsWith("inv_") || token.length() > 100) {
			return Optional.empty();
		}
		return jdbc.sql("""
				SELECT id, organisation_id, email, role, all_brands, brand_ids FROM invitation
				WHERE token_hash = :hash AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > now()""")
			.param("hash", Secrets.digest(token))
			.query((rs, n) -> new InvitationRow(rs.getObject("id", UUID.class),
					OrganisationId.of(rs.getObject("organisation_id", UUID.class)), rs.getString("email"),
					Role.parse(rs.getString("role")).orElseThrow(), rs.getBoolean("all_brands"),
					(UUID[]) rs.getArray("brand_ids").getArray()))
			.optional();
	}

	// ---- helpers
	// -------------------------------------------------------------------------

	private static String require(String field, String value, int max) {
		String clean = value == null ? "" : value.strip();
		if (clean.isEmpty()) {
			throw new InvalidInputException(field, "must not be blank");
		}
		if (clean.length() > max) {
			throw new InvalidInputException(field, "must be at most " + max + " characters");
		}
		return clean;
	}

	private static String requireEmail(String email) {
		String clean = email == null ? "" : email.strip();
		if (!EMAIL.matcher(clean).matches() || clean.length() > 254) {
			throw new InvalidInputException("email", "must be an e-mail address");
		}
		return clean;
	}

	private static List<String> strings(Array array) throws SQLException {
		return array == null ? List.of() : List.of((String[]) array.getArray());
	}

	private static Organisation organisation(ResultSet rs, int n) throws SQLException {
		return new Organisation(OrganisationId.of(rs.getObject("id", UUID.class)), rs.getString("name"),
				rs.getString("slug"), rs.getString("kind"));
	}

	static Set<Role> assignableBy(Role actor) {
		return actor == Role.OWNER ? Set.of(Role.values()) : Set.of(Role.ADMIN, Role.MANAGER, Role.AGENT, Role.VIEWER);
	}

}
