package app.rightly.conversations;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import app.rightly.channels.ChannelKey;
import app.rightly.conversations.IncomingMessage.Direction;
import app.rightly.conversations.IncomingMessage.Sender;
import app.rightly.conversations.IncomingMessage.Visibility;
import app.rightly.shared.InvalidInputException.FieldError;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads one message of the ingest API from JSON. A field of the wrong type does not fail
 * the batch: the message is rejected with every bad field named, and the batch goes on.
 * <p>
 * Defaults: {@code channel} {@code {"kind": "api", "name": "api"}}, {@code direction}
 * {@code inbound}, {@code visibility} {@code public}. {@code externalId} and
 * {@code inReplyTo} may be strings or whole numbers. {@code createdAt} is ISO-8601 with
 * an offset.
 */
public final class IncomingMessageJson {

	/** The serialized {@code metadata} of one message may not exceed this. */
	static final int MAX_METADATA = 16 * 1024;

	private static final JsonMapper json = JsonMapper.builder().build();

	private IncomingMessageJson() {
	}

	/** A message read from JSON, or the reasons it cannot be. */
	public record Parsed(IncomingMessage message, List<FieldError> errors) {

		public boolean valid() {
			return errors.isEmpty();
		}

	}

	public static Parsed parse(JsonNode node) {
		if (node == null || !node.isObject()) {
			return new Parsed(null, List.of(new FieldError("message", "must be a JSON object")));
		}
		List<FieldError> errors = new ArrayList<>();
		ChannelKey channel = channel(node.get("channel"), errors);
		String externalId = idLike(node, "externalId", errors);
		Direction direction = choice(node, "direction", Direction.class, Direction.INBOUND, errors);
		Sender author = author(node.get("author"), errors);
		String text = string(node, "text", errors);
		Instant createdAt = instant(node, "createdAt", errors);
		Visibility visibility = choice(node, "visibility", Visibility.class, Visibility.PUBLIC, errors);
		String inReplyTo = idLike(node, "inReplyTo", errors);
		String url = string(node, "url", errors);
		Map<String, Object> metadata = metadata(node.get("metadata"), errors);
		IncomingMessage message = new IncomingMessage(channel, externalId, direction, author, text, createdAt,
				visibility, inReplyTo, url, metadata);
		// the rules speak about fields that were read; a field that could not be read is
		// already named
		Set<String> named = new HashSet<>();
		errors.forEach(e -> named.add(e.field()));
		for (FieldError e : MessageRules.check(message)) {
			if (!named.contains(e.field()) && named.stream().noneMatch(n -> e.field().startsWith(n + "."))) {
				errors.add(e);
			}
		}
		return errors.isEmpty() ? new Parsed(message, List.of()) : new Parsed(null, errors);
	}

	private static ChannelKey channel(JsonNode node, List<FieldError> errors) {
		if (node == null || node.isNull()) {
			return new ChannelKey("api", "api");
		}
		if (node.isString()) { // "kind:name"
			String[] parts = node.stringValue().split(":", 2);
			return new ChannelKey(parts[0], parts.length > 1 ? parts[1] : parts[0]);
		}
		if (!node.isObject()) {
			errors.add(new FieldError("channel", "must be an object {kind, name}"));
			return null;
		}
		String kind = string(node, "kind", "channel.kind", errors);
		String name = string(node, "name", "channel.name", errors);
		if (kind == null) {
			if (errors.stream().noneMatch(e -> e.field().equals("channel.kind"))) {
				errors.add(new FieldError("channel.kind", "is required"));
			}
			return null;
		}
		return new ChannelKey(kind, name == null ? kind : name);
	}

	private static Sender author(JsonNode node, List<FieldError> errors) {
		if (node == null || node.isNull()) {
			return null;
		}
		if (!node.isObject()) {
			errors.add(new FieldError("author", "must be an object {handle, name, email, followers, value}"));
			return new Sender(null, null, null, null);
		}
		String handle = string(node, "handle", "author.handle", errors);
		String name = string(node, "name", "author.name", errors);
		String email = string(node, "email", "author.email", errors);
		Long followers = null;
		JsonNode f = node.get("followers");
		if (f != null && !f.isNull()) {
			if (f.isIntegralNumber() && f.canConvertToLong()) {
				followers = f.longValue();
			}
			else {
				errors.add(new FieldError("author.followers", "must be a whole number"));
			}
		}
		Double value = null;
		JsonNode v = node.get("value");
		if (v != null && !v.isNull()) {
			if (v.isNumber() && Double.isFinite(v.doubleValue()) && v.doubleValue() >= 0) {
				value = v.doubleValue();
			}
			else {
				errors.add(new FieldError("author.value", "must be a number of 0 or more (the customer's value)"));
			}
		}
		return new Sender(handle, name, email, followers, value);
	}

	private static String string(JsonNode node, String field, List<FieldError> errors) {
		return string(node, field, field, errors);
	}

	private static String string(JsonNode node, String field, String path, List<FieldError> errors) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isString()) {
			errors.add(new FieldError(path, "must be a string"));
			return null;
		}
		return value.stringValue();
	}

	private static String idLike(JsonNode node, String field, List<FieldError> errors) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (value.isString()) {
			return value.stringValue();
		}
		if (value.isIntegralNumber()) {
			return value.bigIntegerValue().toString();
		}
		errors.add(new FieldError(field, "must be a string or a whole number"));
		return null;
	}

	private static <E extends Enum<E>> E choice(JsonNode node, String field, Class<E> type, E fallback,
			List<FieldError> errors) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull()) {
			return fallback;
		}
		if (value.isString()) {
			for (E e : type.getEnumConstants()) {
				if (e.name().equalsIgnoreCase(value.stringValue().strip())) {
					return e;
				}
			}
		}
		List<String> names = new ArrayList<>();
		for (E e : type.getEnumConstants()) {
			names.add(e.name().toLowerCase(Locale.ROOT));
		}
		errors.add(new FieldError(field, "must be one of " + String.join(", ", names)));
		return null;
	}

	private static Instant instant(JsonNode node, String field, List<FieldError> errors) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (value.isString()) {
			try {
				return OffsetDateTime.parse(value.stringValue().strip()).toInstant();
			}
			catch (DateTimeParseException ex) {
				// fall through to the error
			}
		}
		errors.add(new FieldError(field,
				"must be an ISO-8601 date-time with an offset, such as 2026-11-20T10:15:00+01:00"));
		return null;
	}

	private static Map<String, Object> metadata(JsonNode node, List<FieldError> errors) {
		if (node == null || node.isNull()) {
			return Map.of();
		}
		if (!node.isObject()) {
			errors.add(new FieldError("metadata", "must be a JSON object"));
			return Map.of();
		}
		if (json.writeValueAsString(node).length() > MAX_METADATA) {
			errors.add(new FieldError("metadata", "must be at most " + MAX_METADATA / 1024 + " KB of JSON"));
			return Map.of();
		}
		@SuppressWarnings("unchecked")
		Map<String, Object> map = json.convertValue(node, LinkedHashMap.class);
		return map;
	}

}
