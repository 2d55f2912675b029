package app.rightly.tenancy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import app.rightly.shared.Ids;
import app.rightly.shared.InvalidInputException;
import app.rightly.shared.NotFoundException;
import app.rightly.shared.UserId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens: {@code Authorization: Bearer rly_…} on {@code /api/v1/**}. A token
 * acts as its user, with their role and brands. Only its SHA-256 is stored; the token
 * itself is shown once. Tokens can expire and can be revoked; a revoked, expired or
 * unknown token is refused (401).
 */
@Service
@Transactional
public class ApiTokens {

	static final String PREFIX = "rly_";

	private final JdbcClient jdbc;

	private final Users users;

	ApiTokens(JdbcClient jdbc, Users users) {
		this.jdbc = jdbc;
		this.users = users;
	}

	/** A token just created: {@code secret} is the only time the token can be read. */
	public record IssuedToken(UUID id, String name, String secret, Instant expiresAt) {
	}

	/** What can be shown of a token later: never the token itself. */
	public record TokenInfo(UUID id, String name, String displayPrefix, Instant createdAt, Instant expiresAt,
			Instant lastUsedAt, Instant revokedAt) {

		public String state(Instant now) {
			if (revokedAt != null) {
				return "revoked";
			}
			return expiresAt != null && !expiresAt.isAfter(now) ? "expired" : "active";
		}

	}

	public IssuedToken create(CurrentUser owner, String name, Instant expiresAt) {
		String cleanName = name == null ? "" : name.strip();
		if (cleanName.isEmpty()) {
			throw new InvalidInputException("name", "must not be blank");
		}
		if (cleanName.length() > 100) {
			throw new InvalidInputException("name", "must be at most 100 characters");
		}
		if (expiresAt != null && !expiresAt.isAfter(Instant.now())) {
			throw new InvalidInputException("expiresAt", "must be in the future");
		}
		String secret = Secrets.newSecret(PREFIX);
		UUID id = Ids.newId();
		jdbc.sql("""
				INSERT INTO api_token (id, organisation_id, user_id, name, token_hash, display_prefix, expires_at)
				VALUES (:id, :org, :user, :name, :hash, :prefix, :expires)""")
			.param("id", id)
			.param("org", owner.organisation().value())
			.param("user", owner.id().value())
			.param("name", cleanName)
			.param("hash", Secrets.digest(secret))
			.param("prefix", secret.substring(0, PREFIX.length() + 6))
			.param("expires", expiresAt == null ? null : java.sql.Timestamp.from(expiresAt))
			.update();
		return new IssuedToken(id, cleanName, secret, expiresAt);
	}

	/** A token for the user with this e-mail, for scripts on the server's machine. */
	public IssuedToken createForEmail(String email, String name, Instant expiresAt) {
		CurrentUser user = users.byEmail(email == null ? "" : email)
			.filter(u -> u.disabledAt() == null)
			.map(Users.UserRow::user)
			.orElseThrow(() -> new NotFoundException("user with e-mail " + email));
		return create(user, name, expiresAt);
	}

	@Transactional(readOnly = true)
	public List<TokenInfo> list(CurrentUser owner) {
		return jdbc.sql("""
				SELECT id, name, display_prefix, created_at, expires_at, last_used_at, revoked_at
				FROM api_token WHERE organisation_id = :org AND user_id = :user ORDER BY created_at DESC""")
			.param("org", owner.organisation().value())
			.param("user", owner.id().value())
			.query(ApiTokens::info)
			.list();
	}

	/** Revokes one of the caller's own tokens; another user's token is not found. */
	public void revoke(CurrentUser owner, UUID tokenId) {
		int changed = jdbc.sql("""
				UPDATE api_token SET revoked_at = COALESCE(revoked_at, now())
				WHERE id = :id AND organisation_id = :org AND user_id = :user""")
			.param("id", tokenId)
			.param("org", owner.organisation().value())
			.param("user", owner.id().value())
			.update();
		if (changed == 0) {
			throw new NotFoundException("token");
		}
	}

	/**
	 * The user a bearer token acts for, when the token is known, not revoked, not expired
	 * and its user is enabled.
	 */
	public Optional<CurrentUser> authenticate(String secret) {
		if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 200) {
			return Optional.empty();
		}
		record Match(UUID id, UUID user, boolean stale) {
		}
		Optional<Match> match = jdbc.sql("""
				SELECT id, user_id, (last_used_at IS NULL OR last_used_at < now() - interval '1 minute') AS stale
				FROM api_token
				WHERE token_hash = :hash AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > now())""")
			.param("hash", Secrets.digest(secret))
			.query((rs, n) -> new Match(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class),
					rs.getBoolean("stale")))
			.optional();
		match.filter(Match::stale) // "last used" to the minute, without a write on every
									// request
			.ifPresent(m -> jdbc.sql("UPDATE api_token SET last_used_at = now() WHERE id = :id")
				.param("id", m.id())
				.update());
		return match.flatMap(m -> users.active(UserId.of(m.user())));
	}

	private static TokenInfo info(ResultSet rs, int n) throws SQLException {
		return new TokenInfo(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("display_prefix"),
				Users.instant(rs.getTimestamp("created_at")), Users.instant(rs.getTimestamp("expires_at")),
				Users.instant(rs.getTimestamp("last_used_at")), Users.instant(rs.getTimestamp("revoked_at")));
	}

}
