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
		Watched w = new Watched(true);
		w.now[0] = 250_000_000L;
		w.line.show(0.5, "5 rows", Duration.ofSeconds(1), false);
		w.line.show(1.0, "10 rows", Duration.ZERO, true); // the last one is drawn however
															// soon
		w.line.finish();
		String out = w.out();
		assertThat(out).startsWith("\r[" + "#".repeat(15) + ".".repeat(15) + "]  50%  5 rows  ETA 0:01")
			.contains("\r[" + "#".repeat(30) + "] 100%  10 rows  ETA 0:00")
			.endsWith("\n");
	}

	@Test
	void onATerminalShortWorkDrawsNothing() {
		Watched w = new Watched(true);
		w.now[0] = 150_000_000L;
		w.line.count(10, 10, "rows");
		w.line.finish();
		assertThat(w.out()).isEmpty();
	}

	@Test
	void elsewhereWorkShorterThanFiveSecondsPrintsNothing() {
		Watched w = new Watched(false);
		w.now[0] = 2_000_000_000L;
		w.line.count(500, 1000, "messages");
		w.now[0] = 4_900_000_000L;
		w.line.count(1000, 1000, "messages");
		w.line.finish();
		assertThat(w.out()).isEmpty();
	}

	@Test
	void elsewhereALineSaysHowFarHowFastAndHowLongIsLeft() {
		Watched w = new Watched(false);
		w.now[0] = 1_000_000_000L;
		w.line.count(50, 1000, "messages");
		assertThat(w.out()).isEmpty(); // not yet due
		w.now[0] = 5_000_000_000L;
		w.line.count(250, 1000, "messages"); // 50 a second: 750 more take 15 s
		assertThat(w.out())
			.isEqualTo(" 25%  250 of 1,000 messages, 50 a second, about 0:15 left" + System.lineSeparator());
	}

	/** A progress line on a clock of the test's own, and what it printed. */
	private static final class Watched {

		final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

		final long[] now = { 0 };

		final ProgressLine line;

		Watched(boolean terminal) {
			this.line = new ProgressLine(new PrintStream(this.bytes, true, StandardCharsets.UTF_8), terminal,
					() -> this.now[0]);
		}

		String out() {
			return this.bytes.toString(StandardCharsets.UTF_8);
		}

	}

	@Test
	void durationsReadAsAClock() {
		assertThat(ProgressLine.duration(Duration.ofSeconds(75))).isEqualTo("1:15");
		assertThat(ProgressLine.duration(Duration.ofSeconds(3725))).isEqualTo("1:02:05");
	}

}
