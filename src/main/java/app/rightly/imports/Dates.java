package app.rightly.imports;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Dates as real exports write them: ISO-8601 (with or without an offset),
 * {@code 2015-02-24
 * 11:35:52 -0800}, epoch seconds or milliseconds, RFC 1123
 * ({@code Tue, 24 Feb 2015 11:35:52
 * +0000}), the classic Twitter API form ({@code Tue Feb 24 11:35:52 +0000 2015}) and
 * plain dates. A time without an offset is read in {@code zone}.
 */
final class Dates {

	private static final Pattern EPOCH = Pattern.compile("^\\d{9,14}(\\.\\d+)?$");

	private static final DateTimeFormatter SPACED_OFFSET = new DateTimeFormatterBuilder().parseCaseInsensitive()
		.appendPattern("yyyy-MM-dd[ ]['T']HH:mm[:ss]")
		.optionalStart()
		.appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true)
		.optionalEnd()
		.appendPattern("[ ]")
		.appendOffset("+HHMM", "Z")
		.toFormatter(Locale.ROOT);

	private static final DateTimeFormatter SPACED_OFFSET_COLON = new DateTimeFormatterBuilder().parseCaseInsensitive()
		.appendPattern("yyyy-MM-dd[ ]['T']HH:mm[:ss]")
		.optionalStart()
		.appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true)
		.optionalEnd()
		.appendPattern("[ ]")
		.appendOffset("+HH:MM", "Z")
		.toFormatter(Locale.ROOT);

	private static final DateTimeFormatter LOCAL = new DateTimeFormatterBuilder().parseCaseInsensitive()
		.appendPattern("yyyy-MM-dd[ ]['T']HH:mm[:ss]")
		.optionalStart()
		.appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true)
		.optionalEnd()
		.toFormatter(Locale.ROOT);

	private static final DateTimeFormatter TWITTER = DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss Z yyyy",
			Locale.ENGLISH);

	private static final List<DateTimeFormatter> WITH_OFFSET = List.of(SPACED_OFFSET, SPACED_OFFSET_COLON,
			DateTimeFormatter.RFC_1123_DATE_TIME, TWITTER);

	private Dates() {
	}

	static Optional<Instant> parse(String text, ZoneId zone) {
		if (text == null || text.isBlank()) {
			return Optional.empty();
		}
		String value = text.strip();
		if (EPOCH.matcher(value).matches()) {
			double number = Double.parseDouble(value);
			// 10 digits are seconds (until 2286); 13 are milliseconds
			long millis = value.indexOf('.') < 0 && value.length() >= 12 ? (long) number : Math.round(number * 1000);
			return Optional.of(Instant.ofEpochMilli(millis));
		}
		try {
			return Optional.of(OffsetDateTime.parse(value).toInstant());
		}
		catch (DateTimeParseException ex) {
			// next form
		}
		try {
			return Optional.of(ZonedDateTime.parse(value).toInstant());
		}
		catch (DateTimeParseException ex) {
			// next form
		}
		for (DateTimeFormatter form : WITH_OFFSET) {
			try {
				return Optional.of(OffsetDateTime.parse(value, form).toInstant());
			}
			catch (DateTimeParseException ex) {
				// next form
			}
		}
		try {
			return Optional.of(LocalDateTime.parse(value, LOCAL).atZone(zone).toInstant());
		}
		catch (DateTimeParseException ex) {
			// next form
		}
		try {
			return Optional.of(LocalDate.parse(value).atStartOfDay(zone).toInstant());
		}
		catch (DateTimeParseException ex) {
			return Optional.empty();
		}
	}

}
