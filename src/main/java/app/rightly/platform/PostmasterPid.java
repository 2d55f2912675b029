package app.rightly.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What {@code postmaster.pid} in a PostgreSQL data directory says: the server's process
 * id and port. Present while a server runs on the directory, and left behind when one
 * dies.
 */
record PostmasterPid(long pid, int port) {

	static Optional<PostmasterPid> read(Path pgData) {
		Path file = pgData.resolve("postmaster.pid");
		if (!Files.isRegularFile(file)) {
			return Optional.empty();
		}
		try {
			List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
			if (lines.size() < 4) {
				return Optional.empty();
			}
			return Optional
				.of(new PostmasterPid(Long.parseLong(lines.get(0).trim()), Integer.parseInt(lines.get(3).trim())));
		}
		catch (IOException | NumberFormatException ex) {
			return Optional.empty();
		}
	}

	/**
	 * Whether the process still runs and is a PostgreSQL server (process ids get reused).
	 */
	boolean isRunning() {
		return ProcessHandle.of(pid)
			.filter(ProcessHandle::isAlive)
			.map(p -> p.info().command().map(c -> c.endsWith("postgres") || c.endsWith("postmaster")).orElse(true))
			.orElse(false);
	}

}
