package app.rightly.conversations.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import app.rightly.shared.InvalidInputException;

/** Date-times in the API's requests: ISO-8601 with an offset, a bad one named. */
final class DateTimes {

	private DateTimes() {
	}

	/** The instant, or {@code null} when the value is blank. */
	static Instant instant(String field, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return OffsetDateTime.parse(value.strip()).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException(field,
					"must be an ISO-8601 date-time with an offset, such as 2026-11-22T09:00:00Z");
		}
	}

}
