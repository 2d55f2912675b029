package app.rightly.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Progress of long command-line work on standard error: on a terminal a bar redrawn in
 * place with the rate and the time left; elsewhere (CI, a log) a plain line every five
 * seconds. Work that ends before the first line is due prints nothing.
 */
final class ProgressLine {

	private final PrintStream out;

	private final boolean terminal;

	private final LongSupplier clock;

	private final long started;

	private long lastPrint;

	private boolean drawn;

	ProgressLine(PrintStream out, boolean terminal) {
		this(out, terminal, System::nanoTime);
	}

	/** With a clock in nanoseconds, for tests. */
	ProgressLine(PrintStream out, boolean terminal, LongSupplier clock) {
		this.out = out;
		this.terminal = terminal;
		this.clock = clock;
		this.started = clock.getAsLong();
		this.lastPrint = started;
	}

	/** Standard error, drawn in place when a person is watching. */
	static ProgressLine onStandardError() {
		return new ProgressLine(System.err, System.console() != null);
	}

	/**
	 * Shows how far the work is ({@code fraction} of it done) with what has been counted
	 * ("12,000 rows, 3,400 rows/s, …"), at most every 0.2 s on a terminal and every five
	 * seconds elsewhere; the last call ({@code done}) draws the full bar on a terminal.
	 */
	void show(double fraction, String counts, Duration eta, boolean done) {
		long now = clock.getAsLong();
		long every = terminal ? 200_000_000L : 5_000_000_000L;
		if ((!done || !drawn) && now - lastPrint < every) {
			return;
		}
		lastPrint = now;
		if (terminal) {
			int width = 30;
			int filled = (int) Math.round(fraction * width);
			out.printf(Locale.ROOT, "\r[%s%s] %3.0f%%  %s  ETA %s   ", "#".repeat(filled), ".".repeat(width - filled),
					fraction * 100, counts, duration(eta));
			drawn = true;
		}
		else if (!done) {
			out.printf(Locale.ROOT, "%3.0f%%  %s, about %s left%n", fraction * 100, counts, duration(eta));
		}
		out.flush();
	}

	/**
	 * Shows {@code done} of {@code total} items, with their rate and the time left
	 * estimated from it.
	 */
	void count(long done, long total, String unit) {
		double seconds = (clock.getAsLong() - started) / 1e9;
		double rate = seconds <= 0 ? 0 : done / seconds;
		Duration eta = rate <= 0 ? Duration.ZERO : Duration.ofMillis((long) ((total - done) / rate * 1000));
		double fraction = total == 0 ? 1 : (double) done / total;
		show(fraction, String.format(Locale.ROOT, "%,d of %,d %s, %,.0f a second", done, total, unit, rate), eta,
				done >= total);
	}

	/** Ends a bar drawn in place with a new line. */
	void finish() {
		if (drawn) {
			out.println();
			drawn = false;
		}
	}

	static String duration(Duration d) {
		long s = d.toSeconds();
		return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
				: String.format("%d:%02d", s / 60, s % 60);
	}

}
