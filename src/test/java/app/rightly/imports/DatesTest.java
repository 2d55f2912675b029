package app.rightly.imports;

import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DatesTest {

	static final ZoneId UTC = ZoneId.of("UTC");

	static Instant parse(String text) {
		return Dates.parse(text, UTC).orElse(null);
	}

	@Test
	void readsTheFormsRealExportsUse() {
		Instant expected = Instant.parse("2015-02-24T19:35:52Z");
		assertThat(parse("2015-02-24T19:35:52Z")).isEqualTo(expected);
		assertThat(parse("2015-02-24T11:35:52-08:00")).isEqualTo(expected);
		assertThat(parse("2015-02-24 11:35:52 -0800")).isEqualTo(expected);
		assertThat(parse("2015-02-24 19:35:52 +00:00")).isEqualTo(expected);
		assertThat(parse("Tue, 24 Feb 2015 19:35:52 +0000")).isEqualTo(expected);
		assertThat(parse("Tue Feb 24 19:35:52 +0000 2015")).isEqualTo(expected);
		assertThat(parse("1424806552")).isEqualTo(expected);
		assertThat(parse("1424806552000")).isEqualTo(expected);
		assertThat(parse("1424806552.000")).isEqualTo(expected);
	}

	@Test
	void aTimeWithoutAnOffsetIsReadInTheGivenZone() {
		assertThat(Dates.parse("2015-02-24 11:35:52", ZoneId.of("America/Los_Angeles")))
			.contains(Instant.parse("2015-02-24T19:35:52Z"));
		assertThat(parse("2015-02-24")).isEqualTo(Instant.parse("2015-02-24T00:00:00Z"));
		assertThat(parse("2015-02-24T19:35:52.250")).isEqualTo(Instant.parse("2015-02-24T19:35:52.250Z"));
	}

	@Test
	void whatIsNotADateIsNotGuessed() {
		assertThat(parse("yesterday")).isNull();
		assertThat(parse("24/02/2015")).isNull();
		assertThat(parse("")).isNull();
		assertThat(parse("42")).isNull();
	}

}
