package app.rightly.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import app.rightly.analysis.training.BaseModelBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code rightly models build}: trains the models Rightly ships, from permissively
 * licensed data.
 */
@Command(name = "models", mixinStandardHelpOptions = true, description = "Builds the models Rightly ships.",
		subcommands = { ModelsCommand.Build.class })
class ModelsCommand implements Runnable {

	@picocli.CommandLine.Spec
	picocli.CommandLine.Model.CommandSpec spec;

	@Override
	public void run() {
		throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Name a sub-command, such as 'build'.");
	}

	@Command(name = "build", mixinStandardHelpOptions = true, description = {
			"Trains the shipped sentiment, toxicity, emotion and irony models from GoEmotions, TweetEval, VADER's",
			"ground truth and BANKING77 (permissive licences; see docs/models.md). Deterministic." })
	static class Build implements Callable<Integer> {

		@Option(names = "--data", required = true, paramLabel = "DIR",
				description = "folder holding goemotions/, tweeteval/, vader-groundtruth/, banking77/")
		Path data;

		@Option(names = "--out", paramLabel = "DIR", defaultValue = "src/main/resources/models",
				description = "where the model files go (default: ${DEFAULT-VALUE})")
		Path out;

		@Override
		public Integer call() throws Exception {
			BaseModelBuilder.build(data, out, System.err::println);
			return 0;
		}

	}

}
