package app.rightly.analysis.training;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import app.rightly.shared.InvalidInputException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Labelled examples from a file: CSV with a header, or JSON Lines. {@code --text-column}
 * and {@code --label-column} name the fields; {@code --label-map 'a=b,c=d'} renames
 * labels (a label mapped to nothing, {@code a=}, drops the row);
 * {@code --where COL=VALUE} keeps only matching rows.
 */
public final class LabelledFile {

	/** A text with its (mapped) label. */
	public record Row(String text, String label) {
	}

	private LabelledFile() {
	}

	/**
	 * What a read gave: the rows kept, and how many records were left out and why, so a
	 * command can say so rather than drop them silently.
	 */
	public record Read(List<Row> rows, int records, int noText, int noLabel, int mappedAway, int filtered,
			int malformed, List<Long> malformedLines) {

		/** How many records were left out. */
		public int skipped() {
			return noText + noLabel + mappedAway + filtered + malformed;
		}

		/**
		 * One line for standard error when records were left out ("skipped 3 of 120
		 * records: 1 without a label, 2 malformed (lines 7, 9)"), or null when none were.
		 */
		public String summary() {
			if (skipped() == 0) {
				return null;
			}
			List<String> why = new ArrayList<>();
			part(why, noText, "without a text");
			part(why, noLabel, "without a label");
			part(why, mappedAway, "mapped to no label by --label-map");
			part(why, filtered, "not matching --where");
			if (malformed > 0) {
				why.add(String.format("%,d malformed (line%s %s%s)", malformed, malformedLines.size() > 1 ? "s" : "",
						String.join(", ", malformedLines.stream().map(String::valueOf).toList()),
						malformed > malformedLines.size() ? ", …" : ""));
			}
			return String.format("skipped %,d of %,d records: %s", skipped(), records, String.join(", ", why));
		}

		private static void part(List<String> why, int n, String what) {
			if (n > 0) {
				why.add(String.format("%,d %s", n, what));
			}
		}

	}

	/** How many malformed lines a summary names. */
	static final int LINES_NAMED = 5;

	public static List<Row> read(Path file, String textColumn, String labelColumn, String labelMap, String where)
			throws IOException {
		return readCounted(file, textColumn, labelColumn, labelMap, where).rows();
	}

	public static Read readCounted(Path file, String textColumn, String labelColumn, String labelMap, String where)
			throws IOException {
		Map<String, String> map = parseMap(labelMap);
		String whereColumn = null;
		String whereValue = null;
		if (where != null && !where.isBlank()) {
			int eq = where.indexOf('=');
			if (eq <= 0) {
				throw new InvalidInputException("where", "must be COLUMN=VALUE");
			}
			whereColumn = where.substring(0, eq).strip();
			whereValue = where.substring(eq + 1).strip();
		}
		Counter counter = new Counter(map);
		String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
		if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")) {
			JsonMapper json = JsonMapper.builder().build();
			try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
				long number = 0;
				for (String line = in.readLine(); line != null; line = in.readLine()) {
					number++;
					if (line.isBlank()) {
						continue;
					}
					JsonNode node;
					try {
						node = json.readTree(line);
					}
					catch (JacksonException ex) {
						counter.malformed(number);
						continue;
					}
					if (!node.isObject()) {
						counter.malformed(number);
						continue;
					}
					counter.add(text(node, textColumn), text(node, labelColumn),
							whereColumn == null || whereValue.equals(text(node, whereColumn)));
				}
			}
		}
		else {
			try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
				var parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in);
				for (String column : new String[] { textColumn, labelColumn, whereColumn }) {
					if (column != null && !parser.getHeaderMap().containsKey(column)) {
						throw new InvalidInputException("column", "the file has no column '" + column + "' (it has: "
								+ String.join(", ", parser.getHeaderNames()) + ")");
					}
				}
				try {
					long ended = parser.getCurrentLineNumber(); // the header's last line
					for (CSVRecord r : parser) {
						long started = ended + 1; // a quoted field may span lines
						ended = parser.getCurrentLineNumber();
						if (r.size() == 1 && r.get(0).isEmpty()) {
							continue; // a blank line
						}
						if (!r.isConsistent()) {
							// more or fewer fields than the header names: which is the
							// text is anyone's guess
							counter.malformed(started);
							continue;
						}
						counter.add(r.get(textColumn), r.get(labelColumn),
								whereColumn == null || whereValue.equals(r.get(whereColumn)));
					}
				}
				catch (UncheckedIOException ex) {
					if (ex.getCause() instanceof CharacterCodingException notUtf8) {
						throw notUtf8; // said as such (RightlyCommandLine.rootMessage)
					}
					throw new InvalidInputException("labels",
							"the file is not valid CSV: " + (ex.getCause() == null ? ex : ex.getCause()).getMessage());
				}
			}
		}
		return counter.read();
	}

	/** The rows kept and the records left out, as a file is read. */
	private static final class Counter {

		private final Map<String, String> map;

		private final List<Row> rows = new ArrayList<>();

		private final List<Long> malformedLines = new ArrayList<>();

		private int records;

		private int noText;

		private int noLabel;

		private int mappedAway;

		private int filtered;

		private int malformed;

		Counter(Map<String, String> map) {
			this.map = map;
		}

		void add(String text, String label, boolean keep) {
			records++;
			if (!keep) {
				filtered++;
			}
			else if (text == null || text.isBlank()) {
				noText++;
			}
			else if (label == null || label.isBlank()) {
				noLabel++;
			}
			else {
				String mapped = map.getOrDefault(label.strip(), label.strip());
				if (mapped.isEmpty()) {
					mappedAway++;
				}
				else {
					rows.add(new Row(text, mapped));
				}
			}
		}

		void malformed(long line) {
			records++;
			malformed++;
			if (malformedLines.size() < LINES_NAMED) {
				malformedLines.add(line);
			}
		}

		Read read() {
			return new Read(rows, records, noText, noLabel, mappedAway, filtered, malformed,
					List.copyOf(malformedLines));
		}

	}

	private static String text(JsonNode node, String path) {
		JsonNode value = node;
		for (String part : path.split("\\.")) {
			value = value == null ? null : value.get(part);
		}
		return value == null || value.isNull() ? null : value.isString() ? value.stringValue() : value.toString();
	}

	public static Map<String, String> parseMap(String spec) {
		Map<String, String> map = new HashMap<>();
		if (spec == null || spec.isBlank()) {
			return map;
		}
		for (String pair : spec.split(",")) {
			int eq = pair.indexOf('=');
			if (eq <= 0) {
				throw new InvalidInputException("label-map", "'" + pair + "' is not FROM=TO");
			}
			map.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
		}
		return map;
	}

}
