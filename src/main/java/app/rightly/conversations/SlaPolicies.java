package app.rightly.conversations;

import java.sql.Array;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import app.rightly.channels.ChannelKinds;
import app.rightly.shared.InvalidInputException;
import tools.jackson.databind.json.JsonMapper;
import app.rightly.shared.InvalidInputException.FieldError;
import app.rightly.shared.Tenant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Each brand's response targets ({@link SlaPolicy}); the default until one is set. */
@Service
public class SlaPolicies {

	/** The longest target: a year, in minutes. */
	public static final int MAX_MINUTES = 525_600;

	private final JdbcClient jdbc;

	SlaPolicies(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	public SlaPolicy of(Tenant tenant) {
		return jdbc.sql("""
				SELECT first_high, first_medium, first_low, next_high, next_medium, next_low, business_hours, time_zone,
				       work_days, day_start, day_end, channel_targets::text
				FROM sla_policy WHERE organisation_id = :org AND brand_id = :brand""")
			.param("org", tenant.organisation().value())
			.param("brand", tenant.brand().value())
			.query((rs, n) -> new SlaPolicy(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5),
					rs.getInt(6), rs.getBoolean(7), rs.getString(8), days(rs.getArray(9)), rs.getTime(10).toLocalTime(),
					rs.getTime(11).toLocalTime(), channels(rs.getString(12))))
			.optional()
			.orElse(SlaPolicy.DEFAULT);
	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static Map<String, SlaPolicy.ChannelTarget> channels(String json) {
		Map<String, SlaPolicy.ChannelTarget> out = new TreeMap<>();
		JSON.readTree(json)
			.properties()
			.forEach(e -> out.put(e.getKey(), new SlaPolicy.ChannelTarget(e.getValue().path("first").asInt(),
					e.getValue().path("next").asInt())));
		return out;
	}

	/**
	 * The target in minutes of conversation {@code c} under the policy, as SQL (for the
	 * late filter and the breach rounds): the channel kind's own targets, else the risk
	 * bands; adds its parameters.
	 */
	String minutesSql(Tenant tenant, SlaPolicy policy, Map<String, Object> params) {
		StringBuilder sql = new StringBuilder("CASE");
		if (!policy.channels().isEmpty()) {
			Map<String, List<UUID>> byKind = new java.util.HashMap<>();
			jdbc.sql("SELECT id, kind FROM channel WHERE organisation_id = :org AND brand_id = :brand")
				.param("org", tenant.organisation().value())
				.param("brand", tenant.brand().value())
				.query((rs, n) -> byKind.computeIfAbsent(rs.getString(2), k -> new ArrayList<>())
					.add(rs.getObject(1, UUID.class)))
				.list();
			int i = 0;
			for (Map.Entry<String, SlaPolicy.ChannelTarget> e : policy.channels().entrySet()) {
				List<UUID> ids = byKind.get(e.getKey());
				if (ids == null) {
					continue;
				}
				sql.append(" WHEN c.channel_id = ANY(:slaChannels")
					.append(i)
					.append(") THEN (CASE WHEN c.first_reply_at IS NULL THEN ")
					.append(e.getValue().first())
					.append(" ELSE ")
					.append(e.getValue().next())
					.append(" END)");
				params.put("slaChannels" + i, ids.toArray(new UUID[0]));
				i++;
			}
		}
		sql.append(" WHEN c.risk >= 60 THEN (CASE WHEN c.first_reply_at IS NULL THEN :fh ELSE :nh END)")
			.append(" WHEN c.risk >= 30 THEN (CASE WHEN c.first_reply_at IS NULL THEN :fm ELSE :nm END)")
			.append(" ELSE (CASE WHEN c.first_reply_at IS NULL THEN :fl ELSE :nl END) END");
		params.put("fh", policy.firstHigh());
		params.put("fm", policy.firstMedium());
		params.put("fl", policy.firstLow());
		params.put("nh", policy.nextHigh());
		params.put("nm", policy.nextMedium());
		params.put("nl", policy.nextLow());
		return sql.toString();
	}

	/**
	 * A time of day as the API and the settings form take it (09:00); a bad one is named.
	 */
	public static java.time.LocalTime time(String field, String value) {
		try {
			return java.time.LocalTime.parse(value == null ? "" : value.strip());
		}
		catch (java.time.format.DateTimeParseException ex) {
			throw new InvalidInputException(field, "must be a time such as 09:00");
		}
	}

	private static List<Integer> days(Array array) throws SQLException {
		return Arrays.stream((Integer[]) array.getArray()).toList();
	}

	/**
	 * What is wrong with one channel kind's targets, by what is wrong: {@code kind},
	 * {@code first} or {@code next}; empty when nothing is.
	 */
	public static Map<String, String> channelProblems(String kind, SlaPolicy.ChannelTarget target) {
		Map<String, String> problems = new java.util.LinkedHashMap<>();
		if (!ChannelKinds.known(kind)) {
			problems.put("kind", "is not a channel kind; use " + ChannelKinds.describe());
			return problems;
		}
		int first = target == null ? 0 : target.first();
		int next = target == null ? 0 : target.next();
		if (first < 1 || first > MAX_MINUTES) {
			problems.put("first", "must be 1 to 525,600 minutes");
		}
		if (next < 1 || next > MAX_MINUTES) {
			problems.put("next", "must be 1 to 525,600 minutes");
		}
		return problems;
	}

	/** Sets the brand's policy; every field is checked and a bad one named. */
	@Transactional
	public SlaPolicy set(Tenant tenant, SlaPolicy p) {
		List<FieldError> errors = new ArrayList<>();
		int[] minutes = { p.firstHigh(), p.firstMedium(), p.firstLow(), p.nextHigh(), p.nextMedium(), p.nextLow() };
		String[] names = { "firstHigh", "firstMedium", "firstLow", "nextHigh", "nextMedium", "nextLow" };
		for (int i = 0; i < minutes.length; i++) {
			if (minutes[i] < 1 || minutes[i] > MAX_MINUTES) {
				errors.add(new FieldError(names[i], "must be 1 to 525,600 minutes"));
			}
		}
		try {
			ZoneId.of(p.timeZone() == null ? "" : p.timeZone());
		}
		catch (DateTimeException ex) {
			errors.add(new FieldError("timeZone", "must be a time zone such as Europe/Paris"));
		}
		if (p.workDays() == null || p.workDays().isEmpty()
				|| p.workDays().stream().anyMatch(d -> d == null || d < 1 || d > 7)) {
			errors.add(new FieldError("workDays", "must be days 1 (Monday) to 7 (Sunday), at least one"));
		}
		for (Map.Entry<String, SlaPolicy.ChannelTarget> e : p.channels().entrySet()) {
			channelProblems(e.getKey(), e.getValue()).forEach((field, problem) -> errors
				.add(new FieldError("channels." + e.getKey() + (field.equals("kind") ? "" : "." + field), problem)));
		}
		if (p.dayStart() == null || p.dayEnd() == null || !p.dayStart().isBefore(p.dayEnd())) {
			errors.add(new FieldError("dayEnd", "the working day must end after it starts"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		jdbc.sql(
				"""
						INSERT INTO sla_policy (organisation_id, brand_id, first_high, first_medium, first_low, next_high, next_medium,
						                        next_low, business_hours, time_zone, work_days, day_start, day_end, channel_targets)
						VALUES (:org, :brand, :fh, :fm, :fl, :nh, :nm, :nl, :bh, :tz, :days, :start, :end, CAST(:channels AS jsonb))
						ON CONFLICT (brand_id) DO UPDATE SET first_high = :fh, first_medium = :fm, first_low = :fl, next_high = :nh,
						    next_medium = :nm, next_low = :nl, business_hours = :bh, time_zone = :tz, work_days = :days,
						    day_start = :start, day_end = :end, channel_targets = CAST(:channels AS jsonb), updated_at = now()
						WHERE sla_policy.organisation_id = :org""")
			.param("org", tenant.organisation().value())
			.param("brand", tenant.brand().value())
			.param("fh", p.firstHigh())
			.param("fm", p.firstMedium())
			.param("fl", p.firstLow())
			.param("nh", p.nextHigh())
			.param("nm", p.nextMedium())
			.param("nl", p.nextLow())
			.param("bh", p.businessHours())
			.param("tz", p.timeZone())
			.param("days", p.workDays().stream().distinct().sorted().toArray(Integer[]::new))
			.param("start", java.sql.Time.valueOf(p.dayStart()))
			.param("end", java.sql.Time.valueOf(p.dayEnd()))
			.param("channels", JSON.writeValueAsString(p.channels()))
			.update();
		return of(tenant);
	}

}
