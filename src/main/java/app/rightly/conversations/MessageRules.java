package app.rightly.conversations;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import app.rightly.channels.ChannelKinds;
import app.rightly.shared.InvalidInputException.FieldError;

/**
 * The rules a message must meet to be stored. Each broken rule names the field as the
 * client sent it, so a client can fix exactly what is wrong.
 */
final class MessageRules {

	static final int MAX_TEXT = 20_000;

	static final int MAX_ID = 200;

	/** Clocks differ; a message "from the future" beyond this is a client bug. */
	static final Duration CLOCK_SKEW = Duration.ofDays(1);

	private MessageRules() {
	}

	static List<FieldError> check(IncomingMessage m) {
		List<FieldError> errors = new ArrayList<>();
		if (m.channel() == null) {
			errors.add(new FieldError("channel", "is required ({kind, name})"));
		}
		else {
			if (!ChannelKinds.wellFormed(m.channel().kind())) {
				errors.add(new FieldError("channel.kind",
						"must be a lower-case word such as x, facebook, review, email, api"));
			}
			if (m.channel().name().isEmpty() || m.channel().name().length() > 100) {
				errors.add(new FieldError("channel.name", "must be 1 to 100 characters"));
			}
		}
		if (m.externalId() == null || m.externalId().isBlank()) {
			errors.add(new FieldError("externalId", "is required"));
		}
		else if (m.externalId().length() > MAX_ID) {
			errors.add(new FieldError("externalId", "must be at most " + MAX_ID + " characters"));
		}
		if (m.direction() == null) {
			errors.add(new FieldError("direction", "must be inbound or outbound"));
		}
		if (m.text() == null || m.text().isBlank()) {
			errors.add(new FieldError("text", "is required"));
		}
		else {
			int length = m.text().codePointCount(0, m.text().length());
			if (length > MAX_TEXT) {
				errors.add(new FieldError("text", "must be at most " + MAX_TEXT + " characters (has " + length + ")"));
			}
			int control = firstControlCharacter(m.text());
			if (control >= 0) {
				errors.add(new FieldError("text",
						String.format(
								"contains the control character U+%04X at position %d;"
										+ " only newline and tab are allowed",
								(int) m.text().charAt(control), control)));
			}
		}
		if (m.createdAt() == null) {
			errors.add(new FieldError("createdAt",
					"is required (ISO-8601 with an offset, e.g. 2026-11-20T10:15:00+01:00)"));
		}
		else if (m.createdAt().isAfter(Instant.now().plus(CLOCK_SKEW))) {
			errors.add(new FieldError("createdAt", "is more than a day in the future"));
		}
		if (m.visibility() == null) {
			errors.add(new FieldError("visibility", "must be public or private"));
		}
		var author = m.author();
		if (author == null) {
			errors.add(new FieldError("author", "is required ({handle, name, email, followers})"));
		}
		else {
			boolean noHandle = author.handle() == null || author.handle().isBlank();
			boolean noEmail = author.email() == null || author.email().isBlank();
			if (m.direction() == IncomingMessage.Direction.INBOUND && noHandle && noEmail) {
				errors.add(new FieldError("author.handle", "is required (or author.email)"));
			}
			if (!noHandle && author.handle().length() > MAX_ID) {
				errors.add(new FieldError("author.handle", "must be at most " + MAX_ID + " characters"));
			}
			if (author.name() != null && author.name().length() > MAX_ID) {
				errors.add(new FieldError("author.name", "must be at most " + MAX_ID + " characters"));
			}
			if (!noEmail && (author.email().length() > 254 || !author.email().strip().matches("^[^@\\s]+@[^@\\s]+$"))) {
				errors.add(new FieldError("author.email", "must be an e-mail address"));
			}
			if (author.followers() != null && author.followers() < 0) {
				errors.add(new FieldError("author.followers", "must not be negative"));
			}
		}
		if (m.inReplyTo() != null && m.inReplyTo().length() > MAX_ID) {
			errors.add(new FieldError("inReplyTo", "must be at most " + MAX_ID + " characters"));
		}
		if (m.url() != null && (m.url().length() > 2000 || !m.url().matches("(?i)^https?://\\S+$"))) {
			errors.add(new FieldError("url", "must be an http or https URL of at most 2000 characters"));
		}
		return errors;
	}

	/**
	 * Index of the first control character other than newline, carriage return and tab;
	 * -1 if none.
	 */
	static int firstControlCharacter(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t') || c == 0x7F || (c >= 0x80 && c < 0xA0)) {
				return i;
			}
		}
		return -1;
	}

}
