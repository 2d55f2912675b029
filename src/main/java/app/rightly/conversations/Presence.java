package app.rightly.conversations;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import app.rightly.shared.UserId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whether an agent takes new conversations ("available" or "away"), set by the agent in
 * the inbox or by API; automatic assignment passes over agents who are away. Agents are
 * available until they say otherwise.
 */
@Service
public class Presence {

	private final JdbcClient jdbc;

	Presence(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	public boolean available(UserId user) {
		return jdbc.sql("SELECT available FROM agent_presence WHERE user_id = :user")
			.param("user", user.value())
			.query(Boolean.class)
			.optional()
			.orElse(true);
	}

	@Transactional
	public void set(UserId user, boolean available) {
		jdbc.sql("""
				INSERT INTO agent_presence (user_id, available) VALUES (:user, :available)
				ON CONFLICT (user_id) DO UPDATE SET available = :available, changed_at = now()""")
			.param("user", user.value())
			.param("available", available)
			.update();
	}

	/** Those of {@code agents} who are away. */
	@Transactional(readOnly = true)
	public Set<UUID> away(Collection<UUID> agents) {
		if (agents.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(
				jdbc.sql("SELECT user_id FROM agent_presence WHERE NOT available AND user_id = ANY(:agents)")
					.param("agents", agents.toArray(new UUID[0]))
					.query(UUID.class)
					.list());
	}

}
