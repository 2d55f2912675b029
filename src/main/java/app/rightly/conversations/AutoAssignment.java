package app.rightly.conversations;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import app.rightly.shared.InvalidInputException;
import app.rightly.shared.InvalidInputException.FieldError;
import app.rightly.shared.Tenant;

import app.rightly.tenancy.TenancyManagement;

import app.rightly.shared.BackgroundTask;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Assigns a brand's new open conversations by its rule, riskiest first, every couple of
 * seconds: round-robin through the pool of agents, or to the one with the fewest open
 * conversations; never beyond the cap of open conversations per agent (what is left
 * waits, unassigned). Each assignment is an event of the conversation.
 */
@Component
public class AutoAssignment extends BackgroundTask {

	public static final List<String> MODES = List.of("off", "round_robin", "least_loaded");

	/** A brand's rule. */
	public record Rule(String mode, int cap, List<UUID> agents) {
	}

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final TenancyManagement tenancy;

	private final Presence presence;

	AutoAssignment(JdbcClient jdbc, TransactionTemplate transactions, TenancyManagement tenancy, Presence presence,
			@Value("${rightly.assignment.period-millis:2000}") long periodMillis) {
		super("auto-assignment", periodMillis);
		this.presence = presence;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.tenancy = tenancy;
	}

	/**
	 * Who gets each of {@code count} conversations: the pool in order after {@code last}
	 * (round-robin) or the least loaded first, skipping anyone at the cap. Shorter than
	 * {@code count} when everyone is full.
	 */
	static List<UUID> choose(String mode, List<UUID> pool, Map<UUID, Integer> load, int cap, UUID last, int count) {
		Map<UUID, Integer> open = new HashMap<>();
		pool.forEach(a -> open.put(a, load.getOrDefault(a, 0)));
		List<UUID> out = new ArrayList<>();
		int next = last == null ? 0 : pool.indexOf(last) + 1;
		for (int n = 0; n < count; n++) {
			UUID chosen = null;
			if (mode.equals("least_loaded")) {
				for (UUID a : pool) {
					if (open.get(a) < cap && (chosen == null || open.get(a) < open.get(chosen))) {
						chosen = a;
					}
				}
			}
			else {
				for (int tried = 0; tried < pool.size(); tried++) {
					UUID a = pool.get(Math.floorMod(next + tried, pool.size()));
					if (open.get(a) < cap) {
						chosen = a;
						next = Math.floorMod(next + tried + 1, pool.size());
						break;
					}
				}
			}
			if (chosen == null) {
				break;
			}
			open.merge(chosen, 1, Integer::sum);
			out.add(chosen);
		}
		return out;
	}

	public Rule rule(Tenant tenant) {
		return jdbc
			.sql("SELECT mode, cap, agents FROM assignment_rule WHERE organisation_id = :org AND brand_id = :brand")
			.param("org", tenant.organisation().value())
			.param("brand", tenant.brand().value())
			.query((rs, n) -> new Rule(rs.getString(1), rs.getInt(2), List.of((UUID[]) rs.getArray(3).getArray())))
			.optional()
			.orElse(new Rule("off", 20, List.of()));
	}

	/** Sets the rule; the agents must work the brand. */
	public Rule setRule(Tenant tenant, Rule rule) {
		List<FieldError> errors = new ArrayList<>();
		if (rule.mode() == null || !MODES.contains(rule.mode())) {
			errors.add(new FieldError("mode", "must be off, round_robin or least_loaded"));
		}
		if (rule.cap() < 1 || rule.cap() > 10_000) {
			errors.add(new FieldError("cap", "must be 1 to 10,000"));
		}
		Set<UUID> team = new java.util.HashSet<>();
		tenancy.team(tenant).forEach(t -> team.add(t.id().value()));
		List<UUID> agents = rule.agents() == null ? List.of() : rule.agents().stream().distinct().toList();
		for (int i = 0; i < agents.size(); i++) {
			if (agents.get(i) == null || !team.contains(agents.get(i))) {
				errors.add(new FieldError("agents[" + i + "]", "must be a teammate who works this brand"));
			}
		}
		if (!"off".equals(rule.mode()) && agents.isEmpty()) {
			errors.add(new FieldError("agents", "name at least one agent to assign to"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		jdbc.sql("""
				INSERT INTO assignment_rule (organisation_id, brand_id, mode, cap, agents)
				VALUES (:org, :brand, :mode, :cap, :agents)
				ON CONFLICT (brand_id) DO UPDATE SET mode = :mode, cap = :cap, agents = :agents, updated_at = now()
				WHERE assignment_rule.organisation_id = :org""")
			.param("org", tenant.organisation().value())
			.param("brand", tenant.brand().value())
			.param("mode", rule.mode())
			.param("cap", rule.cap())
			.param("agents", agents.toArray(new UUID[0]))
			.update();
		return rule(tenant);
	}

	/**
	 * One pass over every brand with a rule; answers how many conversations it assigned.
	 */
	public int assignAll() {
		record Brand(UUID org, UUID brand) {
		}
		List<Brand> brands = jdbc.sql("SELECT organisation_id, brand_id FROM assignment_rule WHERE mode <> 'off'")
			.query((rs, n) -> new Brand(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
			.list();
		int assigned = 0;
		for (Brand b : brands) {
			Integer n = transactions.execute(status -> assign(b.org(), b.brand()));
			assigned += n == null ? 0 : n;
		}
		return assigned;
	}

	private int assign(UUID org, UUID brand) {
		record Row(String mode, int cap, List<UUID> agents, UUID last) {
		}
		Row rule = jdbc.sql("""
				SELECT mode, cap, agents, last_assignee FROM assignment_rule
				WHERE organisation_id = :org AND brand_id = :brand AND mode <> 'off' FOR UPDATE SKIP LOCKED""")
			.param("org", org)
			.param("brand", brand)
			.query((rs, n) -> new Row(rs.getString(1), rs.getInt(2), List.of((UUID[]) rs.getArray(3).getArray()),
					rs.getObject(4, UUID.class)))
			.optional()
			.orElse(null);
		if (rule == null || rule.agents().isEmpty()) {
			return 0;
		}
		List<UUID> waiting = jdbc.sql("""
				SELECT id FROM conversation WHERE organisation_id = :org AND brand_id = :brand AND status = 'open'
				  AND assignee_id IS NULL ORDER BY risk DESC, last_message_at LIMIT 200""")
			.param("org", org)
			.param("brand", brand)
			.query(UUID.class)
			.list();
		if (waiting.isEmpty()) {
			return 0;
		}
		Map<UUID, Integer> load = new HashMap<>();
		jdbc.sql("""
				SELECT assignee_id, count(*) FROM conversation WHERE organisation_id = :org AND brand_id = :brand
				  AND status = 'open' AND assignee_id = ANY(:agents) GROUP BY assignee_id""")
			.param("org", org)
			.param("brand", brand)
			.param("agents", rule.agents().toArray(new UUID[0]))
			.query((rs, n) -> load.put(rs.getObject(1, UUID.class), rs.getInt(2)))
			.list();
		// agents who are away take nothing new: as if they were full
		presence.away(rule.agents()).forEach(a -> load.put(a, Integer.MAX_VALUE));
		List<UUID> to = choose(rule.mode(), rule.agents(), load, rule.cap(), rule.last(), waiting.size());
		for (int i = 0; i < to.size(); i++) {
			jdbc.sql(
					"""
							UPDATE conversation SET assignee_id = :to WHERE organisation_id = :org AND brand_id = :brand AND id = :id
							  AND assignee_id IS NULL""")
				.param("to", to.get(i))
				.param("org", org)
				.param("brand", brand)
				.param("id", waiting.get(i))
				.update();
			jdbc.sql(
					"""
							INSERT INTO conversation_event (id, organisation_id, brand_id, conversation_id, kind, actor_id, detail)
							VALUES (:id, :org, :brand, :conversation, 'assigned', NULL, CAST(:detail AS jsonb))""")
				.param("id", app.rightly.shared.Ids.newId())
				.param("org", org)
				.param("brand", brand)
				.param("conversation", waiting.get(i))
				.param("detail", "{\"assignee\": \"" + to.get(i) + "\", \"auto\": \"" + rule.mode() + "\"}")
				.update();
		}
		if (!to.isEmpty()) {
			jdbc.sql("UPDATE assignment_rule SET last_assignee = :last WHERE brand_id = :brand")
				.param("last", to.get(to.size() - 1))
				.param("brand", brand)
				.update();
		}
		return to.size();
	}

	@Override
	protected void round() {
		assignAll();
	}

}
