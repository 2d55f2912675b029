package app.rightly.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;

import app.rightly.tenancy.ApiTokens;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code rightly token create}: a personal API token for an existing user, for scripts
 * and CI.
 */
@Command(name = "token", mixinStandardHelpOptions = true, description = "Manages personal API tokens.",
		subcommands = { TokenCommand.Create.class })
class TokenCommand implements Runnable {

	@picocli.CommandLine.Spec
	picocli.CommandLine.Model.CommandSpec spec;

	@Override
	public void run() {
		throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Name a sub-command, such as 'create'.");
	}

	@Command(name = "create", mixinStandardHelpOptions = true,
			description = { "Creates an API token for an existing user and prints it, alone, on standard output.",
					"Works whether or not a server is running on the data dir." })
	static class Create implements Callable<Integer> {

		@Option(names = "--email", required = true, paramLabel = "E", description = "the user's e-mail address")
		String email;

		@Option(names = "--name", paramLabel = "N", defaultValue = "command line",
				description = "a name to recognise the token by (default: ${DEFAULT-VALUE})")
		String name;

		@Option(names = "--expires-in-days", paramLabel = "D",
				description = "days until the token expires (default: never)")
		Integer expiresInDays;

		@Option(names = "--data-dir", paramLabel = "DIR",
				description = "data dir of the embedded database (env RIGHTLY_DATA_DIR; default ./data)")
		String dataDir;

		@Override
		public Integer call() {
			if (expiresInDays != null && expiresInDays <= 0) {
				throw new IllegalArgumentException("--expires-in-days must be a positive number of days");
			}
			Instant expires = expiresInDays == null ? null : Instant.now().plus(Duration.ofDays(expiresInDays));
			try (ConfigurableApplicationContext context = CommandContext.start(dataDir)) {
				ApiTokens.IssuedToken token = context.getBean(ApiTokens.class).createForEmail(email, name, expires);
				System.err.println("Created the API token \"" + token.name() + "\" for " + email
						+ (expires == null ? "" : ", valid until " + expires) + ". It is shown only this once:");
				System.out.println(token.secret());
				System.out.flush();
			}
			return 0;
		}

	}

}
