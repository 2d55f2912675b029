package app.rightly.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import app.rightly.Rightly;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import org.springframework.boot.SpringApplication;

/**
 * {@code rightly serve}: the web server, on the embedded database unless RIGHTLY_DB_URL
 * is set.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
		description = { "Starts the Rightly server: web UI and API on http://localhost:PORT.",
				"Without RIGHTLY_DB_URL it runs an embedded PostgreSQL whose data lives in the data dir." })
class ServeCommand implements Callable<Integer> {

	private static volatile boolean serving;

	@Option(names = "--port", paramLabel = "N", description = "HTTP port (env RIGHTLY_PORT; default 8080)")
	Integer port;

	@Option(names = "--data-dir", paramLabel = "DIR",
			description = "where the embedded database and logs live (env RIGHTLY_DATA_DIR; default ./data)")
	String dataDir;

	@Option(names = "--demo",
			description = "create the demo organisation, brands, users and messages if missing (env RIGHTLY_DEMO=true)")
	boolean demo;

	@Option(names = "--bind", paramLabel = "ADDRESS",
			description = "address to listen on (env RIGHTLY_BIND; default all interfaces)")
	String bind;

	static boolean serving() {
		return serving;
	}

	@Override
	public Integer call() {
		List<String> args = new ArrayList<>();
		args.add("--rightly.mode=serve");
		if (port != null) {
			if (port < 0 || port > 65535) {
				throw new IllegalArgumentException("--port must be between 0 and 65535");
			}
			args.add("--server.port=" + port);
		}
		if (dataDir != null) {
			args.add("--rightly.data-dir=" + dataDir);
		}
		if (demo) {
			args.add("--rightly.demo=true");
		}
		if (bind != null) {
			args.add("--server.address=" + bind);
		}
		SpringApplication application = new SpringApplication(Rightly.class);
		application.run(args.toArray(new String[0]));
		serving = true;
		return 0;
	}

}
