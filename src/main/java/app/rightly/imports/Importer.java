package app.rightly.imports;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import app.rightly.channels.ChannelKey;
import app.rightly.channels.Channels;
import app.rightly.conversations.IncomingMessage;
import app.rightly.conversations.IngestResult;
import app.rightly.conversations.MessageIngestion;
import app.rightly.imports.Sources.Format;
import app.rightly.shared.InvalidInputException.FieldError;
import app.rightly.shared.Tenant;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import org.springframework.stereotype.Service;

/**
 * Streams a file into a brand's messages through the same ingest as the API: batches of
 * 1,000, a reader thread ahead of the writer, memory bounded whatever the file's size.
 * Rows that cannot be read or are refused go to a rejects file with their line and
 * reason; the import goes on. Running the same import again creates nothing new, so an
 * interrupted import is resumed by running it again.
 */
@Service
public class Importer {

	static final int BATCH = 1000;

	private final MessageIngestion ingestion;

	Importer(MessageIngestion ingestion) {
		this.ingestion = ingestion;
	}

	/**
	 * What to import.
	 *
	 * @param file the file
	 * @param format {@code csv} or {@code jsonl}; {@code null} detects it from the name
	 * or content
	 * @param mapping field → column, for the fields not named like the columns
	 * @param channel the channel of rows that name none
	 * @param zone the time zone of dates written without an offset
	 * @param rejects where rejected rows go
	 */
	public record Request(Path file, String format, Map<String, String> mapping, ChannelKey channel, ZoneId zone,
			Path rejects) {

		public static Path defaultRejects(Path file) {
			return file.resolveSibling(file.getFileName() + ".rejects.csv");
		}

	}

	/** How far an import is. */
	public record Progress(long bytesRead, long totalBytes, long rows, long created, long duplicates, long rejected,
			long undated, Duration elapsed, boolean done) {

		public double rowsPerSecond() {
			double seconds = elapsed.toMillis() / 1000.0;
			return seconds <= 0 ? 0 : rows / seconds;
		}

		/** The remaining time, estimated from the bytes still to read. */
		public Duration eta() {
			if (done || bytesRead == 0 || totalBytes <= bytesRead) {
				return Duration.ZERO;
			}
			double perByte = (double) elapsed.toMillis() / bytesRead;
			return Duration.ofMillis((long) (perByte * (totalBytes - bytesRead)));
		}

		public double fraction() {
			return done ? 1.0 : totalBytes == 0 ? 0 : Math.min(1.0, (double) bytesRead / totalBytes);
		}

	}

	/** Told about progress after every batch. */
	@FunctionalInterface
	public interface Listener {

		void progress(Progress progress);

	}

	/**
	 * The end of an import: the last progress, the mapping used, the rejects file if any.
	 */
	public record Report(Progress progress, String mapping, Path rejects) {
	}

	/** The columns of a file and its first rows, with the mapping that would be used. */
	public record Preview(String format, List<String> columns, List<List<String>> rows, Map<String, String> mapping) {
	}

	public Preview preview(Path file, String format, int rows) throws IOException {
		Format f = format == null || format.isBlank() ? Format.detect(file) : Format.of(format);
		try (RecordSource source = Sources.open(file, f)) {
			List<List<String>> first = new ArrayList<>();
			for (SourceRecord r = source.next(); r != null && first.size() < rows; r = source.next()) {
				List<String> cells = new ArrayList<>();
				for (String column : source.columns()) {
					cells.add(r.values().getOrDefault(column, ""));
				}
				first.add(cells);
			}
			Map<String, String> mapping;
			try {
				mapping = ImportRows.resolve(source.columns(), Map.of()).fields();
			}
			catch (app.rightly.shared.InvalidInputException ex) {
				mapping = Map.of();
			}
			return new Preview(f.name().toLowerCase(), source.columns(), first, mapping);
		}
	}

	public Report run(Tenant tenant, Request request, Listener listener) throws IOException {
		Format format = request.format() == null || request.format().isBlank() ? Format.detect(request.file())
				: Format.of(request.format());
		long total = Files.size(request.file());
		Instant started = Instant.now();
		Instant importedAt = started;
		ZoneId zone = request.zone() == null ? ZoneId.of("UTC") : request.zone();
		try (RecordSource source = Sources.open(request.file(), format);
				Rejects rejects = new Rejects(request.rejects(), source.rejectColumns())) {
			ImportRows rows = ImportRows.resolve(source.columns(), request.mapping());
			Counts counts = new Counts();
			BlockingQueue<List<Pending>> read = new ArrayBlockingQueue<>(3);
			BlockingQueue<Prepared> prepared = new ArrayBlockingQueue<>(2);
			ExecutorService workers = Executors.newFixedThreadPool(2, r -> {
				Thread t = new Thread(r, "rightly-import");
				t.setDaemon(true);
				return t;
			});
			try {
				Future<?> reading = workers.submit(() -> {
					List<Pending> batch = new ArrayList<>(BATCH);
					for (SourceRecord record = source.next(); record != null; record = source.next()) {
						batch.add(new Pending(record, rows.convert(record, request.channel(), zone, importedAt)));
						if (batch.size() == BATCH) {
							read.put(batch);
							batch = new ArrayList<>(BATCH);
						}
					}
					read.put(batch);
					read.put(END);
					return null;
				});
				// the next batch is checked, analysed and attributed while this thread
				// stores the previous
				Future<?> preparing = workers.submit(() -> {
					while (true) {
						List<Pending> batch = read.take();
						if (batch == END) {
							prepared.put(Prepared.LAST);
							return null;
						}
						prepared.put(prepare(tenant, batch, counts));
					}
				});
				while (true) {
					Prepared next = take(prepared, reading, preparing);
					if (next == Prepared.LAST) {
						break;
					}
					store(next, counts, rejects);
					listener.progress(counts.progress(source.bytesRead(), total,
							Duration.between(started, Instant.now()), false));
				}
				reading.get();
				preparing.get();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IOException("the import was interrupted", ex);
			}
			catch (ExecutionException ex) {
				throw ex.getCause() instanceof IOException io ? io
						: new IOException(ex.getCause().getMessage(), ex.getCause());
			}
			finally {
				workers.shutdownNow();
			}
			Progress last = counts.progress(total, total, Duration.between(started, Instant.now()), true);
			listener.progress(last);
			return new Report(last, rows.describe(), rejects.written() ? request.rejects() : null);
		}
	}

	private static final List<Pending> END = new ArrayList<>();

	/** The next prepared batch; stops with the reason when a worker failed. */
	private static Prepared take(BlockingQueue<Prepared> queue, Future<?> reading, Future<?> preparing)
			throws InterruptedException, ExecutionException {
		while (true) {
			Prepared next = queue.poll(200, java.util.concurrent.TimeUnit.MILLISECONDS);
			if (next != null) {
				return next;
			}
			if (reading.isDone() && !reading.isCancelled()) {
				reading.get(); // rethrows what stopped the reader
			}
			if (preparing.isDone()) {
				preparing.get();
				return Prepared.LAST;
			}
		}
	}

	/** A batch ready to store, with the rows sent to ingest in order. */
	private record Prepared(MessageIngestion.Prepared batch, List<Pending> sent, List<Reject> rejected) {

		static final Prepared LAST = new Prepared(null, List.of(), List.of());

	}

	/** A record that will not be stored, and why. */
	private record Reject(SourceRecord record, List<FieldError> errors) {
	}

	private record Pending(SourceRecord record, ImportRows.Row row) {
	}

	private Prepared prepare(Tenant tenant, List<Pending> batch, Counts counts) {
		List<IncomingMessage> messages = new ArrayList<>(batch.size());
		List<Pending> sent = new ArrayList<>(batch.size());
		List<Reject> rejected = new ArrayList<>();
		for (Pending p : batch) {
			if (p.row().message() == null) {
				rejected.add(new Reject(p.record(), p.row().errors()));
			}
			else {
				messages.add(p.row().message());
				sent.add(p);
			}
		}
		synchronized (counts) {
			counts.rows += batch.size();
			counts.undated += batch.stream().filter(p -> p.row().undated()).count();
		}
		return new Prepared(ingestion.prepare(tenant, messages, Channels.Creation.ANY_KNOWN_KIND), sent, rejected);
	}

	private void store(Prepared prepared, Counts counts, Rejects rejects) throws IOException {
		List<Reject> rejected = new ArrayList<>(prepared.rejected());
		long created = 0;
		long duplicates = 0;
		if (!prepared.sent().isEmpty()) {
			List<IngestResult> results = ingestion.store(prepared.batch());
			for (int i = 0; i < results.size(); i++) {
				switch (results.get(i).status()) {
					case CREATED -> created++;
					case DUPLICATE -> duplicates++;
					case REJECTED -> rejected.add(new Reject(prepared.sent().get(i).record(), results.get(i).errors()));
				}
			}
		}
		rejected.sort(java.util.Comparator.comparingLong(r -> r.record().line()));
		for (Reject r : rejected) {
			rejects.write(r.record(), r.errors());
		}
		synchronized (counts) {
			counts.created += created;
			counts.duplicates += duplicates;
			counts.rejected += rejected.size();
		}
	}

	private static final class Counts {

		long rows;

		long created;

		long duplicates;

		long rejected;

		long undated;

		synchronized Progress progress(long read, long total, Duration elapsed, boolean done) {
			return new Progress(read, total, rows, created, duplicates, rejected, undated, elapsed, done);
		}

	}

	/**
	 * The rejects file: line, reason, then the record as it was. Created at the first
	 * reject.
	 */
	private static final class Rejects implements AutoCloseable {

		private final Path file;

		private final List<String> columns;

		private CSVPrinter printer;

		Rejects(Path file, List<String> columns) throws IOException {
			this.file = file;
			this.columns = columns;
			Files.deleteIfExists(file); // a rerun writes its own rejects
		}

		synchronized void write(SourceRecord record, List<FieldError> errors) throws IOException {
			if (printer == null) {
				BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
				printer = new CSVPrinter(out, CSVFormat.RFC4180);
				List<String> header = new ArrayList<>(List.of("line", "reason"));
				header.addAll(columns);
				printer.printRecord(header);
			}
			List<String> row = new ArrayList<>();
			row.add(String.valueOf(record.line()));
			row.add(errors.stream().map(e -> e.field() + " " + e.message()).collect(Collectors.joining("; ")));
			// bytes that were not UTF-8 show as the usual replacement character
			record.raw().forEach(v -> row.add(v == null ? null : v.replace(ImportRows.NOT_UTF8, '\uFFFD')));
			printer.printRecord(row);
		}

		boolean written() {
			return printer != null;
		}

		@Override
		public void close() throws IOException {
			if (printer != null) {
				printer.close();
			}
		}

	}

}
