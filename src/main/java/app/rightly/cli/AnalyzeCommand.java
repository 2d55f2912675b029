package app.rightly.cli;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

import app.rightly.analysis.Analysis;
import app.rightly.analysis.training.LabelledFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code rightly analyze}: the analysis of every line of a file, as JSON Lines, for
 * pipelines.
 */
@Command(name = "analyze", aliases = "analyse", mixinStandardHelpOptions = true,
		description = { "Writes the analysis of each message of a file as JSON Lines to standard output:",
				"a text file (one message per line), a CSV with a header, or JSON Lines.",
				"--stats prints to standard error how many messages were analysed and how fast",
				"(the analysis alone, single thread, after a warm-up; not start-up or output)." })
class AnalyzeCommand implements Callable<Integer> {

	@Option(names = "--brand", paramLabel = "SLUG", description = "use what this brand was taught")
	String brand;

	@Option(names = "--stats", description = "print the message count and analysis rate to standard error")
	boolean stats;

	@Option(names = "--text-column", paramLabel = "C", defaultValue = "text",
			description = "the text column of a CSV or JSON Lines file (default: ${DEFAULT-VALUE})")
	String textColumn;

	@Option(names = "--data-dir", paramLabel = "DIR",
			description = "data dir, for --brand (env RIGHTLY_DATA_DIR; default ./data)")
	String dataDir;

	@Parameters(paramLabel = "FILE")
	Path file;

	/** The warm-up lasts at least this long… */
	static final long WARM_MIN_NANOS = 3_000_000_000L;

	/** …and at most this long. */
	static final long WARM_MAX_NANOS = 20_000_000_000L;

	/**
	 * Lets the JIT compile the analysis before it is timed: one-second rounds until the
	 * compiler spent less than 50 ms of a round compiling. On a busy two-core machine it
	 * compiles for five seconds or more, and a fixed two-second warm-up timed the
	 * analysis a fifth slower than it runs. Without the compiler's clock, a fixed eight
	 * seconds.
	 */
	static void warmUp(Analysing analysing, List<String> texts) {
		CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
		boolean clocked = jit != null && jit.isCompilationTimeMonitoringSupported();
		long started = System.nanoTime();
		long compiled = clocked ? jit.getTotalCompilationTime() : 0;
		int i = 0;
		while (true) {
			long round = System.nanoTime();
			while (System.nanoTime() - round < 1_000_000_000L) {
				analysing.analyse(texts.get(i++ % texts.size()));
			}
			long elapsed = System.nanoTime() - started;
			long now = clocked ? jit.getTotalCompilationTime() : 0;
			boolean settled = clocked ? now - compiled < 50 : elapsed >= 8_000_000_000L;
			compiled = now;
			if ((elapsed >= WARM_MIN_NANOS && settled) || elapsed >= WARM_MAX_NANOS) {
				return;
			}
		}
	}

	@Override
	public Integer call() throws Exception {
		List<String> texts = texts(file, textColumn);
		JsonMapper json = JsonMapper.builder().build();
		try (Analysing analysing = Analysing.open(brand, dataDir)) {
			String rate = null;
			if (stats) {
				warmUp(analysing, texts);
				// the analysis alone, timed on its own pass: writing JSON in between
				// would
				// be counted in caches and garbage collections if not in time
				long risk = 0;
				long started = System.nanoTime();
				for (String text : texts) {
					risk += analysing.analyse(text).risk().score();
				}
				double seconds = (System.nanoTime() - started) / 1e9;
				rate = String.format(Locale.ROOT,
						"analysed %d messages in %.2f s: %.0f messages/s (single thread, after warm-up; mean risk %.1f)%n",
						texts.size(), seconds, texts.size() / seconds, risk / (double) Math.max(1, texts.size()));
			}
			try (BufferedWriter out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8),
					1 << 16)) {
				// every core analyses a block, which is then written in the file's order
				ProgressLine progress = ProgressLine.onStandardError();
				for (int from = 0; from < texts.size(); from += BLOCK) {
					List<String> block = texts.subList(from, Math.min(texts.size(), from + BLOCK));
					String[] lines = new String[block.size()];
					IntStream.range(0, block.size())
						.parallel()
						.forEach(i -> lines[i] = json.writeValueAsString(line(block.get(i), analysing)));
					for (String line : lines) {
						out.write(line);
						out.write('\n');
					}
					progress.count(from + block.size(), texts.size(), "messages");
				}
				progress.finish();
			}
			if (rate != null) {
				System.err.print(rate);
			}
		}
		return 0;
	}

	/**
	 * How many messages are analysed together, on every core, before they are written.
	 */
	static final int BLOCK = 4096;

	private static Map<String, Object> line(String text, Analysing analysing) {
		Map<String, Object> line = new LinkedHashMap<>();
		line.put("text", text);
		line.put("analysis", analysing.analyse(text));
		return line;
	}

	static List<String> texts(Path file, String textColumn) throws java.io.IOException {
		String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
		if (name.endsWith(".csv") || name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
			List<String> texts = new ArrayList<>();
			LabelledFile.Read read = LabelledFile.readCounted(file, textColumn, textColumn, null, null);
			if (read.summary() != null) {
				System.err.println(read.summary());
			}
			for (LabelledFile.Row row : read.rows()) {
				texts.add(row.text());
			}
			if (texts.isEmpty()) {
				throw new IllegalArgumentException(file + " holds no messages");
			}
			return texts;
		}
		List<String> texts = new ArrayList<>();
		for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
			if (!line.isBlank()) {
				texts.add(line);
			}
		}
		if (texts.isEmpty()) {
			throw new IllegalArgumentException(file + " holds no messages");
		}
		return texts;
	}

}
