package app.rightly.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Progress of long command-line work: rate and time left, quiet for short work. */
class ProgressLineTests {

	@Test
	void onATerminalABarIsRedrawnInPlaceAndEndedWithANewLine() {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		long[] now = { 0 };
		ProgressLine line = new ProgressLine(new PrintStream(bytes, true, StandardCharsets.UTF_8), true, () -> now[0]);
		now[0] = 250_000_000L;
		line.show(0.5, "5 rows", Duration.ofSeconds(1), false);
		line.show(1.0, "10 rows", Duration.ZERO, true); // the last one is drawn however
														// soon
		line.finish();
		String out = bytes.toString(StandardCharsets.UTF_8);
		assertThat(out).startsWith("\r[" + "#".repeat(15) + ".".repeat(15) + "]  50%  5 rows  ETA 0:01")
			.contains("\r[" + "#".repeat(30) + "] 100%  10 rows  ETA 0:00")
			.endsWith("\n");
	}

	@Test
	void onATerminalShortWorkDrawsNothing() {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		long[] now = { 0 };
		ProgressLine line = new ProgressLine(new PrintStream(bytes, true, StandardCharsets.UTF_8), true, () -> now[0]);
		now[0] = 150_000_000L;
		line.count(10, 10, "rows");
		line.finish();
		assertThat(bytes.toString(StandardCharsets.UTF_8)).isEmpty();
	}

	@Test
	void elsewhereWorkShorterThanFiveSecondsPrintsNothing() {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		long[] now = { 0 };
		ProgressLine line = new ProgressLine(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, () -> now[0]);
		now[0] = 2_000_000_000L;
		line.count(500, 1000, "messages");
		now[0] = 4_900_000_000L;
		line.count(1000, 1000, "messages");
		line.finish();
		assertThat(bytes.toString(StandardCharsets.UTF_8)).isEmpty();
	}

	@Test
	void elsewhereALineSaysHowFarHowFastAndHowLongIsLeft() {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		long[] now = { 0 };
		ProgressLine line = new ProgressLine(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, () -> now[0]);
		now[0] = 1_000_000_000L;
		line.count(50, 1000, "messages");
		assertThat(bytes.toString(StandardCharsets.UTF_8)).isEmpty(); // not yet due
		now[0] = 5_000_000_000L;
		line.count(250, 1000, "messages"); // 50 a second: 750 more take 15 s
		assertThat(bytes.toString(StandardCharsets.UTF_8))
			.isEqualTo(" 25%  250 of 1,000 messages, 50 a second, about 0:15 left" + System.lineSeparator());
	}

	@Test
	void durationsReadAsAClock() {
		assertThat(ProgressLine.duration(Duration.ofSeconds(75))).isEqualTo("1:15");
		assertThat(ProgressLine.duration(Duration.ofSeconds(3725))).isEqualTo("1:02:05");
	}

}
