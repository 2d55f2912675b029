package app.rightly.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The PostgreSQL the tests of one JVM share: a fresh database on the server named by
 * {@code RIGHTLY_TEST_PG_URL} (dropped at the end), or an embedded server in a temporary
 * directory. Either way the migrations run on an empty database. Tests isolate themselves
 * by creating their own organisation, never by cleaning tables.
 */
public final class TestDatabase {

	/** Where to connect. */
	public record Connection(String url, String user, String password, boolean external) {
	}

	private static final Pattern URL = Pattern.compile("^(jdbc:postgresql://[^/]+/)([^?]*)(\\?.*)?$");

	private static Connection connection;

	private static Path dataDir;

	private TestDatabase() {
	}

	public static synchronized Connection get() {
		if (connection == null) {
			String external = System.getenv("RIGHTLY_TEST_PG_URL");
			connection = external == null || external.isBlank() ? embedded() : external(external.trim());
		}
		return connection;
	}

	/** A scratch data dir for the tests of this JVM. */
	public static synchronized Path dataDir() {
		if (dataDir == null) {
			try {
				dataDir = Files.createTempDirectory("rightly-test-data");
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return dataDir;
	}

	/** A new, empty database on the same server, for tests that need one of their own. */
	public static Connection newEmptyDatabase(String prefix) {
		Connection base = get();
		String name = prefix + "_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss")) + "_"
				+ ThreadLocalRandom.current().nextInt(100_000, 999_999);
		execute(base, "CREATE DATABASE " + name);
		return new Connection(withDatabase(base.url(), name), base.user(), base.password(), base.external());
	}

	/** Drops a database made by {@link #newEmptyDatabase}. */
	public static void drop(Connection database) {
		Matcher m = URL.matcher(database.url());
		if (m.matches()) {
			dropQuietly(get(), m.group(2));
		}
	}

	private static Connection embedded() {
		try {
			EmbeddedPostgres postgres = EmbeddedPostgres.builder()
				// tests trade durability for speed; the product runs with synchronous
				// commit on
				.setServerConfig("fsync", "off")
				.setServerConfig("full_page_writes", "off")
				.start();
			String url = postgres.getJdbcUrl("postgres", "postgres");
			Connection server = new Connection(url, "postgres", "", false);
			execute(server, "CREATE DATABASE rightly_test");
			return new Connection(withDatabase(url, "rightly_test"), "postgres", "", false);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("the embedded PostgreSQL for the tests did not start", ex);
		}
	}

	private static Connection external(String url) {
		String user = env("RIGHTLY_TEST_PG_USER", "postgres");
		String password = env("RIGHTLY_TEST_PG_PASSWORD", "");
		Connection server = new Connection(url, user, password, true);
		String name = "rightly_test_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss")) + "_"
				+ ThreadLocalRandom.current().nextInt(1000, 9999);
		execute(server, "CREATE DATABASE " + name);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> dropQuietly(server, name)));
		return new Connection(withDatabase(url, name), user, password, true);
	}

	static String withDatabase(String url, String database) {
		Matcher m = URL.matcher(url);
		if (!m.matches()) {
			throw new IllegalArgumentException("not a jdbc:postgresql://host:port/database URL: " + url);
		}
		return m.group(1) + database + (m.group(3) == null ? "" : m.group(3));
	}

	private static void execute(Connection on, String sql) {
		try (var c = DriverManager.getConnection(on.url(), on.user(), on.password());
				Statement s = c.createStatement()) {
			s.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(sql + " failed on " + on.url() + ": " + ex.getMessage(), ex);
		}
	}

	private static void dropQuietly(Connection server, String name) {
		try {
			execute(server, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
		}
		catch (RuntimeException ex) {
			// the server may already be gone at JVM exit; a leftover test database is
			// harmless
		}
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return value == null || value.isBlank() ? fallback : value;
	}

}
