package app.rightly.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import app.rightly.channels.ChannelKey;
import app.rightly.channels.ChannelKinds;
import app.rightly.shared.Ids;
import app.rightly.shared.InvalidInputException;
import app.rightly.shared.NotFoundException;
import app.rightly.shared.Tenant;
import app.rightly.shared.UserId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Imports started from the web UI: an uploaded file is kept under the data dir, mapped
 * with a preview, then imported in the background, one at a time, with its progress
 * stored so that any page can show it. An import cut short by a restart is marked
 * interrupted; running it again resumes it (imports are idempotent).
 */
@Service
public class ImportJobs implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);

	private static final JsonMapper json = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	private final Importer importer;

	private final Path dir;

	private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
		Thread thread = new Thread(r, "rightly-web-import");
		thread.setDaemon(true);
		return thread;
	});

	private final boolean server;

	ImportJobs(JdbcClient jdbc, Importer importer, @Value("${rightly.imports.dir}") Path dir,
			@Value("${rightly.mode:}") String mode) {
		this.server = "serve".equals(mode);
		this.jdbc = jdbc;
		this.importer = importer;
		this.dir = dir.toAbsolutePath().normalize();
	}

	/** An import as the UI shows it. */
	public record Job(UUID id, String fileName, String format, Map<String, String> mapping, String channelKind,
			String channelName, String status, long totalBytes, long bytesRead, long rows, long created,
			long duplicates, long rejected, long undated, String error, boolean hasRejects, Instant createdAt,
			Instant startedAt, Instant finishedAt) {

		public boolean finished() {
			return status.equals("done") || status.equals("failed") || status.equals("interrupted");
		}

		public boolean startable() {
			return status.equals("uploaded") || status.equals("interrupted") || status.equals("failed");
		}

		public int percent() {
			if (status.equals("done")) {
				return 100;
			}
			return totalBytes == 0 ? 0 : (int) Math.min(100, bytesRead * 100 / totalBytes);
		}

		public long rowsPerSecond() {
			Instant end = finishedAt == null ? Instant.now() : finishedAt;
			long millis = startedAt == null ? 0 : Duration.between(startedAt, end).toMillis();
			return millis <= 0 ? 0 : rows * 1000 / millis;
		}

		public long secondsLeft() {
			if (finished() || startedAt == null || bytesRead == 0) {
				return 0;
			}
			long millis = Duration.between(startedAt, Instant.now()).toMillis();
			return Math.max(0, (long) ((double) millis / bytesRead * (totalBytes - bytesRead) / 1000));
		}

	}

	/** Keeps an uploaded file as a new import of the brand; nothing is imported yet. */
	public Job upload(Tenant tenant, UserId by, String originalName, InputStream content) throws IOException {
		String name = originalName == null || originalName.isBlank() ? "upload"
				: Path.of(originalName).getFileName().toString();
		if (name.length() > 200) {
			name = name.substring(name.length() - 200);
		}
		UUID id = Ids.newId();
		Path folder = dir.resolve(id.toString());
		Files.createDirectories(folder);
		Path stored = folder.resolve("source");
		Files.copy(content, stored, StandardCopyOption.REPLACE_EXISTING);
		if (Files.size(stored) == 0) {
			Files.delete(stored);
			Files.delete(folder);
			throw new InvalidInputException("file", "is empty");
		}
		String format = name.toLowerCase(Locale.ROOT).endsWith(".jsonl")
				|| name.toLowerCase(Locale.ROOT).endsWith(".ndjson") ? "jsonl"
						: Sources.Format.detect(stored).name().toLowerCase(Locale.ROOT);
		jdbc.sql(
				"""
						INSERT INTO import_job (id, organisation_id, brand_id, created_by, file_name, stored_path, format, status,
						                        total_bytes, channel_kind, channel_name)
						VALUES (:id, :org, :brand, :by, :name, :path, :format, 'uploaded', :size, 'import', :channel)""")
			.param("id", id)
			.param("org", tenant.organisation().value())
			.param("brand", tenant.brand().value())
			.param("by", by.value())
			.param("name", name)
			.param("path", stored.toString())
			.param("format", format)
			.param("size", Files.size(stored))
			.param("channel", name.length() > 100 ? name.substring(0, 100) : name)
			.update();
		return job(tenant, id);
	}

	/** The file's columns and first rows, with the mapping that would be used. */
	public Importer.Preview preview(Tenant tenant, UUID id, int rows) {
		Job job = job(tenant, id);
		try {
			return importer.preview(storedPath(tenant, id), job.format(), rows);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Queues the import with a mapping (field → column; blank columns are left out) and
	 * the channel of rows that name none.
	 * @throws InvalidInputException naming a field or column that does not fit
	 */
	public Job start(Tenant tenant, UUID id, Map<String, String> mapping, String channelKind, String channelName) {
		Job job = job(tenant, id);
		if (!job.startable()) {
			throw new InvalidInputException("status", "this import is already " + job.status());
		}
		Map<String, String> clean = new LinkedHashMap<>();
		mapping.forEach((field, column) -> {
			if (column != null && !column.isBlank()) {
				clean.put(field, column);
			}
		});
		String kind = channelKind == null ? "import" : channelKind.strip().toLowerCase(Locale.ROOT);
		if (!ChannelKinds.known(kind)) {
			throw new InvalidInputException("channelKind", "must be one of " + ChannelKinds.describe());
		}
		String name = channelName == null || channelName.isBlank() ? job.fileName() : channelName.strip();
		if (name.length() > 100) {
			throw new InvalidInputException("channelName", "must be at most 100 characters");
		}
		// check the mapping against the file's columns now, not halfway through the
		// import
		ImportRows.resolve(preview(tenant, id, 0).columns(), clean);
		jdbc.sql(
				"""
						UPDATE import_job SET status = 'queued', mapping = :mapping::jsonb, channel_kind = :kind, channel_name = :name,
						       error = NULL, bytes_read = 0, rows_read = 0, created = 0, duplicates = 0, rejected = 0, undated = 0,
						       started_at = NULL, finished_at = NULL
						WHERE id = :id AND organisation_id = :org AND brand_id = :brand""")
			.param("mapping", json.writeValueAsString(clean))
			.param("kind", kind)
			.param("name", name)
			.param("id", id)
			.param("org", tenant.organisation().value())
			.param("brand", tenant.brand().value())
			.update();
		runner.execute(() -> run(tenant, id));
		return job(tenant, id);
	}

	private void run(Tenant tenant, UUID id) {
		Job job = job(tenant, id);
		Path source = storedPath(tenant, id);
		Path rejects = source.resolveSibling("rejects.csv");
		jdbc.sql("UPDATE import_job SET status = 'running', started_at = now() WHERE id = :id")
			.param("id", id)
			.update();
		long[] lastWrite = { 0 };
		try {
			Importer.Report report = importer.run(tenant,
					new Importer.Request(source, job.format(), job.mapping(),
							new ChannelKey(job.channelKind(), job.channelName()), ZoneId.of("UTC"), rejects),
					progress -> {
						long now = System.nanoTime();
						if (progress.done() || now - lastWrite[0] > 500_000_000L) {
							lastWrite[0] = now;
							record(id, progress, null);
						}
					});
			record(id, report.progress(), report.rejects() == null ? null : report.rejects().toString());
			jdbc.sql("UPDATE import_job SET status = 'done', finished_at = now() WHERE id = :id")
				.param("id", id)
				.update();
		}
		catch (IOException | RuntimeException ex) {
			log.warn("Import {} of {} failed: {}", id, job.fileName(), ex.getMessage());
			jdbc.sql("UPDATE import_job SET status = 'failed', error = :error, finished_at = now() WHERE id = :id")
				.param("error", ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage())
				.param("id", id)
				.update();
		}
	}

	private void record(UUID id, Importer.Progress p, String rejectsPath) {
		jdbc.sql(
				"""
						UPDATE import_job SET bytes_read = :read, rows_read = :rows, created = :created, duplicates = :duplicates,
						       rejected = :rejected, undated = :undated, rejects_path = COALESCE(:rejects, rejects_path)
						WHERE id = :id""")
			.param("read", p.bytesRead())
			.param("rows", p.rows())
			.param("created", p.created())
			.param("duplicates", p.duplicates())
			.param("rejected", p.rejected())
			.param("undated", p.undated())
			.param("rejects", rejectsPath)
			.param("id", id)
			.update();
	}

	/** Imports cut short by a stop of the server: marked, so they can be run again. */
	@EventListener(ApplicationReadyEvent.class)
	void markInterrupted() {
		jdbc.sql(
				"""
						UPDATE import_job SET status = 'interrupted', finished_at = now(),
						       error = 'The server stopped during the import; run it again to finish it (nothing is imported twice).'
						WHERE status IN ('queued', 'running')""")
			.update();
	}

	public Job job(Tenant tenant, UUID id) {
		return find(tenant, id).orElseThrow(() -> new NotFoundException("import"));
	}

	public Optional<Job> find(Tenant tenant, UUID id) {
		return jdbc.sql("SELECT * FROM import_job WHERE id = :id AND organisation_id = :org AND brand_id = :brand")
			.param("id", id)
			.param("org", tenant.organisation().value())
			.param("brand", tenant.brand().value())
			.query(ImportJobs::job)
			.optional();
	}

	public List<Job> recent(Tenant tenant) {
		return jdbc.sql("""
				SELECT * FROM import_job WHERE organisation_id = :org AND brand_id = :brand
				ORDER BY created_at DESC LIMIT 20""")
			.param("org", tenant.organisation().value())
			.param("brand", tenant.brand().value())
			.query(ImportJobs::job)
			.list();
	}

	/** The rejects file of a finished import, if it rejected anything. */
	public Optional<Path> rejects(Tenant tenant, UUID id) {
		return jdbc.sql(
				"SELECT rejects_path FROM import_job WHERE id = :id AND organisation_id = :org AND brand_id = :brand AND rejects_path IS NOT NULL")
			.param("id", id)
			.param("org", tenant.organisation().value())
			.param("brand", tenant.brand().value())
			.query(String.class)
			.optional()
			.map(Path::of)
			.filter(Files::isReadable);
	}

	private Path storedPath(Tenant tenant, UUID id) {
		String path = jdbc
			.sql("SELECT stored_path FROM import_job WHERE id = :id AND organisation_id = :org AND brand_id = :brand")
			.param("id", id)
			.param("org", tenant.organisation().value())
			.param("brand", tenant.brand().value())
			.query(String.class)
			.optional()
			.orElseThrow(() -> new NotFoundException("import"));
		Path stored = Path.of(path);
		if (!Files.isReadable(stored)) {
			throw new InvalidInputException("file", "the uploaded file is no longer there; upload it again");
		}
		return stored;
	}

	private static Job job(ResultSet rs, int n) throws SQLException {
		Map<String, String> mapping = json.readValue(rs.getString("mapping"),
				new TypeReference<LinkedHashMap<String, String>>() {
				});
		return new Job(rs.getObject("id", UUID.class), rs.getString("file_name"), rs.getString("format"), mapping,
				rs.getString("channel_kind"), rs.getString("channel_name"), rs.getString("status"),
				rs.getLong("total_bytes"), rs.getLong("bytes_read"), rs.getLong("rows_read"), rs.getLong("created"),
				rs.getLong("duplicates"), rs.getLong("rejected"), rs.getLong("undated"), rs.getString("error"),
				rs.getString("rejects_path") != null, instant(rs.getTimestamp("created_at")),
				instant(rs.getTimestamp("started_at")), instant(rs.getTimestamp("finished_at")));
	}

	private static Instant instant(Timestamp t) {
		return t == null ? null : t.toInstant();
	}

	@Override
	public void destroy() {
		runner.shutdownNow();
	}

}
