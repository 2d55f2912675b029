package app.rightly.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The packaged {@code target/rightly.jar} run as a user runs it: a separate process,
 * talked to over HTTP and the command line only.
 */
final class RightlyProcess {

	static final Path JAR = Path.of(System.getProperty("rightly.jar", "target/rightly.jar"));

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	/** A finished command. */
	record Result(int exit, String out, String err) {
	}

	/** A running server. */
	record Server(Process process, int port, Path log) {

		String url(String path) {
			return "http://127.0.0.1:" + port + path;
		}

		/**
		 * {@code kill -9}: no shutdown hook runs, the embedded database is left behind.
		 */
		void killHard() throws InterruptedException {
			process.destroyForcibly();
			process.waitFor(30, TimeUnit.SECONDS);
		}

		/** {@code kill}: a normal stop. */
		void stop() throws InterruptedException {
			process.destroy();
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
		}

	}

	private RightlyProcess() {
	}

	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static List<String> command(String... args) {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-jar",
						JAR.toString()));
		command.addAll(List.of(args));
		return command;
	}

	static Server serve(Path dataDir, String... extra) throws IOException, InterruptedException {
		int port = freePort();
		List<String> args = new ArrayList<>(
				List.of("serve", "--port", String.valueOf(port), "--data-dir", dataDir.toString()));
		args.addAll(List.of(extra));
		Path log = Files.createTempFile("rightly-server", ".log");
		Process process = new ProcessBuilder(command(args.toArray(new String[0]))).redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		Server server = new Server(process, port, log);
		long deadline = System.nanoTime() + Duration.ofSeconds(150).toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException(
						"the server exited with " + process.exitValue() + ":\n" + Files.readString(log));
			}
			try {
				if (get(server.url("/actuator/health"), null).body().contains("\"UP\"")) {
					return server;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(250);
		}
		process.destroyForcibly();
		throw new IllegalStateException("the server did not become healthy:\n" + Files.readString(log));
	}

	static Result run(String... args) throws IOException, InterruptedException {
		Path out = Files.createTempFile("rightly-out", ".txt");
		Path err = Files.createTempFile("rightly-err", ".txt");
		Process process = new ProcessBuilder(command(args)).redirectOutput(out.toFile())
			.redirectError(err.toFile())
			.start();
		if (!process.waitFor(180, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new IllegalStateException("rightly " + String.join(" ", args) + " did not finish");
		}
		return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
				Files.readString(err, StandardCharsets.UTF_8));
	}

	static HttpResponse<String> get(String url, String token) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	static HttpResponse<String> post(String url, String token, String json) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create(url))
			.timeout(Duration.ofSeconds(60))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build();
		return http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * Ends whatever still runs on a data dir (a database left by a kill -9), like an
	 * operator would.
	 */
	static void reap(Path dataDir) {
		ProcessHandle.allProcesses()
			.filter(p -> p.info().commandLine().map(c -> c.contains(dataDir.toString())).orElse(false))
			.forEach(ProcessHandle::destroyForcibly);
	}

	/** Processes still running on a data dir. */
	static long running(Path dataDir) {
		return ProcessHandle.allProcesses()
			.filter(ProcessHandle::isAlive)
			.filter(p -> p.info().commandLine().map(c -> c.contains(dataDir.toString())).orElse(false))
			.count();
	}

}
