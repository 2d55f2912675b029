package app.rightly.conversations;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import app.rightly.analysis.Analysis;
import app.rightly.analysis.BrandTopics;
import app.rightly.analysis.ReplyCoach;
import app.rightly.channels.ChannelKinds;
import app.rightly.customers.AbuseFlags;
import app.rightly.customers.CustomerQueries;
import app.rightly.shared.Ids;
import app.rightly.shared.InvalidInputException;
import app.rightly.shared.NotFoundException;
import app.rightly.shared.Tenant;
import app.rightly.shared.UserId;
import app.rightly.tenancy.TenancyManagement;
import app.rightly.tenancy.TenancyManagement.Teammate;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Working the inbox: conversations listed by risk (or time) with filters and search, a
 * conversation's thread with notes, replies and the suggested stance; assigning, changing
 * status, notes, and replies — coached before they go out, then written to the outbox in
 * the same transaction as the message and the conversation's change. Every change is
 * logged as an event. All queries are scoped to the tenant.
 */
@Service
public class ConversationWork {

	public static final List<String> STATUSES = List.of("open", "pending", "snoozed", "resolved");

	public static final List<String> SORTS = List.of("risk", "newest", "oldest");

	public static final int MAX_REPLY = 10_000;

	/** Totals are counted up to this; a {@code total} above it means "more". */
	public static final int MAX_COUNT = 10_000;

	/** A search's total is counted up to this. */
	public static final int MAX_SEARCH_COUNT = 1_000;

	/** A search in risk order looks up at most this many of the riskiest it finds. */
	private static final int MAX_HINTED = 5_000;

	private final JdbcClient jdbc;

	private final TenancyManagement tenancy;

	private final ReplyCoach coach;

	private final BrandTopics topics;

	private final JsonMapper json = JsonMapper.builder().build();

	private final SlaPolicies slas;

	private final CustomerQueries customers;

	private final AbuseFlags abuseFlags;

	private final SlaBreaches breaches;

	ConversationWork(JdbcClient jdbc, TenancyManagement tenancy, ReplyCoach coach, BrandTopics topics, SlaPolicies slas,
			CustomerQueries customers, AbuseFlags abuseFlags, SlaBreaches breaches) {
		this.breaches = breaches;
		this.abuseFlags = abuseFlags;
		this.slas = slas;
		this.customers = customers;
		this.jdbc = jdbc;
		this.tenancy = tenancy;
		this.coach = coach;
		this.topics = topics;
	}

	// ---- views
	// ---------------------------------------------------------------------------

	/** Who wrote the latest customer message, and how far it reaches. */
	public record Customer(UUID id, String name, String handle, Long followers, boolean abusive) {
	}

	public record Channel(UUID id, String kind, String name) {
	}

	public record Assignee(UUID id, String name) {
	}

	/**
	 * The response clock: the target for the risk band, when the reply is due, and
	 * whether it is late.
	 */
	public record Sla(String target, Instant awaitingSince, Instant dueAt, boolean breached, long secondsLeft) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Latest(UUID id, String text, Instant createdAt, String direction, @JsonRawValue String analysis) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Item(UUID id, int risk, String status, Assignee assignee, Channel channel, Customer customer,
			Latest latest, Instant lastMessageAt, int messageCount, Sla sla, Instant snoozedUntil, String visibility,
			List<String> labels, Boolean unread) {

		/** The same item, marked read or unread by the agent looking. */
		Item unread(boolean value) {
			return new Item(id, risk, status, assignee, channel, customer, latest, lastMessageAt, messageCount, sla,
					snoozedUntil, visibility, labels, value);
		}

	}

	public record Page(List<Item> items, int total, Integer next) {
	}

	/** What to list. {@code assignee} is {@code me}, {@code none} or a user id. */
	public record Filter(String sort, String status, String assignee, UUID channel, String sentiment, String intent,
			String urgency, String q, boolean breached, int offset, int limit, String label, String topic,
			boolean review) {

		public Filter(String sort, String status, String assignee, UUID channel, String sentiment, String intent,
				String urgency, String q, boolean breached, int offset, int limit) {
			this(sort, status, assignee, channel, sentiment, intent, urgency, q, breached, offset, limit, null, null,
					false);
		}

		/**
		 * The filter from query parameters as the inbox page and saved views write them
		 * ({@code status=open&intent=complaint&…}); a bad channel id is named.
		 */
		public static Filter of(Map<String, String> p, int offset, int limit) {
			String channel = blank(p.get("channel"));
			UUID channelId = null;
			if (channel != null) {
				try {
					channelId = UUID.fromString(channel);
				}
				catch (IllegalArgumentException ex) {
					throw new InvalidInputException("channel", "must be a channel id");
				}
			}
			return new Filter(blank(p.get("sort")), blank(p.get("status")), blank(p.get("assignee")), channelId,
					blank(p.get("sentiment")), blank(p.get("intent")), blank(p.get("urgency")), blank(p.get("q")),
					"true".equals(p.get("breached")), offset, limit, blank(p.get("label")), blank(p.get("topic")),
					"true".equals(p.get("review")));
		}

		private static String blank(String s) {
			return s == null || s.isBlank() ? null : s.strip();
		}

	}

	// ---- SLA
	// -----------------------------------------------------------------------------

	/** The response clock of a conversation under the brand's policy. */
	static Sla sla(SlaPolicy policy, int risk, String channelKind, Instant awaitingSince, boolean answeredBefore,
			String status, Instant now) {
		if (awaitingSince == null || status.equals("resolved")) {
			return null;
		}
		int minutes = policy.minutes(risk, answeredBefore, channelKind);
		Instant due = policy.due(awaitingSince, minutes);
		return new Sla(Duration.ofMinutes(minutes).toString() + (policy.businessHours() ? " business" : ""),
				awaitingSince, due, now.isAfter(due), Duration.between(now, due).toSeconds());
	}

	// ---- listing
	// -------------------------------------------------------------------------

	private static final String ITEM_COLUMNS = """
			c.id, c.risk, c.status, c.assignee_id, c.channel_id, ch.kind AS channel_kind, ch.name AS channel_name,
			c.customer_id, cu.display_name, cu.abusive_at IS NOT NULL AS abusive, c.last_message_at, c.message_count, c.awaiting_since, c.snoozed_until,
			c.visibility, c.first_reply_at, c.labels, lm.id AS latest_id, lm.text AS latest_text, lm.created_at AS latest_at,
			lm.direction AS latest_direction, lm.author_handle, lm.author_name, lm.author_followers, lm.analysis""";

	/** The columns a page is ordered by, and the key. */
	private static final String KEYS = "c.id, c.risk, c.last_message_at";

	private static final String ITEM_JOINS = """
			JOIN channel ch ON ch.id = c.channel_id AND ch.brand_id = c.brand_id
			LEFT JOIN customer cu ON cu.id = c.customer_id AND cu.brand_id = c.brand_id
			LEFT JOIN LATERAL (
			    SELECT m.id, m.text, m.created_at, m.direction, m.author_handle, m.author_name, m.author_followers, m.analysis
			    FROM message m WHERE m.conversation_id = c.id AND m.brand_id = c.brand_id
			    ORDER BY (m.direction = 'inbound') DESC, m.created_at DESC LIMIT 1) lm ON true
			""";

	private static final String ITEM_FROM = "FROM conversation c\n" + ITEM_JOINS;

	@Transactional(readOnly = true)
	public Page list(Tenant tenant, UserId me, Filter filter) {
		Where w = where(tenant, me, filter);
		SlaPolicy policy = w.policy();
		String order = switch (w.sort()) {
			case "newest" -> " ORDER BY c.last_message_at DESC, c.id";
			case "oldest" -> " ORDER BY c.last_message_at ASC, c.id";
			default -> " ORDER BY c.risk DESC, c.id DESC";
		};
		Map<UUID, String> names = teamNames(tenant);
		Instant now = Instant.now();
		int upTo = filter.offset() + filter.limit() + 1;
		List<Item> items = null;
		int total = -1;
		if (w.search() == null) {
			items = page(ordered(w, order, upTo), order, filter, w.params(), names, now, policy, null);
		}
		else if (w.sort().equals("risk")) {
			items = riskiestFound(w, order, filter, names, now, policy);
		}
		if (items == null) {
			// the conversations the words find, collected by their indexes, read by
			// key and counted in the same pass
			int[] counted = { 0 };
			items = page(
					"SELECT " + KEYS + ", count(*) OVER () AS full_count FROM conversation c" + w.sql()
							+ " AND c.id = ANY(" + w.search().matches() + ")",
					order, filter, w.params(), names, now, policy, counted);
			total = Math.min(counted[0], MAX_SEARCH_COUNT + 1);
		}
		if (filter.breached() && policy.businessHours()) {
			items = items.stream().filter(i -> i.sla() != null && i.sla().breached()).toList();
		}
		if (total < 0) {
			total = count(w);
		}
		boolean more = items.size() > filter.limit();
		return new Page(withUnread(more ? items.subList(0, filter.limit()) : items, me), total,
				more ? filter.offset() + filter.limit() : null);
	}

	/**
	 * A search's page in risk order, or null when it cannot tell cheaply. The search
	 * documents keep their conversation's risk as of their last indexing, exact unless
	 * the conversation has messages not indexed yet: so the riskiest documents, plus the
	 * conversations found otherwise or changed since (read exactly), hold the page once
	 * its last conversation ranks above every document left out.
	 */
	private List<Item> riskiestFound(Where w, String order, Filter filter, Map<UUID, String> names, Instant now,
			SlaPolicy policy) {
		int upTo = filter.offset() + filter.limit() + 1;
		Map<String, Object> params = new java.util.HashMap<>(w.params());
		for (int k = 2 * upTo; k <= MAX_HINTED; k *= 8) {
			List<Key> hinted = jdbc
				.sql("SELECT cs.conversation_id, cs.risk FROM conversation_search cs WHERE cs.brand_id = :brand AND "
						+ Search.WORDS + " ORDER BY cs.risk DESC, cs.conversation_id DESC LIMIT " + (k + 1))
				.params(params)
				.query((rs, n) -> new Key(rs.getObject(1, UUID.class), rs.getInt(2)))
				.list();
			params.put("hinted", hinted.stream().limit(k).map(Key::id).toArray(UUID[]::new));
			List<Item> items = page(
					"SELECT " + KEYS + " FROM conversation c" + w.sql() + " AND c.id = ANY(CAST(:hinted AS uuid[]) || "
							+ w.search().others() + " || " + w.search().changed() + ")",
					order, filter, params, names, now, policy, null);
			if (hinted.size() <= k) {
				return items; // every document looked up
			}
			Key bound = hinted.get(k);
			if (items.size() == filter.limit() + 1 && bound.rankedAfter(items.get(items.size() - 1))) {
				return items;
			}
		}
		return null;
	}

	/** A conversation's place in risk order. */
	private record Key(UUID id, int risk) {

		/**
		 * Whether this ranks after the item in risk order (ties: the greater id first).
		 */
		boolean rankedAfter(Item item) {
			if (risk != item.risk()) {
				return risk < item.risk();
			}
			// as PostgreSQL orders uuids: byte by byte, unsigned
			int high = Long.compareUnsigned(id.getMostSignificantBits(), item.id().getMostSignificantBits());
			return high != 0 ? high < 0
					: Long.compareUnsigned(id.getLeastSignificantBits(), item.id().getLeastSignificantBits()) < 0;
		}

	}

	/**
	 * Reads a page of {@code rows} (a query of the {@link #KEYS} of conversations), then
	 * the details of those on the page only. With {@code counted}, the rows carry their
	 * number as {@code full_count}.
	 */
	private List<Item> page(String rows, String order, Filter filter, Map<String, Object> params,
			Map<UUID, String> names, Instant now, SlaPolicy policy, int[] counted) {
		return jdbc
			.sql("SELECT " + ITEM_COLUMNS + (counted != null ? ", p.full_count" : "") + " FROM (SELECT * FROM (" + rows
					+ ") c" + order + " LIMIT :limit OFFSET :offset) p JOIN conversation c ON c.id = p.id " + ITEM_JOINS
					+ order)
			.params(params)
			.param("limit", filter.limit() + 1)
			.param("offset", filter.offset())
			.query((rs, n) -> {
				if (counted != null) {
					counted[0] = (int) Math.min(rs.getLong("full_count"), Integer.MAX_VALUE);
				}
				return item(rs, names, now, policy);
			})
			.list();
	}

	/**
	 * The first {@code n} conversations of the filter in order, as a query of their
	 * {@link #KEYS}. In risk order over every status it is the four statuses' own index
	 * scans merged: there is no index on risk alone, which every message would have to
	 * keep up.
	 */
	private static String ordered(Where w, String order, int n) {
		if (w.anyStatus() && w.sort().equals("risk")) {
			return STATUSES.stream()
				.map(s -> "(SELECT " + KEYS + " FROM conversation c" + w.sql() + " AND c.status = '" + s + "'" + order
						+ " LIMIT " + n + ")")
				.collect(java.util.stream.Collectors.joining(" UNION ALL ", "SELECT * FROM (",
						") c" + order + " LIMIT " + n));
		}
		return "SELECT " + KEYS + " FROM conversation c" + w.sql() + order + " LIMIT " + n;
	}

	/** How many conversations the filter finds, counted up to 10,000 (a search 1,000). */
	@Transactional(readOnly = true)
	public int count(Tenant tenant, UserId me, Filter filter) {
		return count(where(tenant, me, filter));
	}

	/** Counted up to a limit, without the latest message: no filter needs it. */
	private int count(Where w) {
		String sql;
		if (w.search() == null) {
			sql = "SELECT 1 FROM conversation c" + w.sql() + " LIMIT " + (MAX_COUNT + 1);
		}
		else {
			// those the words' index finds, then those found otherwise (a handle, new
			// messages) and not by their words, until the limit
			sql = "SELECT 1 FROM conversation_search cs JOIN conversation c ON c.id = cs.conversation_id" + w.sql()
					+ " AND " + Search.WORDS + " UNION ALL SELECT 1 FROM conversation c" + w.sql() + " AND c.id = ANY("
					+ w.search().others() + ") AND NOT EXISTS (SELECT 1 FROM conversation_search cs "
					+ "WHERE cs.conversation_id = c.id AND " + Search.WORDS + ") LIMIT " + (MAX_SEARCH_COUNT + 1);
		}
		return jdbc.sql("SELECT count(*) FROM (" + sql + ") n").params(w.params()).query(Integer.class).single();
	}

	/**
	 * A search as SQL: a customer's handle (exactly, with or without @), or words of the
	 * names and texts of messages (PostgreSQL full-text search) — in the one search
	 * document per conversation the background indexer keeps, or in the messages it has
	 * not reached yet.
	 */
	private record Search() {

		static final String WORDS = "cs.words @@ plainto_tsquery('simple', :q)";

		/** A query of the conversations of the handle and of new messages. */
		private static final String OTHERS = "SELECT h.id FROM conversation h JOIN customer_identity ci "
				+ "ON ci.customer_id = h.customer_id WHERE ci.brand_id = :brand AND ci.identity_key = :handle "
				+ "AND h.brand_id = :brand "
				+ "UNION SELECT s.conversation_id FROM message s WHERE s.brand_id = :brand AND s.seq > :indexed "
				+ "AND to_tsvector('simple', coalesce(s.author_name, '') || ' ' || s.text) "
				+ "@@ plainto_tsquery('simple', :q)";

		/** The conversations of the handle and of the messages not indexed yet. */
		String others() {
			return "ARRAY(" + OTHERS + ")";
		}

		/** Every conversation found, each part over its index. */
		String matches() {
			return "ARRAY(" + OTHERS + " UNION ALL SELECT cs.conversation_id FROM conversation_search cs "
					+ "WHERE cs.brand_id = :brand AND " + WORDS + ")";
		}

		/**
		 * The conversations found by their document that have messages not indexed yet
		 * (their risk may have changed since).
		 */
		String changed() {
			return "ARRAY(SELECT cs.conversation_id FROM conversation_search cs WHERE cs.conversation_id IN ("
					+ "SELECT s.conversation_id FROM message s WHERE s.brand_id = :brand AND s.seq > :indexed) AND "
					+ WORDS + ")";
		}

	}

	/**
	 * A filter as SQL: the WHERE clause, its parameters, the brand's policy, the order.
	 */
	private record Where(String sql, Map<String, Object> params, SlaPolicy policy, String sort, boolean anyStatus,
			Search search) {
	}

	private Where where(Tenant tenant, UserId me, Filter filter) {
		List<InvalidInputException.FieldError> errors = new ArrayList<>();
		String sort = filter.sort() == null ? "risk" : filter.sort();
		if (!SORTS.contains(sort)) {
			errors.add(new InvalidInputException.FieldError("sort", "must be risk, newest or oldest"));
		}
		if (filter.status() != null && !filter.status().equals("all") && !STATUSES.contains(filter.status())) {
			errors
				.add(new InvalidInputException.FieldError("status", "must be open, pending, snoozed, resolved or all"));
		}
		UUID assignee = null;
		if (filter.assignee() != null && !filter.assignee().equals("me") && !filter.assignee().equals("none")) {
			try {
				assignee = UUID.fromString(filter.assignee());
			}
			catch (IllegalArgumentException ex) {
				errors.add(new InvalidInputException.FieldError("assignee", "must be me, none or a user id"));
			}
		}
		if (filter.limit() < 1 || filter.limit() > 200) {
			errors.add(new InvalidInputException.FieldError("limit", "must be 1 to 200"));
		}
		if (filter.offset() < 0) {
			errors.add(new InvalidInputException.FieldError("cursor", "must not be negative"));
		}
		if (filter.q() != null && filter.q().length() > 200) {
			errors.add(new InvalidInputException.FieldError("q", "must be at most 200 characters"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		StringBuilder where = new StringBuilder(" WHERE c.organisation_id = :org AND c.brand_id = :brand");
		var params = new java.util.HashMap<String, Object>();
		params.put("org", tenant.organisation().value());
		params.put("brand", tenant.brand().value());
		if (filter.status() != null && !filter.status().equals("all")) {
			where.append(" AND c.status = :status");
			params.put("status", filter.status());
		}
		if ("me".equals(filter.assignee())) {
			where.append(" AND c.assignee_id = :assignee");
			params.put("assignee", me.value());
		}
		else if ("none".equals(filter.assignee())) {
			where.append(" AND c.assignee_id IS NULL");
		}
		else if (assignee != null) {
			where.append(" AND c.assignee_id = :assignee");
			params.put("assignee", assignee);
		}
		if (filter.channel() != null) {
			where.append(" AND c.channel_id = :channel");
			params.put("channel", filter.channel());
		}
		if (filter.sentiment() != null) {
			where.append(" AND c.latest_sentiment = :sentiment");
			params.put("sentiment", filter.sentiment());
		}
		if (filter.intent() != null) {
			where.append(" AND c.latest_intent = :intent");
			params.put("intent", filter.intent());
		}
		if (filter.label() != null) {
			// labels are few per conversation and mostly rare: their conversations first,
			// by the labels' index, then those by key
			where.append(" AND c.id = ANY(ARRAY(SELECT l.id FROM conversation l WHERE l.brand_id = :brand "
					+ "AND l.labels @> ARRAY[CAST(:label AS text)]))");
			params.put("label", label(filter.label()));
		}
		if (filter.urgency() != null) {
			where.append(" AND c.latest_urgency = :urgency");
			params.put("urgency", filter.urgency());
		}
		if (filter.topic() != null) {
			// a topic, promise or policy of the brand (its id) or a label of its topic
			// model
			where.append(" AND c.latest_topics @> ARRAY[CAST(:topic AS text)]");
			params.put("topic", filter.topic());
		}
		if (filter.review()) {
			where.append(" AND c.latest_review");
		}
		SlaPolicy policy = slas.of(tenant);
		if (filter.breached()) {
			// late in calendar time: exact for a calendar policy, and the candidates of a
			// business-hours one (whose page is then filtered exactly below)
			where.append(" AND c.awaiting_since IS NOT NULL AND c.status <> 'resolved' AND c.awaiting_since < now() - "
					+ "make_interval(mins => " + slas.minutesSql(tenant, policy, params) + ")");
		}
		Search search = null;
		if (filter.q() != null && !filter.q().isBlank()) {
			search = new Search();
			String q = filter.q().strip();
			params.put("q", q);
			params.put("handle", (q.startsWith("@") ? q.substring(1) : q).toLowerCase(java.util.Locale.ROOT));
			// a number, not a sub-query, so that the planner reads the tail by its index
			params.put("indexed",
					jdbc.sql("SELECT last_seq FROM search_progress WHERE id = 1")
						.query(Long.class)
						.optional()
						.orElse(0L));
		}
		return new Where(where.toString(), params, policy, sort,
				filter.status() == null || filter.status().equals("all"), search);
	}

	/** Conversation counts of the views: mine, unassigned, all (open ones). */
	@Transactional(readOnly = true)
	public Map<String, Integer> counts(Tenant tenant, UserId me) {
		// each over its index, counted up to 10,000 (shown as "10,000+"), so a busy inbox
		// does not read every open conversation to draw its tabs
		String open = "SELECT count(*) FROM (SELECT 1 FROM conversation WHERE organisation_id = :org "
				+ "AND brand_id = :brand AND status = 'open' AND %s LIMIT " + (MAX_COUNT + 1) + ") n";
		Map<String, Integer> counts = new java.util.LinkedHashMap<>();
		counts.put("mine", count(tenant, open.formatted("assignee_id = :me"), me));
		counts.put("unassigned", count(tenant, open.formatted("assignee_id IS NULL"), me));
		counts.put("all", count(tenant, open.formatted("true"), me));
		return counts;
	}

	private int count(Tenant tenant, String sql, UserId me) {
		return jdbc.sql(sql)
			.param("me", me.value())
			.param("org", tenant.organisation().value())
			.param("brand", tenant.brand().value())
			.query(Integer.class)
			.single();
	}

	private Map<UUID, String> teamNames(Tenant tenant) {
		Map<UUID, String> names = new java.util.HashMap<>();
		for (Teammate t : tenancy.team(tenant)) {
			names.put(t.id().value(), t.name());
		}
		return names;
	}

	private static Item item(ResultSet rs, Map<UUID, String> names, Instant now, SlaPolicy policy) throws SQLException {
		UUID assigneeId = rs.getObject("assignee_id", UUID.class);
		UUID latestId = rs.getObject("latest_id", UUID.class);
		int risk = rs.getInt("risk");
		String status = rs.getString("status");
		Long followers = rs.getObject("author_followers") == null ? null : rs.getLong("author_followers");
		String name = rs.getString("display_name") != null ? rs.getString("display_name") : rs.getString("author_name");
		return new Item(rs.getObject("id", UUID.class), risk, status,
				assigneeId == null ? null : new Assignee(assigneeId, names.getOrDefault(assigneeId, "")),
				new Channel(rs.getObject("channel_id", UUID.class), rs.getString("channel_kind"),
						rs.getString("channel_name")),
				new Customer(rs.getObject("customer_id", UUID.class), name, rs.getString("author_handle"), followers,
						rs.getBoolean("abusive")),
				latestId == null ? null
						: new Latest(latestId, rs.getString("latest_text"), instant(rs.getTimestamp("latest_at")),
								rs.getString("latest_direction"), rs.getString("analysis")),
				instant(rs.getTimestamp("last_message_at")), rs.getInt("message_count"),
				sla(policy, risk, rs.getString("channel_kind"), instant(rs.getTimestamp("awaiting_since")),
						rs.getTimestamp("first_reply_at") != null, status, now),
				instant(rs.getTimestamp("snoozed_until")), rs.getString("visibility"),
				List.of((String[]) rs.getArray("labels").getArray()), null);
	}

	/**
	 * Marks the page's items unread for this agent when a customer wrote after they last
	 * opened the conversation.
	 */
	private List<Item> withUnread(List<Item> items, UserId me) {
		if (items.isEmpty()) {
			return items;
		}
		Set<UUID> unread = new java.util.HashSet<>(jdbc.sql("""
				SELECT c.id FROM unnest(:ids::uuid[]) AS c(id)
				LEFT JOIN conversation_read r ON r.user_id = :me AND r.conversation_id = c.id
				WHERE EXISTS (SELECT 1 FROM message m WHERE m.conversation_id = c.id AND m.direction = 'inbound'
				              AND (r.read_at IS NULL OR m.received_at > r.read_at))""")
			.param("me", me.value())
			.param("ids", items.stream().map(Item::id).toArray(UUID[]::new))
			.query(UUID.class)
			.list());
		return items.stream().map(i -> i.unread(unread.contains(i.id()))).toList();
	}

	/**
	 * Flags (or, with {@code flag} false, un-flags) the conversation's customer as
	 * abusive, logged on the conversation.
	 */
	@Transactional
	public void flagCustomer(Tenant tenant, UUID id, boolean flag, String note, UserId actor) {
		Item item = find(tenant, id).orElseThrow(() -> new NotFoundException("conversation"));
		if (item.customer() == null || item.customer().id() == null) {
			throw new InvalidInputException("customer", "this conversation has no customer to flag");
		}
		if (flag) {
			abuseFlags.flag(tenant, item.customer().id(), note, actor);
		}
		else {
			abuseFlags.clear(tenant, item.customer().id());
		}
		event(tenant, id, flag ? "customer_flagged" : "customer_unflagged", actor,
				Map.of("customer", item.customer().id().toString()));
	}

	/** The agent has opened the conversation: it is no longer unread for them. */
	@Transactional
	public void markRead(Tenant tenant, UUID id, UserId me) {
		jdbc.sql("""
				INSERT INTO conversation_read (user_id, conversation_id, brand_id, read_at)
				SELECT :me, id, brand_id, now() FROM conversation
				WHERE organisation_id = :org AND brand_id = :brand AND id = :id
				ON CONFLICT (user_id, conversation_id) DO UPDATE SET read_at = excluded.read_at""")
			.param("me", me.value())
			.param("org", tenant.organisation().value())
			.param("brand", tenant.brand().value())
			.param("id", id)
			.update();
	}

	private static Instant instant(Timestamp t) {
		return t == null ? null : t.toInstant();
	}

	// ---- one conversation
	// ----------------------------------------------------------------

	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record ThreadMessage(UUID id, String direction, String authorHandle, String authorName, String text,
			Instant createdAt, @JsonRawValue String analysis, Delivery delivery) {
	}

	/** How a reply is going out. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Delivery(UUID id, String connector, String state, int attempts, String lastError, Instant sentAt,
			UUID authorId) {
	}

	public record Note(UUID id, UUID authorId, String authorName, String text, Instant createdAt) {
	}

	public record Event(String kind, UUID actorId, @JsonRawValue String detail, Instant createdAt) {
	}

	/**
	 * The suggested way to answer: {@code make_it_right}, {@code explain_alternative},
	 * {@code correct_kindly}, {@code set_boundary}, {@code thank_and_amplify} or
	 * {@code answer}, with why.
	 */
	public record Stance(String stance, String reason, List<String> evidence) {
	}

	/** A customer's other conversation, for the customer card. */
	public record OtherConversation(UUID id, String status, int risk, Instant lastMessageAt, String sentiment) {
	}

	/** How a customer's messages felt over time, oldest first. */
	public record Mood(Instant at, String sentiment) {
	}

	/** Who the customer is: identities, other conversations, sentiment history. */
	public record CustomerCard(List<CustomerQueries.Identity> identities, List<OtherConversation> conversations,
			List<Mood> history, AbuseFlags.Flag abusive) {
	}

	public record Detail(Item conversation, List<ThreadMessage> messages, List<Note> notes, List<Event> events,
			Stance stance, CustomerCard customer) {
	}

	@Transactional(readOnly = true)
	public Optional<Item> find(Tenant tenant, UUID id) {
		return jdbc
			.sql("SELECT " + ITEM_COLUMNS + " " + ITEM_FROM
					+ " WHERE c.organisation_id = :org AND c.brand_id = :brand AND c.id = :id")
			.param("org", tenant.organisation().value())
			.param("brand", tenant.brand().value())
			.param("id", id)
			.query((rs, n) -> item(rs, teamNames(tenant), Instant.now(), slas.of(tenant)))
			.optional();
	}

	@Transactional(readOnly = true)
	public Detail detail(Tenant tenant, UUID id) {
		Item item = find(tenant, id).orElseThrow(() -> new NotFoundException("conversation"));
		Map<UUID, String> names = teamNames(tenant);
		List<ThreadMessage> messages = jdbc.sql("""
				SELECT m.id, m.direction, m.author_handle, m.author_name, m.text, m.created_at, m.analysis,
				       o.id AS out_id, o.connector, o.state, o.attempts, o.last_error, o.sent_at, o.author_id
				FROM message m LEFT JOIN outbox o ON o.message_id = m.id AND o.brand_id = m.brand_id
				WHERE m.organisation_id = :org AND m.brand_id = :brand AND m.conversation_id = :id
				ORDER BY m.created_at, m.seq""")
			.param("org", tenant.organisation().value())
			.param("brand", tenant.brand().value())
			.param("id", id)
			.query((rs, n) -> new ThreadMessage(rs.getObject("id", UUID.class), rs.getString("direction"),
					rs.getString("author_handle"), rs.getString("author_name"), rs.getString("text"),
					instant(rs.getTimestamp("created_at")), rs.getString("analysis"),
					rs.getObject("out_id") == null ? null
							: new Delivery(rs.getObject("out_id", UUID.class), rs.getString("connector"),
									rs.getString("state"), rs.getInt("attempts"), rs.getString("last_error"),
									instant(rs.getTimestamp("sent_at")), rs.getObject("author_id", UUID.class))))
			.list();
		List<Note> notes = jdbc.sql("""
				SELECT id, author_id, text, created_at FROM conversation_note
				WHERE organisation_id = :org AND brand_id = :brand AND conversation_id = :id ORDER BY created_at, id""")
			.param("org", tenant.organisation().value())
			.param("brand", tenant.brand().value())
			.param("id", id)
			.query((rs, n) -> new Note(rs.getObject("id", UUID.class), rs.getObject("author_id", UUID.class),
					names.getOrDefault(rs.getObject("author_id", UUID.class), ""), rs.getString("text"),
					instant(rs.getTimestamp("created_at"))))
			.list();
		List<Event> events = jdbc.sql("""
				SELECT kind, actor_id, detail::text, created_at FROM conversation_event
				WHERE organisation_id = :org AND brand_id = :brand AND conversation_id = :id ORDER BY created_at, id""")
			.param("org", tenant.organisation().value())
			.param("brand", tenant.brand().value())
			.param("id", id)
			.query((rs, n) -> new Event(rs.getString(1), rs.getObject(2, UUID.class), rs.getString(3),
					instant(rs.getTimestamp(4))))
			.list();
		return new Detail(item, messages, notes, events, stance(latestAnalysis(item)), card(tenant, item));
	}

	private CustomerCard card(Tenant tenant, Item item) {
		UUID customer = item.customer() == null ? null : item.customer().id();
		if (customer == null) {
			return new CustomerCard(List.of(), List.of(), List.of(), null);
		}
		List<OtherConversation> others = jdbc.sql("""
				SELECT id, status, risk, last_message_at, latest_sentiment FROM conversation
				WHERE organisation_id = :org AND brand_id = :brand AND customer_id = :customer AND id <> :id
				ORDER BY last_message_at DESC LIMIT 10""")
			.param("org", tenant.organisation().value())
			.param("brand", tenant.brand().value())
			.param("customer", customer)
			.param("id", item.id())
			.query((rs, n) -> new OtherConversation(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3),
					instant(rs.getTimestamp(4)), rs.getString(5)))
			.list();
		List<Mood> history = new ArrayList<>(jdbc
			.sql("""
					SELECT created_at, analysis -> 'sentiment' ->> 'label' FROM message
					WHERE organisation_id = :org AND brand_id = :brand AND direction = 'inbound' AND analysis IS NOT NULL
					  AND conversation_id IN (SELECT id FROM conversation WHERE brand_id = :brand AND customer_id = :customer)
					ORDER BY created_at DESC LIMIT 20""")
			.param("org", tenant.organisation().value())
			.param("brand", tenant.brand().value())
			.param("customer", customer)
			.query((rs, n) -> new Mood(instant(rs.getTimestamp(1)), rs.getString(2)))
			.list());
		java.util.Collections.reverse(history);
		return new CustomerCard(customers.identities(tenant, customer), others, history,
				abuseFlags.of(tenant, customer).orElse(null));
	}

	private Analysis latestAnalysis(Item item) {
		if (item.latest() == null || item.latest().analysis() == null) {
			return null;
		}
		try {
			return json.readValue(item.latest().analysis(), Analysis.class);
		}
		catch (RuntimeException ex) {
			return null; // an analysis of an older shape: no stance rather than a failure
		}
	}

	/**
	 * The stance, by rule (docs/respond.md): abuse first, then praise, a broken promise,
	 * a policy, a misunderstanding, a question, any other complaint.
	 */
	static Stance stance(Analysis a) {
		if (a == null || !a.analysed()) {
			return new Stance("answer", "no analysis to go on", List.of());
		}
		List<String> promises = new ArrayList<>();
		List<String> policies = new ArrayList<>();
		for (Analysis.Topic t : a.topics()) {
			if ("promise".equals(t.kind())) {
				promises.add(t.name());
			}
			else if ("policy".equals(t.kind())) {
				policies.add(t.name());
			}
		}
		String intent = a.intent().label();
		if (intent.equals("abuse") || a.toxicity().abuse()) {
			List<String> spans = a.toxicity().spans().stream().map(Analysis.Span::text).toList();
			return new Stance("set_boundary", "abusive language", spans);
		}
		if (intent.equals("praise")) {
			return new Stance("thank_and_amplify", "the customer is praising", evidence(a, "praise"));
		}
		if (!promises.isEmpty() && (intent.equals("complaint") || a.sentiment().label().equals("negative"))) {
			return new Stance("make_it_right", "a promise was broken", promises);
		}
		if (!policies.isEmpty()) {
			return new Stance("explain_alternative", "a policy applies", policies);
		}
		boolean confused = !a.emotions().isEmpty() && a.emotions().get(0).name().equals("confusion");
		if (confused && (intent.equals("complaint") || intent.equals("question"))) {
			return new Stance("correct_kindly", "the customer seems to misunderstand", evidence(a, intent));
		}
		if (intent.equals("question") || intent.equals("request")) {
			return new Stance("answer", "the customer asks", evidence(a, intent));
		}
		if (intent.equals("complaint")) {
			return new Stance("make_it_right", "something went wrong for the customer", evidence(a, "complaint"));
		}
		return new Stance("answer", "nothing in particular", List.of());
	}

	private static List<String> evidence(Analysis a, String label) {
		return a.evidence()
			.stream()
			.filter(e -> e.label().equals(label) && e.start() != null)
			.map(Analysis.Evidence::text)
			.limit(3)
			.toList();
	}

	// ---- changes
	// -------------------------------------------------------------------------

	private void event(Tenant tenant, UUID conversation, String kind, UserId actor, Map<String, Object> detail) {
		jdbc.sql("""
				INSERT INTO conversation_event (id, organisation_id, brand_id, conversation_id, kind, actor_id, detail)
				VALUES (:id, :org, :brand, :conversation, :kind, :actor, CAST(:detail AS jsonb))""")
			.param("id", Ids.newId())
			.param("org", tenant.organisation().value())
			.param("brand", tenant.brand().value())
			.param("conversation", conversation)
			.param("kind", kind)
			.param("actor", actor == null ? null : actor.value())
			.param("detail", json.writeValueAsString(detail))
			.update();
	}

	private void requireConversation(Tenant tenant, UUID id) {
		Integer found = jdbc
			.sql("SELECT count(*) FROM conversation WHERE organisation_id = :org AND brand_id = :brand AND id = :id")
			.param("org", tenant.organisation().value())
			.param("brand", tenant.brand().value())
			.param("id", id)
			.query(Integer.class)
			.single();
		if (found == 0) {
			throw new NotFoundException("conversation");
		}
	}

	/** Assigns to a teammate who works the brand, or unassigns ({@code null}). */
	@Transactional
	public Item assign(Tenant tenant, UUID id, UUID assignee, UserId actor) {
		requireConversation(tenant, id);
		if (assignee != null && tenancy.team(tenant).stream().noneMatch(t -> t.id().value().equals(assignee))) {
			throw new InvalidInputException("assignee", "must be a teammate who works this brand");
		}
		jdbc.sql("UPDATE conversation SET assignee_id = :assignee WHERE organisation_id = :org AND brand_id = :brand "
				+ "AND id = :id")
			.param("assignee", assignee)
			.param("org", tenant.organisation().value())
			.param("brand", tenant.brand().value())
			.param("id", id)
			.update();
		event(tenant, id, "assigned", actor, assignee == null ? Map.of() : Map.of("assignee", assignee.toString()));
		return find(tenant, id).orElseThrow();
	}

	/** Changes the status; {@code snoozed} needs a time in the future. */
	@Transactional
	public Item status(Tenant tenant, UUID id, String status, Instant snoozeUntil, UserId actor) {
		requireConversation(tenant, id);
		if (status == null || !STATUSES.contains(status)) {
			throw new InvalidInputException("status", "must be open, pending, snoozed or resolved");
		}
		if (status.equals("snoozed") && (snoozeUntil == null || !snoozeUntil.isAfter(Instant.now()))) {
			throw new InvalidInputException("snoozeUntil", "a snoozed conversation needs a time in the future");
		}
		jdbc.sql("""
				UPDATE conversation SET status = :status, snoozed_until = :until,
				    awaiting_since = CASE WHEN :status = 'resolved' THEN NULL ELSE awaiting_since END
				WHERE organisation_id = :org AND brand_id = :brand AND id = :id""")
			.param("status", status)
			.param("until", status.equals("snoozed") ? Timestamp.from(snoozeUntil) : null)
			.param("org", tenant.organisation().value())
			.param("brand", tenant.brand().value())
			.param("id", id)
			.update();
		event(tenant, id, "status", actor, Map.of("status", status));
		return find(tenant, id).orElseThrow();
	}

	/**
	 * The same change to many conversations: {@code assign} (to {@code assignee}, or
	 * nobody) or {@code status}. Answers how many were changed; ids of other brands are
	 * not found.
	 */
	@Transactional
	public int bulk(Tenant tenant, List<UUID> ids, String action, UUID assignee, String status, UserId actor) {
		if (ids == null || ids.isEmpty() || ids.size() > 500) {
			throw new InvalidInputException("ids", "must name 1 to 500 conversations");
		}
		int changed = 0;
		for (UUID id : ids) {
			switch (action == null ? "" : action) {
				case "assign" -> assign(tenant, id, assignee, actor);
				case "status" -> status(tenant, id, status, null, actor);
				case "label" -> label(tenant, id, List.of(status == null ? "" : status), List.of(), actor);
				default -> throw new InvalidInputException("action", "must be assign, status or label");
			}
			changed++;
		}
		return changed;
	}

	/**
	 * A number that changes whenever the brand's inbox does (a message arrives, a
	 * conversation is worked): what live pages watch.
	 */
	@Transactional(readOnly = true)
	public String version(Tenant tenant) {
		return jdbc.sql("""
				SELECT coalesce((SELECT max(seq) FROM message WHERE brand_id = :brand), 0) || ':'
				    || coalesce((SELECT extract(epoch FROM max(created_at))::text FROM conversation_event
				                 WHERE brand_id = :brand AND organisation_id = :org), '')""")
			.param("org", tenant.organisation().value())
			.param("brand", tenant.brand().value())
			.query(String.class)
			.single();
	}

	/**
	 * A label as stored: trimmed, lower case, 1–50 characters of letters, digits, - and
	 * _.
	 */
	static String label(String label) {
		String l = label == null ? "" : label.strip().toLowerCase(java.util.Locale.ROOT);
		if (!l.matches("[\\p{L}\\p{N}_-]{1,50}")) {
			throw new InvalidInputException("label", "must be 1 to 50 letters, digits, - or _");
		}
		return l;
	}

	/** Adds and removes labels of a conversation. */
	@Transactional
	public Item label(Tenant tenant, UUID id, List<String> add, List<String> remove, UserId actor) {
		requireConversation(tenant, id);
		List<String> adding = add == null ? List.of() : add.stream().map(ConversationWork::label).distinct().toList();
		List<String> removing = remove == null ? List.of()
				: remove.stream().map(ConversationWork::label).distinct().toList();
		jdbc.sql(
				"""
						UPDATE conversation SET labels = ARRAY(
						    SELECT DISTINCT l FROM unnest(labels || CAST(:add AS text[])) l WHERE l <> ALL(CAST(:remove AS text[])) ORDER BY l)
						WHERE organisation_id = :org AND brand_id = :brand AND id = :id""")
			.param("add", adding.toArray(new String[0]))
			.param("remove", removing.toArray(new String[0]))
			.param("org", tenant.organisation().value())
			.param("brand", tenant.brand().value())
			.param("id", id)
			.update();
		event(tenant, id, "labelled", actor, Map.of("added", adding, "removed", removing));
		return find(tenant, id).orElseThrow();
	}

	/** Snoozed conversations whose time has come are open again. */
	@Transactional
	public int wakeSnoozed() {
		return jdbc
			.sql("UPDATE conversation SET status = 'open', snoozed_until = NULL "
					+ "WHERE status = 'snoozed' AND snoozed_until <= now()")
			.update();
	}

	/**
	 * An internal note; {@code @name} of a teammate (first name or e-mail's local part)
	 * mentions them.
	 */
	@Transactional
	public Note note(Tenant tenant, UUID id, String text, UserId actor) {
		requireConversation(tenant, id);
		if (text == null || text.isBlank() || text.length() > 10_000) {
			throw new InvalidInputException("text", "must be 1 to 10,000 characters");
		}
		List<UUID> mentions = new ArrayList<>();
		String lower = text.toLowerCase(java.util.Locale.ROOT);
		String author = "";
		for (Teammate t : tenancy.team(tenant)) {
			String first = t.name().strip().split("\\s+")[0].toLowerCase(java.util.Locale.ROOT);
			String local = t.email().split("@")[0].toLowerCase(java.util.Locale.ROOT);
			if (lower.contains("@" + first) || lower.contains("@" + local)) {
				mentions.add(t.id().value());
			}
			if (t.id().equals(actor)) {
				author = t.name();
			}
		}
		UUID noteId = Ids.newId();
		jdbc.sql(
				"""
						INSERT INTO conversation_note (id, organisation_id, brand_id, conversation_id, author_id, text, mentions)
						VALUES (:id, :org, :brand, :conversation, :author, :text, :mentions)""")
			.param("id", noteId)
			.param("org", tenant.organisation().value())
			.param("brand", tenant.brand().value())
			.param("conversation", id)
			.param("author", actor.value())
			.param("text", text)
			.param("mentions", mentions.toArray(new UUID[0]))
			.update();
		event(tenant, id, "note", actor, Map.of("mentions", mentions.stream().map(UUID::toString).toList()));
		return new Note(noteId, actor.value(), author, text, Instant.now());
	}

	// ---- replies
	// -------------------------------------------------------------------------

	/** What the coach says of a draft for this conversation. */
	@Transactional(readOnly = true)
	public ReplyCoach.Coaching coach(Tenant tenant, UUID id, String draft) {
		Item item = find(tenant, id).orElseThrow(() -> new NotFoundException("conversation"));
		if (draft == null) {
			throw new InvalidInputException("draft", "must be given");
		}
		if (draft.length() > MAX_REPLY) {
			throw new InvalidInputException("draft", "must be at most 10,000 characters");
		}
		return coach.coach(draft, context(tenant, item));
	}

	private ReplyCoach.Context context(Tenant tenant, Item item) {
		List<String> policies = topics.list(tenant, "policy").stream().map(BrandTopics.BrandTopic::name).toList();
		boolean isPublic = "public".equals(item.visibility());
		return new ReplyCoach.Context(item.latest() == null ? null : item.latest().text(), latestAnalysis(item),
				item.customer() == null ? null : item.customer().name(), isPublic,
				ChannelKinds.replyLimit(item.channel().kind(), isPublic), policies);
	}

	/**
	 * What became of a reply: {@code needs_confirmation} (a serious finding, nothing
	 * stored), or stored with its delivery.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record ReplyResult(String state, UUID messageId, Delivery delivery, ReplyCoach.Coaching coach) {
	}

	@Transactional
	public ReplyResult reply(Tenant tenant, UUID id, String text, boolean confirm, UserId actor) {
		Item item = find(tenant, id).orElseThrow(() -> new NotFoundException("conversation"));
		if (text == null || text.isBlank()) {
			throw new InvalidInputException("text", "must not be empty");
		}
		if (text.length() > MAX_REPLY) {
			throw new InvalidInputException("text", "must be at most 10,000 characters");
		}
		// a public reply must fit the network's post, whatever the agent confirms
		int fits = ChannelKinds.replyLimit(item.channel().kind(), "public".equals(item.visibility()));
		if (text.codePointCount(0, text.length()) > fits) {
			throw new InvalidInputException("text", "must be at most " + fits + " characters on "
					+ item.channel().kind() + " (a public reply); shorten it or continue in private");
		}
		ReplyCoach.Coaching coaching = coach.coach(text, context(tenant, item));
		if (coaching.serious() && !confirm) {
			return new ReplyResult("needs_confirmation", null, null, coaching);
		}
		ChannelTarget target = channelTarget(tenant, item.channel().id());
		String connector = target.webhookUrl() != null ? "webhook" : target.smtpHost() != null ? "email" : "manual";
		String state = connector.equals("manual") ? "manual" : "queued";
		UUID messageId = Ids.newId();
		UUID outboxId = Ids.newId();
		Instant now = Instant.now();
		breaches.recordLateReply(tenant, id, now);
		String author = tenancy.team(tenant)
			.stream()
			.filter(t -> t.id().equals(actor))
			.map(Teammate::name)
			.findFirst()
			.orElse(null);
		jdbc.sql(
				"""
						INSERT INTO message (id, organisation_id, brand_id, channel_id, conversation_id, customer_id, external_id,
						                     direction, author_name, text, created_at, visibility, in_reply_to, metadata)
						SELECT :id, c.organisation_id, c.brand_id, c.channel_id, c.id, NULL, :external, 'outbound', :author, :text,
						       :now, c.visibility, (SELECT external_id FROM message WHERE id = :latest), '{}'::jsonb
						FROM conversation c WHERE c.organisation_id = :org AND c.brand_id = :brand AND c.id = :conversation""")
			.param("id", messageId)
			.param("external", "rightly:" + outboxId)
			.param("author", author)
			.param("text", text)
			.param("now", Timestamp.from(now))
			.param("latest", item.latest() == null ? null : item.latest().id())
			.param("org", tenant.organisation().value())
			.param("brand", tenant.brand().value())
			.param("conversation", id)
			.update();
		jdbc.sql(
				"""
						INSERT INTO outbox (id, organisation_id, brand_id, conversation_id, message_id, author_id, connector, state, coach)
						VALUES (:id, :org, :brand, :conversation, :message, :author, :connector, :state, CAST(:coach AS jsonb))""")
			.param("id", outboxId)
			.param("org", tenant.organisation().value())
			.param("brand", tenant.brand().value())
			.param("conversation", id)
			.param("message", messageId)
			.param("author", actor.value())
			.param("connector", connector)
			.param("state", state)
			.param("coach",
					json.writeValueAsString(Map.of("findings", coaching.findings(), "good", coaching.good(),
							"confirmed", confirm && coaching.serious())))
			.update();
		jdbc.sql(
				"""
						UPDATE conversation SET last_message_at = GREATEST(last_message_at, :now), message_count = message_count + 1,
						    awaiting_since = NULL, first_reply_at = COALESCE(first_reply_at, :now), last_reply_at = :now
						WHERE organisation_id = :org AND brand_id = :brand AND id = :id""")
			.param("now", Timestamp.from(now))
			.param("org", tenant.organisation().value())
			.param("brand", tenant.brand().value())
			.param("id", id)
			.update();
		event(tenant, id, "reply", actor, Map.of("message", messageId.toString(), "connector", connector, "findings",
				coaching.findings().stream().map(ReplyCoach.Finding::type).toList()));
		return new ReplyResult(state, messageId, new Delivery(outboxId, connector, state, 0, null, null, actor.value()),
				coaching);
	}

	/** A manual reply the agent posted elsewhere: now marked sent. */
	@Transactional
	public void markSent(Tenant tenant, UUID conversation, UUID delivery, UserId actor) {
		int updated = jdbc.sql("""
				UPDATE outbox SET state = 'sent', sent_at = now()
				WHERE organisation_id = :org AND brand_id = :brand AND conversation_id = :conversation AND id = :id
				  AND state IN ('manual', 'failed')""")
			.param("org", tenant.organisation().value())
			.param("brand", tenant.brand().value())
			.param("conversation", conversation)
			.param("id", delivery)
			.update();
		if (updated == 0) {
			throw new NotFoundException("reply");
		}
		event(tenant, conversation, "sent", actor, Map.of("delivery", delivery.toString()));
	}

	/** Where a channel's replies go. */
	record ChannelTarget(String kind, String webhookUrl, String webhookSecret, String smtpHost) {
	}

	ChannelTarget channelTarget(Tenant tenant, UUID channel) {
		return jdbc.sql("""
				SELECT kind, reply_webhook_url, reply_webhook_secret, reply_smtp_host FROM channel
				WHERE organisation_id = :org AND brand_id = :brand AND id = :id""")
			.param("org", tenant.organisation().value())
			.param("brand", tenant.brand().value())
			.param("id", channel)
			.query((rs, n) -> new ChannelTarget(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.optional()
			.orElseThrow(() -> new NotFoundException("channel"));
	}

}
