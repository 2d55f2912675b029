package app.rightly.conversations;

import java.time.Instant;
import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The response clock: calendar time, and business hours across a weekend. */
class SlaPolicyTests {

	static final SlaPolicy OFFICE = new SlaPolicy(60, 240, 480, 120, 480, 960, true, "Europe/Paris",
			List.of(1, 2, 3, 4, 5), LocalTime.of(9, 0), LocalTime.of(17, 0));

	@Test
	void targetsDependOnRiskAndOnWhetherItWasAnsweredBefore() {
		assertThat(OFFICE.minutes(75, false)).isEqualTo(60);
		assertThat(OFFICE.minutes(75, true)).isEqualTo(120);
		assertThat(OFFICE.minutes(45, false)).isEqualTo(240);
		assertThat(OFFICE.minutes(5, true)).isEqualTo(960);
		SlaPolicy byChannel = new SlaPolicy(60, 240, 480, 120, 480, 960, false, "UTC", java.util.List.of(1),
				java.time.LocalTime.of(9, 0), java.time.LocalTime.of(17, 0),
				java.util.Map.of("email", new SlaPolicy.ChannelTarget(1440, 2880)));
		assertThat(byChannel.minutes(75, false, "email")).as("e-mail has its own target").isEqualTo(1440);
		assertThat(byChannel.minutes(75, true, "email")).isEqualTo(2880);
		assertThat(byChannel.minutes(75, false, "x")).as("other kinds keep the bands").isEqualTo(60);
	}

	@Test
	void calendarTimeJustAddsTheMinutes() {
		Instant friday = Instant.parse("2026-11-20T15:30:00Z");
		assertThat(SlaPolicy.DEFAULT.due(friday, 60)).isEqualTo(Instant.parse("2026-11-20T16:30:00Z"));
	}

	@Test
	void businessHoursSkipTheWeekend() {
		// Friday 16:30 in Paris (15:30Z): 30 minutes on Friday, 30 more from Monday 09:00
		Instant friday = Instant.parse("2026-11-20T15:30:00Z");
		assertThat(OFFICE.due(friday, 60)).isEqualTo(Instant.parse("2026-11-23T08:30:00Z"));
		// a message on Saturday waits for Monday's opening
		Instant saturday = Instant.parse("2026-11-21T10:00:00Z");
		assertThat(OFFICE.due(saturday, 60)).isEqualTo(Instant.parse("2026-11-23T09:00:00Z"));
		// before opening on a work day the clock starts at 09:00
		Instant early = Instant.parse("2026-11-24T05:00:00Z"); // Tuesday 06:00 in Paris
		assertThat(OFFICE.due(early, 30)).isEqualTo(Instant.parse("2026-11-24T08:30:00Z"));
		// 16 working hours span two days
		assertThat(OFFICE.due(Instant.parse("2026-11-24T08:00:00Z"), 960))
			.isEqualTo(Instant.parse("2026-11-25T16:00:00Z"));
	}

}
