package app.rightly.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL running under {@code <data dir>/postgres}, started and stopped with Rightly.
 * <p>
 * One process owns a data dir at a time ({@link DataDirectoryLock}). The owner starts the
 * database; when the previous owner was killed hard, the database it left running is
 * stopped cleanly first (a fast shutdown writes a checkpoint, so nothing committed is
 * lost). A second process, such as {@code rightly token create} next to a running server,
 * attaches to the running database instead when {@code attachToRunning} is set.
 */
public final class EmbeddedDatabaseServer implements DatabaseServer {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseServer.class);

	private static final String USER = "postgres";

	private static final String DATABASE = "postgres";

	private final Path pgData;

	private final int port;

	private final EmbeddedPostgres postgres;

	private final DataDirectoryLock lock;

	private EmbeddedDatabaseServer(Path pgData, int port, EmbeddedPostgres postgres, DataDirectoryLock lock) {
		this.pgData = pgData;
		this.port = port;
		this.postgres = postgres;
		this.lock = lock;
	}

	/**
	 * Starts the embedded database on {@code dataDir}, or attaches to the one running
	 * there.
	 * @throws DataDirectoryInUseException when another process owns the data dir and
	 * attaching is not allowed or not possible
	 */
	public static EmbeddedDatabaseServer start(Path dataDir, int fixedPort, boolean attachToRunning) {
		Path dir = dataDir.toAbsolutePath().normalize();
		Path pgData = dir.resolve("postgres");
		try {
			Files.createDirectories(dir.resolve("logs"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create the data dir " + dir + ": " + ex.getMessage(), ex);
		}
		DataDirectoryLock lock = DataDirectoryLock.tryAcquire(dir);
		if (lock == null) {
			return attach(dir, pgData, attachToRunning);
		}
		try {
			stopLeftoverServer(pgData);
			EmbeddedPostgres postgres = EmbeddedPostgres.builder()
				.setDataDirectory(pgData.toFile())
				.setCleanDataDirectory(false)
				.setRegisterShutdownHook(true)
				.setPort(fixedPort)
				// acknowledged means durable: zonky's default turns synchronous commit
				// off
				.setServerConfig("synchronous_commit", "on")
				.setServerConfig("fsync", "on")
				.setServerConfig("listen_addresses", "localhost")
				.setServerConfig("max_connections", "100")
				// a laptop database grows in bursts (imports): look for tables to vacuum
				// every 10 s, not 60
				.setServerConfig("autovacuum_naptime", "10s")
				// the inbox reads a brand's conversations and their search documents
				// over and over: keep them in the database's own cache (PostgreSQL's
				// 128 MB default holds a tenth of a million messages' worth), and give
				// sorts room in memory
				.setServerConfig("shared_buffers", sharedBuffers())
				.setServerConfig("work_mem", "16MB")
				// C.UTF-8 classifies every Unicode letter; macOS lacks it, so plain C
				// there
				.setLocaleConfig("locale", System.getProperty("os.name").startsWith("Linux") ? "C.UTF-8" : "C")
				.setOutputRedirector(ProcessBuilder.Redirect.appendTo(dir.resolve("logs/postgres.log").toFile()))
				.setErrorRedirector(ProcessBuilder.Redirect.appendTo(dir.resolve("logs/postgres.log").toFile()))
				.setPGStartupWait(Duration.ofSeconds(90))
				.start();
			return new EmbeddedDatabaseServer(pgData, postgres.getPort(), postgres, lock);
		}
		catch (IOException | RuntimeException ex) {
			lock.close();
			throw new IllegalStateException("The embedded PostgreSQL in " + pgData + " did not start: "
					+ ex.getMessage() + " (its log: " + dir.resolve("logs/postgres.log") + ")", ex);
		}
	}

	/** An eighth of the machine's memory, between 128 MB and 1 GB. */
	static String sharedBuffers() {
		long bytes = 8L << 30;
		if (java.lang.management.ManagementFactory
			.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
			bytes = os.getTotalMemorySize();
		}
		return Math.max(128, Math.min(1024, bytes / 8 / (1 << 20))) + "MB";
	}

	private static EmbeddedDatabaseServer attach(Path dir, Path pgData, boolean attachToRunning) {
		String holder = DataDirectoryLock.holder(dir)
			.stream()
			.mapToObj(pid -> " (pid " + pid + ")")
			.findFirst()
			.orElse("");
		if (!attachToRunning) {
			throw new DataDirectoryInUseException(
					"Another Rightly server" + holder + " is already running on the data dir " + dir
							+ ". Stop it first, or start this one with another --data-dir.");
		}
		PostmasterPid running = null;
		for (int attempt = 0; attempt < 300; attempt++) { // the owner may still be
															// starting its database
			running = PostmasterPid.read(pgData).filter(PostmasterPid::isRunning).orElse(null);
			if (running != null || DataDirectoryLock.holder(dir).isEmpty()) {
				break;
			}
			sleep(200);
		}
		if (running == null) {
			throw new DataDirectoryInUseException("Another Rightly process" + holder + " holds the data dir " + dir
					+ " but its database is not running. Try again when it has started, or stop it.");
		}
		log.info("Using the database of the Rightly server{} already running on {}", holder, dir);
		return new EmbeddedDatabaseServer(pgData, running.port(), null, null);
	}

	/**
	 * A server left behind by a process that died without stopping it (kill -9, power cut
	 * of the JVM only). SIGINT asks PostgreSQL for a fast shutdown: clients are
	 * disconnected and a checkpoint is written. SIGQUIT is the last resort; the next
	 * start then replays the WAL.
	 */
	private static void stopLeftoverServer(Path pgData) {
		PostmasterPid leftover = PostmasterPid.read(pgData).filter(PostmasterPid::isRunning).orElse(null);
		if (leftover == null) {
			return;
		}
		log.warn(
				"A database server left running by an earlier Rightly process (pid {}) was found on {}; stopping it cleanly",
				leftover.pid(), pgData);
		if (!signalAndWait(leftover.pid(), "INT", Duration.ofSeconds(60))
				&& !signalAndWait(leftover.pid(), "QUIT", Duration.ofSeconds(20))) {
			throw new DataDirectoryInUseException("The database server (pid " + leftover.pid() + ") left running on "
					+ pgData + " does not stop; stop it by hand (kill " + leftover.pid() + ") and start again.");
		}
		log.info("The leftover database server (pid {}) has stopped", leftover.pid());
	}

	private static boolean signalAndWait(long pid, String signal, Duration timeout) {
		try {
			new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO()
				.start()
				.waitFor(10, TimeUnit.SECONDS);
		}
		catch (IOException ex) {
			log.warn("Could not send SIG{} to {}: {}", signal, pid, ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true)) {
				return true;
			}
			sleep(100);
		}
		return false;
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Whether this process started the database (rather than attaching to another's). */
	public boolean owned() {
		return postgres != null;
	}

	public int port() {
		return port;
	}

	@Override
	public String jdbcUrl() {
		return "jdbc:postgresql://localhost:" + port + "/" + DATABASE;
	}

	@Override
	public String user() {
		return USER;
	}

	@Override
	public String password() {
		return "";
	}

	@Override
	public String describe() {
		return (owned() ? "embedded PostgreSQL" : "embedded PostgreSQL of the server already running") + " in " + pgData
				+ " (port " + port + ")";
	}

	@Override
	public void close() {
		if (postgres != null) {
			try {
				postgres.close();
			}
			catch (IOException ex) {
				log.warn("Stopping the embedded PostgreSQL failed: {}", ex.getMessage());
			}
		}
		if (lock != null) {
			lock.close();
		}
	}

}
