package app.rightly.conversations;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import app.rightly.channels.Channels;
import app.rightly.channels.Channels.Channel;
import app.rightly.customers.CustomerQueries;
import app.rightly.shared.Tenant;
import com.fasterxml.jackson.annotation.JsonRawValue;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads over a brand's messages and conversations. */
@Service
@Transactional(readOnly = true)
public class ConversationQueries {

	/** The most messages one page may hold. */
	public static final int MAX_PAGE = 1000;

	private final JdbcClient jdbc;

	private final CustomerQueries customers;

	private final Channels channels;

	ConversationQueries(JdbcClient jdbc, CustomerQueries customers, Channels channels) {
		this.jdbc = jdbc;
		this.customers = customers;
		this.channels = channels;
	}

	/** What a brand has heard so far. */
	public record BrandStats(long messages, long conversations, long customers, long channels) {
	}

	public BrandStats stats(Tenant tenant) {
		long[] counts = jdbc.sql("""
				SELECT (SELECT count(*) FROM message WHERE organisation_id = :org AND brand_id = :brand),
				       (SELECT count(*) FROM conversation WHERE organisation_id = :org AND brand_id = :brand)""")
			.param("org", tenant.organisation().value())
			.param("brand", tenant.brand().value())
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.single();
		return new BrandStats(counts[0], counts[1], customers.count(tenant), channels.list(tenant).size());
	}

	/**
	 * A stored message with its analysis; {@code metadata} and {@code analysis} are JSON.
	 */
	public record MessageView(UUID id, UUID conversationId, UUID customerId, ChannelView channel, String externalId,
			String direction, AuthorView author, String text, Instant createdAt, Instant receivedAt, String visibility,
			String inReplyTo, String url, @JsonRawValue String metadata, @JsonRawValue String analysis) {
	}

	public record ChannelView(UUID id, String kind, String name) {
	}

	public record AuthorView(String handle, String name, Long followers) {
	}

	/**
	 * Which messages, in which order, from where. {@code after} is the position of the
	 * last message of the previous page.
	 */
	public record MessageFilter(Instant since, Instant until, UUID channel, UUID conversation, Long after,
			boolean newestFirst, int limit) {
	}

	/** A page, and the position to continue after ({@code null} on the last page). */
	public record MessagePage(List<MessageView> items, Long next) {
	}

	private static final String MESSAGE_COLUMNS = """
			id, conversation_id, customer_id, channel_id, external_id, direction, author_handle, author_name,
			author_followers, text, created_at, received_at, visibility, in_reply_to, url, metadata::text AS metadata,
			analysis::text AS analysis, seq""";

	/**
	 * Messages in the order they were stored (or the reverse). Pages are stable under
	 * concurrent inserts: ingest stores a brand's messages one batch at a time, so
	 * positions are handed out in commit order and a new message always lands after every
	 * page already read.
	 */
	public MessagePage messages(Tenant tenant, MessageFilter filter) {
		StringBuilder sql = new StringBuilder(
				"SELECT " + MESSAGE_COLUMNS + " FROM message WHERE organisation_id = :org AND brand_id = :brand");
		Map<String, Object> params = new HashMap<>();
		params.put("org", tenant.organisation().value());
		params.put("brand", tenant.brand().value());
		if (filter.since() != null) {
			sql.append(" AND created_at >= :since");
			params.put("since", Timestamp.from(filter.since()));
		}
		if (filter.until() != null) {
			sql.append(" AND created_at < :until");
			params.put("until", Timestamp.from(filter.until()));
		}
		if (filter.channel() != null) {
			sql.append(" AND channel_id = :channel");
			params.put("channel", filter.channel());
		}
		if (filter.conversation() != null) {
			sql.append(" AND conversation_id = :conversation");
			params.put("conversation", filter.conversation());
		}
		if (filter.after() != null) {
			sql.append(filter.newestFirst() ? " AND seq < :after" : " AND seq > :after");
			params.put("after", filter.after());
		}
		int limit = Math.max(1, Math.min(MAX_PAGE, filter.limit()));
		sql.append(filter.newestFirst() ? " ORDER BY seq DESC" : " ORDER BY seq").append(" LIMIT ").append(limit + 1);
		Map<UUID, Channel> channelById = channelsOf(tenant);
		List<long[]> positions = new java.util.ArrayList<>();
		List<MessageView> items = jdbc.sql(sql.toString()).params(params).query((rs, n) -> {
			positions.add(new long[] { rs.getLong("seq") });
			return view(rs, channelById);
		}).list();
		Long next = null;
		if (items.size() > limit) {
			items = items.subList(0, limit);
			next = positions.get(limit - 1)[0];
		}
		return new MessagePage(items, next);
	}

	public Optional<MessageView> message(Tenant tenant, UUID id) {
		Map<UUID, Channel> channelById = channelsOf(tenant);
		return jdbc
			.sql("SELECT " + MESSAGE_COLUMNS
					+ " FROM message WHERE organisation_id = :org AND brand_id = :brand AND id = :id")
			.param("org", tenant.organisation().value())
			.param("brand", tenant.brand().value())
			.param("id", id)
			.query((rs, n) -> view(rs, channelById))
			.optional();
	}

	private Map<UUID, Channel> channelsOf(Tenant tenant) {
		return channels.list(tenant).stream().collect(Collectors.toMap(Channel::id, Function.identity()));
	}

	private static MessageView view(ResultSet rs, Map<UUID, Channel> channelById) throws SQLException {
		UUID channelId = rs.getObject("channel_id", UUID.class);
		Channel channel = channelById.get(channelId);
		Long followers = rs.getObject("author_followers", Long.class);
		return new MessageView(rs.getObject("id", UUID.class), rs.getObject("conversation_id", UUID.class),
				rs.getObject("customer_id", UUID.class),
				new ChannelView(channelId, channel == null ? null : channel.kind(),
						channel == null ? null : channel.name()),
				rs.getString("external_id"), rs.getString("direction"),
				new AuthorView(rs.getString("author_handle"), rs.getString("author_name"), followers),
				rs.getString("text"), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("received_at").toInstant(), rs.getString("visibility"), rs.getString("in_reply_to"),
				rs.getString("url"), rs.getString("metadata"), rs.getString("analysis"));
	}

}
