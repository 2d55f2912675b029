package app.rightly.tenancy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import app.rightly.shared.OrganisationId;
import app.rightly.shared.UserId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code app_user} table. Users are found by id or e-mail; e-mails are unique
 * ignoring case.
 */
@Repository
class Users {

	private final JdbcClient jdbc;

	Users(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A user row as sign-in needs it. */
	record UserRow(CurrentUser user, String passwordHash, int failedSignIns, Instant lockedUntil, Instant disabledAt) {
	}

	private static final String COLUMNS = "id, organisation_id, email, name, role, all_brands, password_hash, failed_sign_ins, locked_until, disabled_at";

	Optional<UserRow> byEmail(String email) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM app_user WHERE lower(email) = lower(:email)")
			.param("email", email.trim())
			.query(Users::row)
			.optional();
	}

	Optional<UserRow> byId(UserId id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM app_user WHERE id = :id")
			.param("id", id.value())
			.query(Users::row)
			.optional();
	}

	/** The caller, if the account still exists and is enabled. */
	Optional<CurrentUser> active(UserId id) {
		return byId(id).filter(r -> r.disabledAt() == null).map(UserRow::user);
	}

	boolean any() {
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM app_user)").query(Boolean.class).single();
	}

	boolean emailTaken(String email) {
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM app_user WHERE lower(email) = lower(:email))")
			.param("email", email.trim())
			.query(Boolean.class)
			.single();
	}

	void insert(UUID id, OrganisationId organisation, String email, String name, String passwordHash, Role role,
			boolean allBrands) {
		jdbc.sql("""
				INSERT INTO app_user (id, organisation_id, email, name, password_hash, role, all_brands)
				VALUES (:id, :org, :email, :name, :hash, :role, :all)""")
			.param("id", id)
			.param("org", organisation.value())
			.param("email", email.trim())
			.param("name", name.trim())
			.param("hash", passwordHash)
			.param("role", role.id())
			.param("all", allBrands)
			.update();
	}

	void recordFailure(UserId id, int maxFailures, long baseLockSeconds) {
		// from the max-th failure on, pause the account; each further failure doubles the
		// pause (max 1 h)
		jdbc.sql("""
				UPDATE app_user SET failed_sign_ins = failed_sign_ins + 1,
				    locked_until = CASE WHEN failed_sign_ins + 1 >= :max
				        THEN now() + make_interval(secs => LEAST(3600, :base * power(2, failed_sign_ins + 1 - :max)))
				        ELSE locked_until END
				WHERE id = :id""")
			.param("id", id.value())
			.param("max", maxFailures)
			.param("base", baseLockSeconds)
			.update();
	}

	void recordSuccess(UserId id) {
		jdbc.sql("UPDATE app_user SET failed_sign_ins = 0, locked_until = NULL, last_sign_in_at = now() WHERE id = :id")
			.param("id", id.value())
			.update();
	}

	private static UserRow row(ResultSet rs, int n) throws SQLException {
		CurrentUser user = new CurrentUser(UserId.of(rs.getObject("id", UUID.class)),
				OrganisationId.of(rs.getObject("organisation_id", UUID.class)), rs.getString("email"),
				rs.getString("name"), Role.parse(rs.getString("role")).orElseThrow(), rs.getBoolean("all_brands"));
		return new UserRow(user, rs.getString("password_hash"), rs.getInt("failed_sign_ins"),
				instant(rs.getTimestamp("locked_until")), instant(rs.getTimestamp("disabled_at")));
	}

	static Instant instant(Timestamp t) {
		return t == null ? null : t.toInstant();
	}

}
