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
	void onATerminalABarIsRedrawnInPlaceAndEndedWithANewLine() throws Exception {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		ProgressLine line = new ProgressLine(new PrintStream(bytes, true, StandardCharsets.UTF_8), true);
		Thread.sleep(250);
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
		ProgressLine line = new ProgressLine(new PrintStream(bytes, true, StandardCharsets.UTF_8), true);
		line.count(10, 10, "rows");
		line.finish();
		assertThat(bytes.toString(StandardCharsets.UTF_8)).isEmpty();
	}

	@Test
	void elsewhereWorkShorterThanFiveSecondsPrintsNothing() {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		ProgressLine line = new ProgressLine(new PrintStream(bytes, true, StandardCharsets.UTF_8), false);
		line.count(500, 1000, "messages");
		line.count(1000, 1000, "messages");
		line.finish();
		assertThat(bytes.toString(StandardCharsets.UTF_8)).isEmpty();
	}

	@Test
	void elsewhereALineSaysHowFarHowFastAndHowLongIsLeft() throws Exception {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		ProgressLine line = new ProgressLine(new PrintStream(bytes, true, StandardCharsets.UTF_8), false);
		line.show(0.25, "250 of 1,000 messages, 50 a second", Duration.ofSeconds(15), false);
		assertThat(bytes.toString(StandardCharsets.UTF_8)).isEmpty(); // not yet due
		Thread.sleep(5_100);
		line.count(250, 1000, "messages");
		assertThat(bytes.toString(StandardCharsets.UTF_8))
			.matches(" 25%  250 of 1,000 messages, [0-9]+ a second, about 0:[0-9]{2} left\\R");
	}

	@Test
	void durationsReadAsAClock() {
		assertThat(ProgressLine.duration(Duration.ofSeconds(75))).isEqualTo("1:15");
		assertThat(ProgressLine.duration(Duration.ofSeconds(3725))).isEqualTo("1:02:05");
	}

}
