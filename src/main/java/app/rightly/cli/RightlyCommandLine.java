package app.rightly.cli;

import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code rightly <command> [options]}. Unknown commands or options print a clear error
 * and the usage to standard error and exit with status 2; a command that fails exits with
 * status 1 and a one-line reason.
 */
@Command(name = "rightly", mixinStandardHelpOptions = true, versionProvider = RightlyCommandLine.Version.class,
		description = "Rightly: social customer care and voice of the customer, self-hosted.",
		subcommands = { ServeCommand.class, ImportCommand.class, AnalyzeCommand.class, TrainCommand.class,
				EvalCommand.class, TokenCommand.class, ModelsCommand.class, CommandLine.HelpCommand.class },
		footer = { "", "Every option can also be set with the RIGHTLY_* environment variable named in its help.",
				"Run 'rightly <command> --help' for a command's options." })
public class RightlyCommandLine implements Runnable {

	@Spec
	CommandSpec spec;

	public static void main(String[] args) {
		CommandLine cli = commandLine();
		int status = cli.execute(args);
		if (!ServeCommand.serving()) {
			System.exit(status);
		}
	}

	static CommandLine commandLine() {
		CommandLine cli = new CommandLine(new RightlyCommandLine());
		cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
			PrintWriter err = commandLine.getErr();
			err.println("error: " + rootMessage(ex));
			err.flush();
			return 1;
		});
		return cli;
	}

	/**
	 * What went wrong, in words a user can act on: the message of the deepest validation
	 * error, or what a file problem means ("no such file", "not UTF-8 text") rather than
	 * the bare name of the exception.
	 */
	static String rootMessage(Throwable ex) {
		Throwable cause = ex;
		String message = ex.getMessage();
		for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (t instanceof NoSuchFileException missing) {
				return "no such file: " + missing.getFile();
			}
			if (t instanceof AccessDeniedException denied) {
				return "cannot read " + denied.getFile() + ": permission denied";
			}
			if (t instanceof CharacterCodingException) {
				return "the file is not UTF-8 text (" + t.getMessage() + "): save it as UTF-8 and try again";
			}
		}
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
			if (cause instanceof IllegalStateException || cause instanceof IllegalArgumentException) {
				message = cause.getMessage();
			}
		}
		return message == null ? ex.getClass().getSimpleName() : message;
	}

	@Override
	public void run() {
		throw new CommandLine.ParameterException(spec.commandLine(), "Name a command, such as 'serve'.");
	}

	static final class Version implements IVersionProvider {

		@Override
		public String[] getVersion() {
			String version = RightlyCommandLine.class.getPackage().getImplementationVersion();
			return new String[] { "Rightly " + (version == null ? "(development build)" : version) };
		}

	}

}
