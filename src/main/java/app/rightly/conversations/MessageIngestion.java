package app.rightly.conversations;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import app.rightly.analysis.Analysis;
import app.rightly.analysis.AnalysisRequest;
import app.rightly.analysis.TextAnalysis;
import app.rightly.channels.ChannelKey;
import app.rightly.channels.Channels;
import app.rightly.channels.Channels.Channel;
import app.rightly.conversations.IncomingMessage.Direction;
import app.rightly.conversations.IncomingMessage.Visibility;
import app.rightly.customers.Author;
import app.rightly.customers.CustomerResolver;
import app.rightly.shared.Ids;
import app.rightly.shared.InvalidInputException.FieldError;
import app.rightly.shared.Tenant;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes messages in: checks each, stores the valid ones once, attributes them to their
 * customer and threads them into conversations, all in one transaction per batch. The
 * answer lists one {@link IngestResult} per message, in order, and is only returned after
 * the transaction committed: what is acknowledged is durable.
 * <p>
 * Batches for one brand are serialised by a transaction-scoped advisory lock, so
 * concurrent batches can neither store a message twice nor open two conversations for the
 * same thread. Threading: a reply ({@code inReplyTo}) joins its parent's conversation;
 * otherwise an inbound message joins its customer's latest conversation on the channel
 * with the same visibility when it lies within the gap of it (24 h public, 7 days private
 * by default), else a new one opens. An outbound message joins the conversation it
 * answers.
 */
@Service
public class MessageIngestion {

	private final JdbcClient jdbc;

	private final Channels channels;

	private final CustomerResolver customers;

	private final TextAnalysis analysis;

	/** When messages last came in: background work waits while they stream. */
	private static volatile long lastIngest = System.nanoTime() - 3_600_000_000_000L;

	static long lastIngestNanos() {
		return lastIngest;
	}

	private final TableStatistics statistics;

	private final TransactionTemplate transactions;

	private final ConversationSettings settings;

	private final JsonMapper json = JsonMapper.builder().build();

	MessageIngestion(JdbcClient jdbc, Channels channels, CustomerResolver customers, TextAnalysis analysis,
			TransactionTemplate transactions, ConversationSettings settings, TableStatistics statistics) {
		this.statistics = statistics;
		this.jdbc = jdbc;
		this.channels = channels;
		this.customers = customers;
		this.analysis = analysis;
		this.transactions = transactions;
		this.settings = settings;
	}

	/**
	 * Checks and stores a batch as an API client may: unknown channels are created on
	 * first use for the {@code api} and {@code import} kinds only. One result per
	 * message, in order.
	 */
	public List<IngestResult> ingest(Tenant tenant, List<IncomingMessage> messages) {
		return ingest(tenant, messages, Channels.Creation.OPEN_KINDS);
	}

	/**
	 * Checks, analyses and stores a batch; one result per message, in the order given.
	 * Three short transactions: the authors' customers are found or created; the messages
	 * are stored and threaded under the brand's lock (the answer waits for this commit);
	 * then the customers' reach and last-seen times are brought up to date.
	 */
	public List<IngestResult> ingest(Tenant tenant, List<IncomingMessage> messages, Channels.Creation creation) {
		return store(prepare(tenant, messages, creation));
	}

	/**
	 * A batch checked, analysed and attributed to its customers, ready to be stored.
	 * Preparing takes no lock, so a pipeline (an import) prepares the next batch while
	 * the previous one is stored; batches stored in the order they were prepared are
	 * threaded in that order.
	 */
	public static final class Prepared {

		private final Tenant tenant;

		private final IngestResult[] results;

		private final List<Pending> batch;

		private final CustomerResolver.Resolution customers;

		private Prepared(Tenant tenant, IngestResult[] results, List<Pending> batch,
				CustomerResolver.Resolution customers) {
			this.tenant = tenant;
			this.results = results;
			this.batch = batch;
			this.customers = customers;
		}

	}

	public Prepared prepare(Tenant tenant, List<IncomingMessage> messages, Channels.Creation creation) {
		lastIngest = System.nanoTime();
		IngestResult[] results = new IngestResult[messages.size()];
		List<Pending> checked = new ArrayList<>();
		for (int i = 0; i < messages.size(); i++) {
			IncomingMessage m = messages.get(i);
			List<FieldError> errors = MessageRules.check(m);
			if (errors.isEmpty()) {
				checked.add(new Pending(i, m, null, 0, null, null, null));
			}
			else {
				results[i] = IngestResult.rejected(errors);
			}
		}
		if (checked.isEmpty()) {
			return new Prepared(tenant, results, List.of(), null);
		}
		Map<ChannelKey, Channel> channelOf = channels.resolveAll(tenant,
				checked.stream().map(p -> p.message().channel()).toList(), creation);
		List<Pending> valid = new ArrayList<>();
		List<Author> authors = new ArrayList<>();
		for (Pending p : checked) {
			IncomingMessage m = p.message();
			Channel channel = channelOf.get(m.channel());
			if (channel == null) {
				results[p.index()] = IngestResult
					.rejected(List.of(new FieldError("channel", "this brand has no channel " + m.channel().kind() + ":"
							+ m.channel().name()
							+ "; create it first (POST /api/v1/brands/{brand}/channels) or use the kind api or import")));
				continue;
			}
			// analysed before any transaction: locks are held for database work only
			Analysis read = m.direction() == Direction.INBOUND
					? analysis.analyse(
							new AnalysisRequest(tenant, m.text(), m.author().followers(), null, m.author().value()))
					: null;
			String analysed = read == null ? null : json.writeValueAsString(read);
			valid.add(new Pending(p.index(), m, analysed, read == null ? 0 : read.risk().score(), labels(read),
					channel.id(), null));
			if (m.direction() == Direction.INBOUND) {
				authors.add(authorOf(m));
			}
		}
		if (valid.isEmpty()) {
			return new Prepared(tenant, results, List.of(), null);
		}
		CustomerResolver.Resolution resolution = customers.resolve(tenant, authors);
		List<UUID> customerIds = resolution.customers();
		List<Pending> batch = new ArrayList<>(valid.size());
		int a = 0;
		for (Pending p : valid) {
			UUID customer = p.message().direction() == Direction.INBOUND ? customerIds.get(a++) : null;
			batch.add(new Pending(p.index(), p.message(), p.analysis(), p.risk(), p.labels(), p.channel(), customer));
		}
		return new Prepared(tenant, results, batch, resolution);
	}

	/** Stores a prepared batch; the answer comes after the commit. */
	public List<IngestResult> store(Prepared prepared) {
		IngestResult[] results = prepared.results.clone();
		List<Pending> batch = prepared.batch;
		if (batch.isEmpty()) {
			return List.of(results);
		}
		Tenant tenant = prepared.tenant;
		List<IngestResult> stored = transactions.execute(status -> store(tenant, batch));
		List<Author> seen = new ArrayList<>();
		int created = 0;
		for (int i = 0; i < batch.size(); i++) {
			results[batch.get(i).index()] = stored.get(i);
			if (stored.get(i).status() == IngestResult.Status.CREATED) {
				created++;
				if (batch.get(i).customer() != null) {
					seen.add(authorOf(batch.get(i).message()));
				}
			}
		}
		customers.noteSeen(tenant, prepared.customers, seen);
		statistics.added(created);
		return List.of(results);
	}

	private static Author authorOf(IncomingMessage m) {
		return new Author(m.channel().network(), m.author().handle(), m.author().name(), m.author().email(),
				m.author().followers(), m.createdAt());
	}

	/**
	 * A valid message on its way in: its analysis as JSON, its channel, its customer
	 * (inbound only).
	 */
	private record Pending(int index, IncomingMessage message, String analysis, int risk, String[] labels, UUID channel,
			UUID customer) {
	}

	private record Ext(UUID channel, String externalId) {
	}

	private record Stored(UUID message, UUID conversation, UUID customer) {
	}

	private record ThreadKey(UUID customer, UUID channel, String visibility) {
	}

	/** A conversation as this batch sees and changes it. */
	private static final class Thread {

		final UUID id;

		final boolean created;

		final UUID channel;

		final UUID customer;

		final String visibility;

		Instant openedAt;

		Instant lastMessageAt;

		Instant lastInboundAt;

		Instant firstInboundAt;

		Instant lastOutboundAt;

		int risk;

		/** Sentiment, intent and urgency of the latest customer message. */
		String[] labels;

		int added;

		Thread(UUID id, boolean created, UUID channel, UUID customer, String visibility, Instant openedAt,
				Instant lastMessageAt) {
			this.id = id;
			this.created = created;
			this.channel = channel;
			this.customer = customer;
			this.visibility = visibility;
			this.openedAt = openedAt;
			this.lastMessageAt = lastMessageAt;
		}

		boolean within(Instant at, Duration gap) {
			return !at.isBefore(openedAt.minus(gap)) && !at.isAfter(lastMessageAt.plus(gap));
		}

		void add(Instant at, boolean inbound, int messageRisk, String[] messageLabels) {
			if (inbound && messageLabels != null && (lastInboundAt == null || !at.isBefore(lastInboundAt))) {
				labels = messageLabels;
			}
			openedAt = at.isBefore(openedAt) ? at : openedAt;
			lastMessageAt = at.isAfter(lastMessageAt) ? at : lastMessageAt;
			if (inbound && (lastInboundAt == null || at.isAfter(lastInboundAt))) {
				lastInboundAt = at;
			}
			if (inbound && (firstInboundAt == null || at.isBefore(firstInboundAt))) {
				firstInboundAt = at;
			}
			if (!inbound && (lastOutboundAt == null || at.isAfter(lastOutboundAt))) {
				lastOutboundAt = at;
			}
			risk = Math.max(risk, messageRisk);
			added++;
		}

		/** The oldest customer message this batch leaves unanswered. */
		Instant awaiting() {
			boolean answered = lastOutboundAt != null
					&& (lastInboundAt == null || !lastOutboundAt.isBefore(lastInboundAt));
			return answered ? null : firstInboundAt;
		}

	}

	private List<IngestResult> store(Tenant tenant, List<Pending> batch) {
		jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:brand, 7))")
			.param("brand", tenant.brand().value().toString())
			.query((rs, n) -> null)
			.list();
		Map<Ext, Stored> known = lookup(tenant, batch);
		Map<ThreadKey, Thread> latest = latestThreads(tenant, batch);
		Map<UUID, Thread> touched = new LinkedHashMap<>();
		List<IngestResult> results = new ArrayList<>(batch.size());
		List<Row> rows = new ArrayList<>();
		for (Pending p : batch) {
			IncomingMessage m = p.message();
			UUID channel = p.channel();
			Ext ext = new Ext(channel, m.externalId());
			Stored existing = known.get(ext);
			if (existing != null) {
				results.add(IngestResult.duplicate(existing.message(), existing.conversation()));
				continue;
			}
			boolean inbound = m.direction() == Direction.INBOUND;
			Stored parent = m.inReplyTo() == null ? null : known.get(new Ext(channel, m.inReplyTo()));
			UUID customer = inbound ? p.customer() : (parent == null ? null : parent.customer());
			Thread thread;
			if (parent != null) {
				thread = touched.computeIfAbsent(parent.conversation(), id -> new Thread(id, false, channel, customer,
						m.visibility().id(), m.createdAt(), m.createdAt()));
			}
			else {
				ThreadKey key = new ThreadKey(customer, channel, m.visibility().id());
				Thread candidate = customer == null ? null : latest.get(key);
				Duration gap = m.visibility() == Visibility.PUBLIC ? settings.publicGap() : settings.privateGap();
				if (candidate != null && candidate.within(m.createdAt(), gap)) {
					thread = touched.computeIfAbsent(candidate.id, id -> candidate);
				}
				else {
					thread = new Thread(Ids.newId(), true, channel, customer, m.visibility().id(), m.createdAt(),
							m.createdAt());
					if (customer != null) {
						latest.put(key, thread);
					}
				}
				touched.putIfAbsent(thread.id, thread);
			}
			thread.add(m.createdAt(), inbound, p.risk(), p.labels());
			UUID id = Ids.newId();
			rows.add(new Row(id, thread.id, customer, channel, m, p.analysis()));
			known.put(ext, new Stored(id, thread.id, customer != null ? customer : thread.customer));
			results.add(IngestResult.created(id, thread.id));
		}
		insertConversations(tenant, touched.values().stream().filter(t -> t.created).toList());
		insertMessages(tenant, rows);
		updateConversations(tenant, touched.values().stream().filter(t -> !t.created).toList());
		return results;
	}

	/** Stored messages of this batch and the parents its replies name. */
	private Map<Ext, Stored> lookup(Tenant tenant, List<Pending> batch) {
		Set<Ext> wanted = new LinkedHashSet<>();
		for (Pending p : batch) {
			IncomingMessage m = p.message();
			UUID channel = p.channel();
			wanted.add(new Ext(channel, m.externalId()));
			if (m.inReplyTo() != null) {
				wanted.add(new Ext(channel, m.inReplyTo()));
			}
		}
		Map<Ext, Stored> found = new HashMap<>();
		if (wanted.isEmpty()) {
			return found;
		}
		UUID[] channelIds = wanted.stream().map(Ext::channel).toArray(UUID[]::new);
		String[] externalIds = wanted.stream().map(Ext::externalId).toArray(String[]::new);
		jdbc.sql("""
				SELECT k.channel_id, k.external_id, m.id, m.conversation_id, m.customer_id
				FROM unnest(:channels::uuid[], :ids::text[]) AS k(channel_id, external_id)
				CROSS JOIN LATERAL (
				    -- one unique-index probe per key, whatever the table's statistics say
				    SELECT m.id, m.conversation_id, COALESCE(m.customer_id, c.customer_id) AS customer_id
				    FROM message m JOIN conversation c ON c.id = m.conversation_id
				    WHERE m.organisation_id = :org AND m.brand_id = :brand AND m.channel_id = k.channel_id
				      AND m.external_id = k.external_id
				    LIMIT 1) m""")
			.param("org", tenant.organisation().value())
			.param("brand", tenant.brand().value())
			.param("channels", channelIds)
			.param("ids", externalIds)
			.query(rs -> {
				found.put(new Ext(rs.getObject(1, UUID.class), rs.getString(2)), new Stored(rs.getObject(3, UUID.class),
						rs.getObject(4, UUID.class), rs.getObject(5, UUID.class)));
			});
		return found;
	}

	private Map<ThreadKey, Thread> latestThreads(Tenant tenant, List<Pending> batch) {
		Set<ThreadKey> keys = new LinkedHashSet<>();
		for (Pending p : batch) {
			if (p.customer() != null) {
				keys.add(new ThreadKey(p.customer(), p.channel(), p.message().visibility().id()));
			}
		}
		Map<ThreadKey, Thread> found = new HashMap<>();
		if (keys.isEmpty()) {
			return found;
		}
		jdbc.sql(
				"""
								SELECT c.id, k.customer_id, k.channel_id, k.visibility, c.opened_at, c.last_message_at
						FROM unnest(:customers::uuid[], :channels::uuid[], :visibilities::text[]) AS k(customer_id, channel_id, visibility)
						CROSS JOIN LATERAL (
						    SELECT id, opened_at, last_message_at FROM conversation c
						    WHERE c.organisation_id = :org AND c.brand_id = :brand AND c.customer_id = k.customer_id
						      AND c.channel_id = k.channel_id AND c.visibility = k.visibility
						    ORDER BY c.last_message_at DESC
						    LIMIT 1) c""")
			.param("org", tenant.organisation().value())
			.param("brand", tenant.brand().value())
			.param("customers", keys.stream().map(ThreadKey::customer).toArray(UUID[]::new))
			.param("channels", keys.stream().map(ThreadKey::channel).toArray(UUID[]::new))
			.param("visibilities", keys.stream().map(ThreadKey::visibility).toArray(String[]::new))
			.query(rs -> {
				Thread t = new Thread(rs.getObject(1, UUID.class), false, rs.getObject(3, UUID.class),
						rs.getObject(2, UUID.class), rs.getString(4), rs.getTimestamp(5).toInstant(),
						rs.getTimestamp(6).toInstant());
				found.put(new ThreadKey(t.customer, t.channel, t.visibility), t);
			});
		return found;
	}

	private void insertConversations(Tenant tenant, List<Thread> created) {
		if (created.isEmpty()) {
			return;
		}
		jdbc.sql(
				"""
						INSERT INTO conversation (id, organisation_id, brand_id, channel_id, customer_id, visibility, opened_at,
						                          last_message_at, last_inbound_at, message_count, risk, awaiting_since,
						                          latest_sentiment, latest_intent, latest_urgency, latest_topics, latest_review)
						SELECT id, :org, :brand, channel_id, customer_id, visibility, opened_at, last_message_at, last_inbound_at, added,
						       risk, awaiting, sentiment, intent, urgency, COALESCE(string_to_array(topics, chr(31)), '{}'),
						       COALESCE(review, false)
						FROM unnest(:ids::uuid[], :channels::uuid[], :customers::uuid[], :visibilities::text[], :opened::timestamptz[],
						            :last::timestamptz[], :inbound::timestamptz[], :added::int[], :risks::int[], :awaiting::timestamptz[],
						            :sentiments::text[], :intents::text[], :urgencies::text[], :topics::text[], :reviews::boolean[])
						     AS t(id, channel_id, customer_id, visibility, opened_at, last_message_at, last_inbound_at, added, risk, awaiting,
						          sentiment, intent, urgency, topics, review)""")
			.param("org", tenant.organisation().value())
			.param("brand", tenant.brand().value())
			.param("ids", created.stream().map(t -> t.id).toArray(UUID[]::new))
			.param("channels", created.stream().map(t -> t.channel).toArray(UUID[]::new))
			.param("customers", created.stream().map(t -> t.customer).toArray(UUID[]::new))
			.param("visibilities", created.stream().map(t -> t.visibility).toArray(String[]::new))
			.param("opened", created.stream().map(t -> Timestamp.from(t.openedAt)).toArray(Timestamp[]::new))
			.param("last", created.stream().map(t -> Timestamp.from(t.lastMessageAt)).toArray(Timestamp[]::new))
			.param("inbound",
					created.stream()
						.map(t -> t.lastInboundAt == null ? null : Timestamp.from(t.lastInboundAt))
						.toArray(Timestamp[]::new))
			.param("added", created.stream().map(t -> t.added).toArray(Integer[]::new))
			.param("risks", created.stream().map(t -> t.risk).toArray(Integer[]::new))
			.param("awaiting", created.stream().map(t -> timestamp(t.awaiting())).toArray(Timestamp[]::new))
			.param("sentiments", created.stream().map(t -> label(t, 0)).toArray(String[]::new))
			.param("intents", created.stream().map(t -> label(t, 1)).toArray(String[]::new))
			.param("urgencies", created.stream().map(t -> label(t, 2)).toArray(String[]::new))
			.param("topics", created.stream().map(t -> label(t, 3)).toArray(String[]::new))
			.param("reviews", created.stream().map(t -> review(t)).toArray(Boolean[]::new))
			.update();
	}

	/**
	 * Existing conversations that got messages: times, counts, and reopened on a customer
	 * message.
	 */
	private void updateConversations(Tenant tenant, List<Thread> changed) {
		if (changed.isEmpty()) {
			return;
		}
		jdbc.sql(
				"""
						UPDATE conversation c SET
						    opened_at = LEAST(c.opened_at, v.opened_at),
						    last_message_at = GREATEST(c.last_message_at, v.last_message_at),
						    last_inbound_at = GREATEST(c.last_inbound_at, v.last_inbound_at),
						    message_count = c.message_count + v.added,
						    -- a customer message reopens the conversation, with a fresh risk
						    risk = CASE WHEN v.last_inbound_at IS NOT NULL AND c.status IN ('resolved', 'snoozed') THEN v.risk
						                ELSE GREATEST(c.risk, v.risk) END,
						    awaiting_since = CASE WHEN v.last_outbound_at IS NOT NULL AND v.awaiting IS NULL THEN NULL
						                          ELSE COALESCE(c.awaiting_since, v.awaiting) END,
						    snoozed_until = CASE WHEN v.last_inbound_at IS NOT NULL THEN NULL ELSE c.snoozed_until END,
						    latest_sentiment = CASE WHEN v.intent IS NOT NULL AND v.last_inbound_at >= COALESCE(c.last_inbound_at, v.last_inbound_at)
						                            THEN v.sentiment ELSE c.latest_sentiment END,
						    latest_intent = CASE WHEN v.intent IS NOT NULL AND v.last_inbound_at >= COALESCE(c.last_inbound_at, v.last_inbound_at)
						                         THEN v.intent ELSE c.latest_intent END,
						    latest_urgency = CASE WHEN v.intent IS NOT NULL AND v.last_inbound_at >= COALESCE(c.last_inbound_at, v.last_inbound_at)
						                          THEN v.urgency ELSE c.latest_urgency END,
						    latest_topics = CASE WHEN v.review IS NOT NULL AND v.last_inbound_at >= COALESCE(c.last_inbound_at, v.last_inbound_at)
						                         THEN COALESCE(string_to_array(v.topics, chr(31)), '{}') ELSE c.latest_topics END,
						    latest_review = CASE WHEN v.review IS NOT NULL AND v.last_inbound_at >= COALESCE(c.last_inbound_at, v.last_inbound_at)
						                         THEN v.review ELSE c.latest_review END,
						    status = CASE WHEN v.last_inbound_at IS NOT NULL AND c.status IN ('resolved', 'snoozed') THEN 'open' ELSE c.status END
						FROM unnest(:ids::uuid[], :opened::timestamptz[], :last::timestamptz[], :inbound::timestamptz[], :added::int[],
						            :risks::int[], :awaiting::timestamptz[], :outbound::timestamptz[], :sentiments::text[],
						            :intents::text[], :urgencies::text[], :topics::text[], :reviews::boolean[])
						     AS v(id, opened_at, last_message_at, last_inbound_at, added, risk, awaiting, last_outbound_at,
						          sentiment, intent, urgency, topics, review)
						WHERE c.id = v.id AND c.organisation_id = :org AND c.brand_id = :brand""")
			.param("org", tenant.organisation().value())
			.param("brand", tenant.brand().value())
			.param("ids", changed.stream().map(t -> t.id).toArray(UUID[]::new))
			.param("opened", changed.stream().map(t -> Timestamp.from(t.openedAt)).toArray(Timestamp[]::new))
			.param("last", changed.stream().map(t -> Timestamp.from(t.lastMessageAt)).toArray(Timestamp[]::new))
			.param("inbound",
					changed.stream()
						.map(t -> t.lastInboundAt == null ? null : Timestamp.from(t.lastInboundAt))
						.toArray(Timestamp[]::new))
			.param("added", changed.stream().map(t -> t.added).toArray(Integer[]::new))
			.param("risks", changed.stream().map(t -> t.risk).toArray(Integer[]::new))
			.param("awaiting", changed.stream().map(t -> timestamp(t.awaiting())).toArray(Timestamp[]::new))
			.param("outbound", changed.stream().map(t -> timestamp(t.lastOutboundAt)).toArray(Timestamp[]::new))
			.param("sentiments", changed.stream().map(t -> label(t, 0)).toArray(String[]::new))
			.param("intents", changed.stream().map(t -> label(t, 1)).toArray(String[]::new))
			.param("urgencies", changed.stream().map(t -> label(t, 2)).toArray(String[]::new))
			.param("topics", changed.stream().map(t -> label(t, 3)).toArray(String[]::new))
			.param("reviews", changed.stream().map(t -> review(t)).toArray(Boolean[]::new))
			.update();
	}

	private static String label(Thread t, int i) {
		return t.labels == null ? null : t.labels[i];
	}

	private static Boolean review(Thread t) {
		return t.labels == null ? null : "t".equals(t.labels[4]);
	}

	/**
	 * Sentiment, intent, urgency, the topics (ids of the brand's topics, labels of its
	 * topic model, joined by {@link #SEPARATOR}) and whether it needs review, for the
	 * inbox's filters; none when not analysed.
	 */
	private static String[] labels(Analysis a) {
		if (a == null) {
			return null;
		}
		if (!a.analysed()) {
			return new String[] { null, null, null, "", "t" };
		}
		StringBuilder topics = new StringBuilder();
		for (Analysis.Topic t : a.topics()) {
			topics.append(topics.isEmpty() ? "" : SEPARATOR).append(t.id() != null ? t.id() : t.name());
		}
		return new String[] { a.sentiment().label(), a.intent().label(), a.urgency().level(), topics.toString(),
				a.needsReview() ? "t" : "f" };
	}

	/** Between the topics of a message in one text (no topic name holds it). */
	static final char SEPARATOR = '\u001f';

	private static Timestamp timestamp(Instant at) {
		return at == null ? null : Timestamp.from(at);
	}

	private record Row(UUID id, UUID conversation, UUID customer, UUID channel, IncomingMessage message,
			String analysis) {
	}

	private void insertMessages(Tenant tenant, List<Row> rows) {
		if (rows.isEmpty()) {
			return;
		}
		int n = rows.size();
		UUID[] ids = new UUID[n], conversations = new UUID[n], customerIds = new UUID[n], channelIds = new UUID[n];
		String[] externalIds = new String[n], directions = new String[n], handles = new String[n],
				names = new String[n], texts = new String[n], visibilities = new String[n], replies = new String[n],
				urls = new String[n], metadata = new String[n], analyses = new String[n];
		Long[] followers = new Long[n];
		Timestamp[] created = new Timestamp[n];
		for (int i = 0; i < n; i++) {
			Row r = rows.get(i);
			IncomingMessage m = r.message();
			ids[i] = r.id();
			conversations[i] = r.conversation();
			customerIds[i] = r.customer();
			channelIds[i] = r.channel();
			externalIds[i] = m.externalId();
			directions[i] = m.direction().id();
			handles[i] = m.author() == null ? null : m.author().handle();
			names[i] = m.author() == null ? null : m.author().name();
			followers[i] = m.author() == null ? null : m.author().followers();
			texts[i] = m.text();
			created[i] = Timestamp.from(m.createdAt());
			visibilities[i] = m.visibility().id();
			replies[i] = m.inReplyTo();
			urls[i] = m.url();
			analyses[i] = r.analysis() == null ? "null" : r.analysis();
			metadata[i] = m.metadata() == null || m.metadata().isEmpty() ? "{}" : json.writeValueAsString(m.metadata());
		}
		jdbc.sql(
				"""
						INSERT INTO message (id, organisation_id, brand_id, channel_id, conversation_id, customer_id, external_id, direction,
						                     author_handle, author_name, author_followers, text, created_at, visibility, in_reply_to, url, metadata, analysis)
						WITH a AS (SELECT value AS analysis, n FROM json_array_elements(CAST(:analyses AS json)) WITH ORDINALITY AS e(value, n))
						SELECT id, :org, :brand, channel_id, conversation_id, customer_id, external_id, direction,
						       author_handle, author_name, author_followers, text, created_at, visibility, in_reply_to, url, metadata::jsonb,
						       CASE WHEN json_typeof(a.analysis) = 'object' THEN a.analysis END
						FROM unnest(:ids::uuid[], :channels::uuid[], :conversations::uuid[], :customers::uuid[], :externalIds::text[],
						            :directions::text[], :handles::text[], :names::text[], :followers::bigint[], :texts::text[],
						            :created::timestamptz[], :visibilities::text[], :replies::text[], :urls::text[], :metadata::text[])
						     WITH ORDINALITY AS t(id, channel_id, conversation_id, customer_id, external_id, direction, author_handle, author_name,
						          author_followers, text, created_at, visibility, in_reply_to, url, metadata, n)
						JOIN a ON a.n = t.n""")
			.param("org", tenant.organisation().value())
			.param("brand", tenant.brand().value())
			.param("ids", ids)
			.param("channels", channelIds)
			.param("conversations", conversations)
			.param("customers", customerIds)
			.param("externalIds", externalIds)
			.param("directions", directions)
			.param("handles", handles)
			.param("names", names)
			.param("followers", followers)
			.param("texts", texts)
			.param("created", created)
			.param("visibilities", visibilities)
			.param("replies", replies)
			.param("urls", urls)
			.param("metadata", metadata)
			// one JSON array, split by the server: no escaping of every quote as a text[]
			// element would need
			.param("analyses", "[" + String.join(",", analyses) + "]")
			.update();
	}

}
