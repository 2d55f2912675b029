package app.rightly.cli;

import java.util.ArrayList;
import java.util.List;

import app.rightly.Rightly;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application without its web server, for a command: it uses the database of a server
 * already running on the same data dir, or starts the embedded one for the command's
 * duration. Logs go to standard error, so standard output carries only the command's
 * result.
 */
final class CommandContext {

	private CommandContext() {
	}

	static ConfigurableApplicationContext start(String dataDir, String... extra) {
		List<String> args = new ArrayList<>(List.of("--rightly.mode=cli", "--rightly.attach-to-running=true",
				"--rightly.log.target=System.err", "--logging.level.root=WARN", "--spring.main.banner-mode=off",
				"--spring.main.log-startup-info=false"));
		if (dataDir != null) {
			args.add("--rightly.data-dir=" + dataDir);
		}
		args.addAll(List.of(extra));
		return new SpringApplicationBuilder(Rightly.class).web(WebApplicationType.NONE)
			.registerShutdownHook(true)
			.run(args.toArray(new String[0]));
	}

}
