package app.rightly.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import app.rightly.analysis.BrandModels;
import app.rightly.analysis.training.LabelledFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code rightly train}: teaches a brand's model from labelled examples. */
@Command(name = "train", mixinStandardHelpOptions = true, description = {
		"Trains a brand model from labelled examples (CSV with a header, or JSON Lines) and stores it with the brand;",
		"from then on the brand's messages are read with it. The brand's earlier examples from files for the task",
		"are replaced; agents' corrections are kept and count too. Deterministic for the same data.",
		"Tasks: sentiment (labels negative/neutral/positive), intent, emotion, topic (any labels of the brand's own)." })
class TrainCommand implements Callable<Integer> {

	@Option(names = "--brand", required = true, paramLabel = "SLUG")
	String brand;

	@Option(names = "--task", required = true, description = "sentiment, intent, emotion or topic")
	String task;

	@Option(names = "--labels", required = true, paramLabel = "FILE")
	Path labels;

	@Option(names = "--text-column", required = true, paramLabel = "C")
	String textColumn;

	@Option(names = "--label-column", required = true, paramLabel = "L")
	String labelColumn;

	@Option(names = "--label-map", paramLabel = "a=b,…", description = "rename labels; 'a=' drops the rows labelled a")
	String labelMap;

	@Option(names = "--where", paramLabel = "COL=VALUE", description = "only rows whose column has this value")
	String where;

	@Option(names = "--data-dir", paramLabel = "DIR", description = "data dir (env RIGHTLY_DATA_DIR; default ./data)")
	String dataDir;

	@Override
	public Integer call() throws Exception {
		List<LabelledFile.Row> rows = LabelledRows.read(labels, textColumn, labelColumn, labelMap, where);
		try (Analysing analysing = Analysing.open(brand, dataDir)) {
			BrandModels models = analysing.context().getBean(BrandModels.class);
			BrandModels.Training training = models.trainFromFile(analysing.brand().tenant(), task,
					rows.stream().map(r -> new BrandModels.Example(r.text(), r.label())).toList());
			System.err.printf(
					"Trained the %s model of %s on %,d examples (%d from corrections), %d labels, in %.1f s%n",
					training.task(), analysing.brand().name(), training.examples(), training.corrections(),
					training.labels().size(), training.seconds());
			System.out.println(training.labels().size() + " labels: " + String.join(", ", training.labels()));
		}
		return 0;
	}

}
