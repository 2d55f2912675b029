package app.rightly.analysis.training;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
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

	public static List<Row> read(Path file, String textColumn, String labelColumn, String labelMap, String where)
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
		List<Row> rows = new ArrayList<>();
		String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
		if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")) {
			JsonMapper json = JsonMapper.builder().build();
			try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
				for (String line = in.readLine(); line != null; line = in.readLine()) {
					if (line.isBlank()) {
						continue;
					}
					JsonNode node = json.readTree(line);
					add(rows, text(node, textColumn), text(node, labelColumn), map,
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
				for (CSVRecord r : parser) {
					if (!r.isConsistent()) {
						continue;
					}
					add(rows, r.get(textColumn), r.get(labelColumn), map,
							whereColumn == null || whereValue.equals(r.get(whereColumn)));
				}
			}
		}
		return rows;
	}

	private static void add(List<Row> rows, String text, String label, Map<String, String> map, boolean keep) {
		if (!keep || text == null || label == null) {
			return;
		}
		String mapped = map.getOrDefault(label.strip(), label.strip());
		if (!mapped.isEmpty()) {
			rows.add(new Row(text, mapped));
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
