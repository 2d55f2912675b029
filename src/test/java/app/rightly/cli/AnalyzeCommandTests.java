package app.rightly.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code rightly analyze --stats}: one JSON line per message on standard output, the
 * count and the rate on standard error, after the JIT has settled.
 */
class AnalyzeCommandTests {

	@Test
	void writesOneAnalysisPerLineAndTheRateToStandardError(@TempDir Path dir) throws Exception {
		Path file = dir.resolve("messages.txt");
		Files.writeString(file, """
				@SkyAir my bag never arrived, can you help?
				@SkyAir thank you so much, the crew was wonderful!

				@SkyAir what time does boarding start?
				""");
		long started = System.nanoTime();
		Run run = run("--stats", file.toString());
		assertThat(run.exit()).isZero();
		List<String> lines = run.out().lines().toList();
		assertThat(lines).hasSize(3);
		assertThat(lines.get(0)).startsWith("{\"text\":\"@SkyAir my bag never arrived")
			.contains("\"intent\":{\"label\":\"complaint\"");
		assertThat(run.err()).containsPattern("analysed 3 messages in [0-9.]+ s: [0-9]+ messages/s");
		// the warm-up runs until the JIT settles, never less than its minimum
		assertThat(System.nanoTime() - started).isGreaterThanOrEqualTo(AnalyzeCommand.WARM_MIN_NANOS);
	}

	@Test
	void messagesAnalysedTogetherAreWrittenInTheFilesOrder(@TempDir Path dir) throws Exception {
		int n = 2 * AnalyzeCommand.BLOCK + 17;
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < n; i++) {
			text.append(message(i)).append('\n');
		}
		Path file = dir.resolve("many.txt");
		Files.writeString(file, text);
		Run run = run(file.toString());
		assertThat(run.exit()).isZero();
		List<String> lines = run.out().lines().toList();
		assertThat(lines).hasSize(n);
		for (int i = 0; i < n; i++) {
			// each text with its own analysis
			assertThat(lines.get(i)).startsWith("{\"text\":\"" + message(i) + "\",")
				.contains("\"sentiment\":{\"label\":\"" + (i % 3 == 0 ? "negative" : "positive") + "\"");
		}
	}

	private record Run(int exit, String out, String err) {
	}

	/** {@code rightly analyze ARGS}, with what it wrote to standard output and error. */
	private static Run run(String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		PrintStream stdout = System.out;
		PrintStream stderr = System.err;
		try {
			System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
			System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
			int exit = new CommandLine(new AnalyzeCommand()).execute(args);
			return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
		}
		finally {
			System.setOut(stdout);
			System.setErr(stderr);
		}
	}

	private static String message(int i) {
		return i % 3 == 0 ? "@SkyAir bag " + i + " never arrived" : "@SkyAir thanks for flight " + i;
	}

}
