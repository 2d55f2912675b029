package app.rightly.conversations;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.rightly.shared.BackgroundTask;
import app.rightly.shared.BrandId;
import app.rightly.shared.Ids;
import app.rightly.shared.InvalidInputException;
import app.rightly.shared.OrganisationId;
import app.rightly.shared.Tenant;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records every missed response target once per wait, in the background: each round finds
 * the conversations whose customer has waited past the brand's target (exactly, business
 * hours included) and writes a breach; when the wait ends (a reply, or resolved) the
 * breach gets its end. A reply sent late between two rounds is recorded as it is sent.
 * The insights report these records.
 */
@Component
public class SlaBreaches extends BackgroundTask {

	/** Conversations looked at per brand and round (the oldest waits first). */
	static final int BATCH = 5_000;

	private final JdbcClient jdbc;

	private final SlaPolicies policies;

	SlaBreaches(JdbcClient jdbc, SlaPolicies policies,
			@Value("${rightly.sla.breach-period-millis:30000}") long periodMillis) {
		super("sla-breaches", periodMillis);
		this.jdbc = jdbc;
		this.policies = policies;
	}

	/**
	 * A missed target: which, for how long the customer had waited, and when it ended.
	 */
	public record Breach(UUID id, UUID conversation, String target, int risk, int targetMinutes, Instant awaitingSince,
			Instant dueAt, Instant endedAt) {
	}

	/** A brand's breaches that fell due in [since, until), the latest first. */
	@Transactional(readOnly = true)
	public List<Breach> list(Tenant tenant, Instant since, Instant until, int limit) {
		if (limit < 1 || limit > 1000) {
			throw new InvalidInputException("limit", "must be 1 to 1,000");
		}
		return jdbc
			.sql("""
					SELECT id, conversation_id, target, risk, target_minutes, awaiting_since, due_at, ended_at
					FROM sla_breach WHERE organisation_id = :org AND brand_id = :brand AND due_at >= :since AND due_at < :until
					ORDER BY due_at DESC, id LIMIT :limit""")
			.param("org", tenant.organisation().value())
			.param("brand", tenant.brand().value())
			.param("since", Timestamp.from(since))
			.param("until", Timestamp.from(until))
			.param("limit", limit)
			.query((rs, n) -> new Breach(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
					rs.getInt(4), rs.getInt(5), rs.getTimestamp(6).toInstant(), rs.getTimestamp(7).toInstant(),
					rs.getTimestamp(8) == null ? null : rs.getTimestamp(8).toInstant()))
			.list();
	}

	/** How many breaches fell due in [since, until). */
	@Transactional(readOnly = true)
	public int count(Tenant tenant, Instant since, Instant until) {
		return jdbc.sql("""
				SELECT count(*) FROM sla_breach
				WHERE organisation_id = :org AND brand_id = :brand AND due_at >= :since AND due_at < :until""")
			.param("org", tenant.organisation().value())
			.param("brand", tenant.brand().value())
			.param("since", Timestamp.from(since))
			.param("until", Timestamp.from(until))
			.query(Integer.class)
			.single();
	}

	/** One round for every brand; answers how many breaches were new. */
	public int recordAll(Instant now) {
		List<Tenant> brands = jdbc.sql("SELECT DISTINCT organisation_id, brand_id FROM channel")
			.query((rs, n) -> new Tenant(new OrganisationId(rs.getObject(1, UUID.class)),
					new BrandId(rs.getObject(2, UUID.class))))
			.list();
		int recorded = 0;
		for (Tenant tenant : brands) {
			recorded += record(tenant, now);
		}
		// waits that ended: answered, or resolved without a reply
		jdbc.sql("""
				UPDATE sla_breach b SET ended_at = COALESCE(c.last_reply_at, now())
				FROM conversation c
				WHERE b.ended_at IS NULL AND c.id = b.conversation_id
				  AND (c.awaiting_since IS DISTINCT FROM b.awaiting_since OR c.status = 'resolved')""").update();
		return recorded;
	}

	/** Records the brand's waits that are past their target now. */
	@Transactional
	int record(Tenant tenant, Instant now) {
		return record(tenant, now, null);
	}

	/**
	 * A reply is going out: if the customer has waited past the target and no round has
	 * recorded it yet, the breach is recorded now, ended by this reply.
	 */
	void recordLateReply(Tenant tenant, UUID conversation, Instant now) {
		record(tenant, now, conversation);
	}

	/** A wait past its target. */
	private record Late(UUID conversation, String target, int risk, int minutes, Instant since, Instant due) {
	}

	/**
	 * Records the waits past their target now: the brand's, or only {@code replied}'s
	 * (then ended now, by the reply going out).
	 */
	private int record(Tenant tenant, Instant now, UUID replied) {
		SlaPolicy policy = policies.of(tenant);
		// candidates in calendar time (exact for a calendar policy; a business-hours one,
		// whose targets end later, is checked exactly below)
		Map<String, Object> params = new java.util.HashMap<>();
		String target = policies.minutesSql(tenant, policy, params);
		List<Late> late = jdbc.sql("""
				SELECT c.id, c.risk, c.awaiting_since, c.first_reply_at IS NOT NULL, ch.kind FROM conversation c
				JOIN channel ch ON ch.id = c.channel_id
				WHERE c.organisation_id = :org AND c.brand_id = :brand AND c.awaiting_since IS NOT NULL
				  AND c.status <> 'resolved' AND (CAST(:replied AS uuid) IS NULL OR c.id = :replied)
				  AND c.awaiting_since < CAST(:now AS timestamptz) - make_interval(mins => %s)
				  AND NOT EXISTS (SELECT 1 FROM sla_breach b WHERE b.conversation_id = c.id
				                  AND b.awaiting_since = c.awaiting_since)
				ORDER BY c.awaiting_since LIMIT :limit""".formatted(target))
			.params(params)
			.param("org", tenant.organisation().value())
			.param("brand", tenant.brand().value())
			.param("replied", replied)
			.param("now", Timestamp.from(now))
			.param("limit", BATCH)
			.query((rs, n) -> {
				boolean answeredBefore = rs.getBoolean(4);
				int minutes = policy.minutes(rs.getInt(2), answeredBefore, rs.getString(5));
				Instant since = rs.getTimestamp(3).toInstant();
				return new Late(rs.getObject(1, UUID.class), answeredBefore ? "next" : "first", rs.getInt(2), minutes,
						since, policy.due(since, minutes));
			})
			.list()
			.stream()
			.filter(l -> now.isAfter(l.due()))
			.toList();
		insert(tenant, late, replied == null ? null : now);
		return late.size();
	}

	private void insert(Tenant tenant, List<Late> rows, Instant endedAt) {
		if (rows.isEmpty()) {
			return;
		}
		jdbc.sql("""
				INSERT INTO sla_breach (id, organisation_id, brand_id, conversation_id, target, risk, target_minutes,
				                        awaiting_since, due_at, ended_at)
				SELECT id, :org, :brand, conversation_id, target, risk, minutes, since, due, :ended
				FROM unnest(:ids::uuid[], :conversations::uuid[], :targets::text[], :risks::int[], :minutes::int[],
				            :since::timestamptz[], :due::timestamptz[])
				     AS t(id, conversation_id, target, risk, minutes, since, due)
				ON CONFLICT (conversation_id, awaiting_since) DO NOTHING""")
			.param("org", tenant.organisation().value())
			.param("brand", tenant.brand().value())
			.param("ended", endedAt == null ? null : Timestamp.from(endedAt))
			.param("ids", rows.stream().map(r -> Ids.newId()).toArray(UUID[]::new))
			.param("conversations", rows.stream().map(Late::conversation).toArray(UUID[]::new))
			.param("targets", rows.stream().map(Late::target).toArray(String[]::new))
			.param("risks", rows.stream().map(Late::risk).toArray(Integer[]::new))
			.param("minutes", rows.stream().map(Late::minutes).toArray(Integer[]::new))
			.param("since", rows.stream().map(r -> Timestamp.from(r.since())).toArray(Timestamp[]::new))
			.param("due", rows.stream().map(r -> Timestamp.from(r.due())).toArray(Timestamp[]::new))
			.update();
	}

	@Override
	protected void round() {
		recordAll(Instant.now());
	}

}
