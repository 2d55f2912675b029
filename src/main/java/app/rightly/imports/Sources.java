package app.rightly.imports;

import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Opens a file as a {@link RecordSource}: CSV (RFC 4180) or JSON Lines, UTF-8 with or
 * without BOM.
 */
final class Sources {

	/** The formats an import reads. */
	enum Format {

		CSV, JSONL;

		static Format of(String name) {
			return switch (name.toLowerCase(Locale.ROOT)) {
				case "csv" -> CSV;
				case "jsonl", "ndjson", "json" -> JSONL;
				default -> throw new IllegalArgumentException("unknown format '" + name + "'; use csv or jsonl");
			};
		}

		/**
		 * By the file name, else by the first character (a JSON object starts with '{').
		 */
		static Format detect(Path file) throws IOException {
			String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
			if (name.endsWith(".csv") || name.endsWith(".csv.txt")) {
				return CSV;
			}
			if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")) {
				return JSONL;
			}
			try (InputStream in = withoutBom(Files.newInputStream(file))) {
				int c;
				do {
					c = in.read();
				}
				while (c == ' ' || c == '\n' || c == '\r' || c == '\t');
				return c == '{' ? JSONL : CSV;
			}
		}

	}

	private Sources() {
	}

	static RecordSource open(Path file, Format format) throws IOException {
		CountingInputStream counting = new CountingInputStream(Files.newInputStream(file));
		Reader reader = new InputStreamReader(withoutBom(counting), strictUtf8());
		try {
			return format == Format.CSV ? new Csv(reader, counting)
					: new JsonLines(new BufferedReader(reader, 1 << 16), counting);
		}
		catch (IOException | RuntimeException ex) {
			reader.close();
			throw ex instanceof UnreadableFileException u ? u : unreadable(ex, 1);
		}
	}

	/**
	 * Invalid UTF-8 stops the import with the place, rather than being replaced silently.
	 */
	/**
	 * Bytes that are not UTF-8 become a noncharacter that real text never holds, so the
	 * records containing them are rejected one by one, with their line, and the import
	 * goes on.
	 */
	private static CharsetDecoder strictUtf8() {
		return StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPLACE)
			.onUnmappableCharacter(CodingErrorAction.REPLACE)
			.replaceWith(String.valueOf(ImportRows.NOT_UTF8));
	}

	static InputStream withoutBom(InputStream in) throws IOException {
		PushbackInputStream pushback = new PushbackInputStream(in, 3);
		byte[] head = new byte[3];
		int n = pushback.readNBytes(head, 0, 3);
		boolean bom = n == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF;
		if (!bom && n > 0) {
			pushback.unread(head, 0, n);
		}
		return pushback;
	}

	/**
	 * An error in the file itself (not in one record): the import stops with this
	 * message.
	 */
	static final class UnreadableFileException extends IOException {

		UnreadableFileException(String message, Throwable cause) {
			super(message, cause);
		}

	}

	private static final class Csv implements RecordSource {

		private final CSVParser parser;

		private final Iterator<CSVRecord> records;

		private final CountingInputStream counting;

		private final List<String> columns;

		private long nextLine;

		Csv(Reader reader, CountingInputStream counting) throws IOException {
			this.counting = counting;
			this.parser = CSVFormat.RFC4180.builder()
				.setHeader()
				.setSkipHeaderRecord(true)
				.setIgnoreEmptyLines(true)
				.setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_ALL)
				.setAllowMissingColumnNames(true)
				.get()
				.parse(reader);
			this.columns = List.copyOf(parser.getHeaderNames());
			this.records = parser.iterator();
			this.nextLine = parser.getCurrentLineNumber() + 1;
		}

		@Override
		public List<String> columns() {
			return columns;
		}

		@Override
		public List<String> rejectColumns() {
			return columns;
		}

		@Override
		public SourceRecord next() throws IOException {
			try {
				if (!records.hasNext()) {
					return null;
				}
				CSVRecord record = records.next();
				long line = nextLine;
				nextLine = parser.getCurrentLineNumber() + 1;
				List<String> raw = record.toList();
				Map<String, String> values = new LinkedHashMap<>();
				for (int i = 0; i < Math.min(raw.size(), columns.size()); i++) {
					values.put(columns.get(i), raw.get(i));
				}
				if (raw.size() != columns.size()) {
					values.put(ImportRows.SHAPE_ERROR,
							"has " + raw.size() + " fields where the header has " + columns.size());
				}
				return new SourceRecord(line, values, raw);
			}
			catch (IllegalStateException | java.io.UncheckedIOException ex) {
				throw unreadable(ex, nextLine);
			}
		}

		@Override
		public long bytesRead() {
			return counting.count();
		}

		@Override
		public void close() throws IOException {
			parser.close();
		}

	}

	private static final class JsonLines implements RecordSource {

		private static final JsonMapper json = JsonMapper.builder().build();

		private final BufferedReader reader;

		private final CountingInputStream counting;

		private final List<SourceRecord> peeked = new ArrayList<>();

		private final List<String> columns;

		private long line;

		JsonLines(BufferedReader reader, CountingInputStream counting) throws IOException {
			this.reader = reader;
			this.counting = counting;
			LinkedHashSet<String> seen = new LinkedHashSet<>();
			for (int i = 0; i < 50; i++) { // the columns a mapping can name: paths of the
											// first records
				SourceRecord record = read();
				if (record == null) {
					break;
				}
				peeked.add(record);
				record.values().keySet().stream().filter(k -> !k.equals(ImportRows.SHAPE_ERROR)).forEach(seen::add);
			}
			this.columns = List.copyOf(seen);
		}

		@Override
		public List<String> columns() {
			return columns;
		}

		@Override
		public List<String> rejectColumns() {
			return List.of("json");
		}

		@Override
		public SourceRecord next() throws IOException {
			return peeked.isEmpty() ? read() : peeked.remove(0);
		}

		private SourceRecord read() throws IOException {
			String text;
			try {
				do {
					text = reader.readLine();
					line++;
				}
				while (text != null && text.isBlank());
			}
			catch (MalformedInputException ex) {
				throw unreadable(ex, line);
			}
			if (text == null) {
				return null;
			}
			Map<String, String> values = new LinkedHashMap<>();
			try {
				JsonNode node = json.readTree(text);
				if (node != null && node.isObject()) {
					flatten("", node, values);
				}
				else {
					values.put(ImportRows.SHAPE_ERROR, "is not a JSON object");
				}
			}
			catch (JacksonException ex) {
				values.put(ImportRows.SHAPE_ERROR, "is not valid JSON: " + ex.getOriginalMessage());
			}
			return new SourceRecord(line, values, List.of(text));
		}

		private static void flatten(String prefix, JsonNode node, Map<String, String> into) {
			for (Map.Entry<String, JsonNode> field : node.properties()) {
				String path = prefix + field.getKey();
				JsonNode value = field.getValue();
				if (value.isObject()) {
					flatten(path + ".", value, into);
				}
				else if (value.isArray()) {
					into.put(path, json.writeValueAsString(value));
				}
				else if (!value.isNull()) {
					into.put(path, value.isString() ? value.stringValue() : value.toString());
				}
			}
		}

		@Override
		public long bytesRead() {
			return counting.count();
		}

		@Override
		public void close() throws IOException {
			reader.close();
		}

	}

	private static UnreadableFileException unreadable(Exception ex, long line) {
		Throwable cause = ex;
		while (cause.getCause() != null && !(cause instanceof MalformedInputException)) {
			cause = cause.getCause();
		}
		if (cause instanceof MalformedInputException) {
			return new UnreadableFileException("the file is not valid UTF-8 near line " + line
					+ "; convert it first, for example: iconv -f latin1 -t utf-8 FILE > FILE.utf8", ex);
		}
		return new UnreadableFileException(
				"the file cannot be read as CSV near line " + line + ": " + cause.getMessage(), ex);
	}

	/** Counts the bytes read, for progress against the file's size. */
	static final class CountingInputStream extends FilterInputStream {

		private volatile long count;

		CountingInputStream(InputStream in) {
			super(in);
		}

		long count() {
			return count;
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b >= 0) {
				count++;
			}
			return b;
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
			int n = super.read(b, off, len);
			if (n > 0) {
				count += n;
			}
			return n;
		}

	}

}
