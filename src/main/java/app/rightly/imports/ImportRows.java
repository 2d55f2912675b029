package app.rightly.imports;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import app.rightly.channels.ChannelKey;
import app.rightly.conversations.IncomingMessage;
import app.rightly.conversations.IncomingMessage.Direction;
import app.rightly.conversations.IncomingMessage.Sender;
import app.rightly.conversations.IncomingMessage.Visibility;
import app.rightly.shared.InvalidInputException;
import app.rightly.shared.InvalidInputException.FieldError;

/**
 * Which column of a file holds which field of a message, and the conversion of a record
 * into a message. A field not mapped by hand is taken from a column with its name
 * (ignoring case, dots, dashes and underscores) or a common alias ({@code tweet_id} →
 * externalId, {@code created_at} → createdAt …). Columns that map to no field are kept as
 * the message's metadata.
 */
public final class ImportRows {

	/** The fields a column can be mapped to; {@code metadata.KEY} is allowed too. */
	public static final List<String> FIELDS = List.of("text", "externalId", "createdAt", "author.handle", "author.name",
			"author.email", "author.followers", "author.value", "direction", "visibility", "inReplyTo", "url",
			"channel.kind", "channel.name");

	/**
	 * A marker a source puts in a record that is malformed as a whole (with the reason).
	 */
	/** What a source reads for bytes that are not UTF-8: the noncharacter U+FDD0. */
	static final char NOT_UTF8 = '\uFDD0';

	static final String SHAPE_ERROR = "\u0000shape";

	private static final Map<String, List<String>> ALIASES = Map.ofEntries(
			Map.entry("text",
					List.of("text", "body", "message", "content", "fulltext", "tweet", "review", "reviewtext",
							"comment", "post")),
			Map.entry("externalId",
					List.of("externalid", "id", "messageid", "tweetid", "statusid", "reviewid", "postid", "commentid",
							"uuid")),
			Map.entry("createdAt",
					List.of("createdat", "created", "date", "datetime", "timestamp", "time", "tweetcreated", "postedat",
							"publishedat", "sentat")),
			Map.entry("author.handle",
					List.of("authorhandle", "handle", "username", "screenname", "userscreenname", "author", "user")),
			Map.entry("author.name", List.of("authorname", "name", "displayname", "fullname", "username")),
			Map.entry("author.email", List.of("authoremail", "email", "emailaddress", "from")),
			Map.entry("author.followers",
					List.of("authorfollowers", "followers", "followerscount", "userfollowerscount")),
			Map.entry("author.value",
					List.of("authorvalue", "customervalue", "lifetimevalue", "ltv", "clv", "customerlifetimevalue")),
			Map.entry("direction", List.of("direction")), Map.entry("visibility", List.of("visibility")),
			Map.entry("inReplyTo", List.of("inreplyto", "inreplytostatusid", "parentid", "replyto")),
			Map.entry("url", List.of("url", "link", "permalink")), Map.entry("channel.kind", List.of("channelkind")),
			Map.entry("channel.name", List.of("channelname")));

	private static final Set<String> METADATA_NUMBERS = Set.of("rating", "stars", "likes", "shares", "retweets",
			"retweet_count", "favorite_count", "score");

	private final Map<String, String> columnOf;

	private final Map<String, String> metadataOf;

	private ImportRows(Map<String, String> columnOf, Map<String, String> metadataOf) {
		this.columnOf = columnOf;
		this.metadataOf = metadataOf;
	}

	/**
	 * The mapping for a file with these columns: {@code explicit} (field → column) first,
	 * then names and aliases.
	 * @throws InvalidInputException naming the field or column that does not fit
	 */
	public static ImportRows resolve(List<String> columns, Map<String, String> explicit) {
		List<FieldError> errors = new ArrayList<>();
		Map<String, String> columnOf = new LinkedHashMap<>();
		Map<String, String> metadataOf = new LinkedHashMap<>();
		for (var e : explicit.entrySet()) {
			String field = e.getKey().strip();
			String column = e.getValue().strip();
			if (column.isEmpty()) {
				continue;
			}
			if (!columns.contains(column)) {
				errors.add(new FieldError(field, "maps to the column '" + column
						+ "', which the file does not have (it has: " + String.join(", ", columns) + ")"));
			}
			else if (field.startsWith("metadata.") && field.length() > 9) {
				metadataOf.put(field.substring(9), column);
			}
			else if (FIELDS.contains(field)) {
				columnOf.put(field, column);
			}
			else {
				errors.add(new FieldError(field,
						"is not a field; use one of " + String.join(", ", FIELDS) + " or metadata.KEY"));
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		Set<String> used = new java.util.HashSet<>(columnOf.values());
		used.addAll(metadataOf.values());
		for (String field : FIELDS) {
			if (columnOf.containsKey(field) || explicit.containsKey(field)) {
				continue;
			}
			for (String alias : ALIASES.get(field)) {
				Optional<String> match = columns.stream()
					.filter(c -> !used.contains(c) && simple(c).equals(alias))
					.findFirst();
				if (match.isPresent()) {
					columnOf.put(field, match.get());
					used.add(match.get());
					break;
				}
			}
		}
		if (!columnOf.containsKey("text")) {
			throw new InvalidInputException("text",
					"no column holds the text; name it with --map text=COLUMN (columns: " + String.join(", ", columns)
							+ ")");
		}
		for (String column : columns) {
			if (!used.contains(column) && !column.isBlank()) {
				metadataOf.put(column, column);
			}
		}
		return new ImportRows(columnOf, metadataOf);
	}

	/** {@code text=body,externalId=id} as a map; blank entries are ignored. */
	public static Map<String, String> parseSpec(String spec) {
		Map<String, String> map = new LinkedHashMap<>();
		if (spec == null || spec.isBlank()) {
			return map;
		}
		for (String part : spec.split(",")) {
			if (part.isBlank()) {
				continue;
			}
			int eq = part.indexOf('=');
			if (eq <= 0) {
				throw new InvalidInputException("map", "'" + part.strip() + "' is not FIELD=COLUMN");
			}
			map.put(part.substring(0, eq).strip(), part.substring(eq + 1).strip());
		}
		return map;
	}

	private static String simple(String name) {
		return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
	}

	/** Field → column, for showing the mapping. */
	public Map<String, String> fields() {
		return Map.copyOf(columnOf);
	}

	/** Metadata key → column. */
	public Map<String, String> metadata() {
		return Map.copyOf(metadataOf);
	}

	public String describe() {
		List<String> parts = new ArrayList<>();
		columnOf.forEach((field, column) -> parts.add(field + "=" + column));
		if (!metadataOf.isEmpty()) {
			parts.add("metadata: " + String.join(", ", metadataOf.values()));
		}
		return String.join(", ", parts);
	}

	/**
	 * A record read into a message, or why it cannot be; {@code undated} when it had no
	 * date.
	 */
	record Row(IncomingMessage message, List<FieldError> errors, boolean undated) {
	}

	Row convert(SourceRecord record, ChannelKey channel, ZoneId zone, Instant importedAt) {
		Map<String, String> values = record.values();
		List<FieldError> errors = new ArrayList<>();
		if (values.containsKey(SHAPE_ERROR)) {
			return new Row(null, List.of(new FieldError("record", values.get(SHAPE_ERROR))), false);
		}
		for (var e : values.entrySet()) {
			if (e.getValue() != null && e.getValue().indexOf(NOT_UTF8) >= 0) {
				return new Row(
						null, List.of(
								new FieldError(e.getKey(),
										"holds bytes that are not UTF-8; convert the file "
												+ "first, for example: iconv -f latin1 -t utf-8 FILE > FILE.utf8")),
						false);
			}
		}
		String text = value(values, "text");
		String externalId = value(values, "externalId");
		if (externalId == null) {
			externalId = "sha:" + fingerprint(text, value(values, "author.handle"), value(values, "author.email"),
					value(values, "createdAt"));
		}
		boolean undated = false;
		Instant createdAt = null;
		String date = value(values, "createdAt");
		if (date == null) {
			createdAt = importedAt;
			undated = true;
		}
		else {
			createdAt = Dates.parse(date, zone).orElse(null);
			if (createdAt == null) {
				errors.add(new FieldError("createdAt", "cannot read the date '" + date + "'"));
			}
		}
		Direction direction = Direction.INBOUND;
		String dir = value(values, "direction");
		if (dir != null) {
			switch (dir.toLowerCase(Locale.ROOT)) {
				case "inbound", "in", "customer", "received" -> direction = Direction.INBOUND;
				case "outbound", "out", "brand", "agent", "sent" -> direction = Direction.OUTBOUND;
				default -> errors.add(new FieldError("direction", "must be inbound or outbound, not '" + dir + "'"));
			}
		}
		Visibility visibility = Visibility.PUBLIC;
		String vis = value(values, "visibility");
		if (vis != null) {
			switch (vis.toLowerCase(Locale.ROOT)) {
				case "public", "post", "mention" -> visibility = Visibility.PUBLIC;
				case "private", "dm", "direct", "direct message", "message" -> visibility = Visibility.PRIVATE;
				default -> errors.add(new FieldError("visibility", "must be public or private, not '" + vis + "'"));
			}
		}
		Long followers = null;
		String reach = value(values, "author.followers");
		if (reach != null) {
			try {
				followers = Long.parseLong(reach.replace(",", "").replace("_", "").replaceAll("\\.0+$", ""));
			}
			catch (NumberFormatException ex) {
				errors.add(new FieldError("author.followers", "must be a whole number, not '" + reach + "'"));
			}
		}
		Double worth = null;
		String stated = value(values, "author.value");
		if (stated != null) {
			try {
				worth = Double.parseDouble(stated.replace(",", "").replace("_", "").strip());
			}
			catch (NumberFormatException ex) {
				worth = null;
			}
			if (worth == null || !Double.isFinite(worth) || worth < 0) {
				errors.add(new FieldError("author.value", "must be a number of 0 or more, not '" + stated + "'"));
			}
		}
		String kind = value(values, "channel.kind");
		String name = value(values, "channel.name");
		ChannelKey rowChannel = kind == null ? channel : new ChannelKey(kind, name == null ? kind : name);
		Map<String, Object> metadata = new LinkedHashMap<>();
		metadataOf.forEach((key, column) -> {
			String v = values.get(column);
			if (v != null && !v.isEmpty()) {
				metadata.put(key, METADATA_NUMBERS.contains(key.toLowerCase(Locale.ROOT)) ? number(v) : v);
			}
		});
		if (!errors.isEmpty()) {
			return new Row(null, errors, undated);
		}
		IncomingMessage message = new IncomingMessage(rowChannel, externalId, direction,
				new Sender(value(values, "author.handle"), value(values, "author.name"), value(values, "author.email"),
						followers, worth),
				text, createdAt, visibility, value(values, "inReplyTo"), value(values, "url"), metadata);
		return new Row(message, List.of(), undated);
	}

	private String value(Map<String, String> values, String field) {
		String column = columnOf.get(field);
		String v = column == null ? null : values.get(column);
		return v == null || v.isEmpty() ? null : v;
	}

	private static Object number(String v) {
		try {
			if (v.contains(".")) { // not a ?: expression: it would turn every long into a
									// double
				return Double.parseDouble(v);
			}
			return Long.parseLong(v);
		}
		catch (NumberFormatException ex) {
			return v;
		}
	}

	/** A stable id for a record without one, so that importing it again finds it. */
	static String fingerprint(String... parts) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			for (String part : parts) {
				sha.update((part == null ? "" : part).getBytes(StandardCharsets.UTF_8));
				sha.update((byte) 0);
			}
			return HexFormat.of().formatHex(sha.digest(), 0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
