package app.rightly.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import app.rightly.analysis.Analysis;
import app.rightly.analysis.training.LabelledFile;
import app.rightly.analysis.training.Predictions;
import app.rightly.analysis.training.Scores;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.json.JsonMapper;

/** {@code rightly eval}: how well the analysis reads a labelled file. */
@Command(name = "eval", mixinStandardHelpOptions = true, description = {
		"Scores the analysis against a labelled file (CSV with a header, or JSON Lines): the confusion matrix,",
		"precision, recall and F1 per label, 'accuracy: 0.xxx' and, as the last line, 'macro-F1: 0.xxx'.",
		"Tasks: sentiment, intent, emotion, topic, complaint (intent as complaint / other), toxicity (toxic / other),",
		"abuse (abusive / other: abuse of a person, what the inbox flags)." })
class EvalCommand implements Callable<Integer> {

	@Option(names = "--task", required = true,
			description = "sentiment, intent, emotion, topic, complaint, toxicity or abuse")
	String task;

	@Option(names = "--labels", required = true, paramLabel = "FILE", description = "the labelled file")
	Path labels;

	@Option(names = "--text-column", required = true, paramLabel = "C")
	String textColumn;

	@Option(names = "--label-column", required = true, paramLabel = "L")
	String labelColumn;

	@Option(names = "--brand", paramLabel = "SLUG",
			description = "use what this brand was taught (its models and topics)")
	String brand;

	@Option(names = "--label-map", paramLabel = "a=b,…", description = "rename gold labels, e.g. 1=complaint,0=other")
	String labelMap;

	@Option(names = "--where", paramLabel = "COL=VALUE", description = "only rows whose column has this value")
	String where;

	@Option(names = "--json", description = "print the scores as JSON instead of a table")
	boolean json;

	@Option(names = "--data-dir", paramLabel = "DIR",
			description = "data dir, for --brand (env RIGHTLY_DATA_DIR; default ./data)")
	String dataDir;

	@Override
	public Integer call() throws Exception {
		if (!Predictions.TASKS.contains(task)) {
			throw new IllegalArgumentException("--task must be one of " + Predictions.TASKS);
		}
		List<LabelledFile.Row> rows = LabelledRows.read(labels, textColumn, labelColumn, labelMap, where);
		List<String> gold = new ArrayList<>(rows.size());
		List<String> predicted = new ArrayList<>(rows.size());
		try (Analysing analysing = Analysing.open(brand, dataDir)) {
			ProgressLine progress = ProgressLine.onStandardError();
			for (LabelledFile.Row row : rows) {
				Analysis a = analysing.analyse(row.text());
				gold.add(row.label());
				predicted.add(Predictions.of(task, a));
				if (gold.size() % 1024 == 0 || gold.size() == rows.size()) {
					progress.count(gold.size(), rows.size(), "messages");
				}
			}
			progress.finish();
		}
		Scores scores = Scores.of(gold, predicted);
		if (json) {
			Map<String, Object> out = new LinkedHashMap<>();
			out.put("task", task);
			out.put("examples", scores.total());
			out.put("accuracy", scores.accuracy());
			out.put("macroF1", scores.macroF1());
			Map<String, Object> perClass = new LinkedHashMap<>();
			scores.perClass()
				.forEach((label, v) -> perClass.put(label,
						Map.of("precision", v[0], "recall", v[1], "f1", v[2], "support", (int) v[3])));
			out.put("perClass", perClass);
			out.put("labels", scores.labels());
			out.put("confusion", scores.confusion());
			System.out.println(JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(out));
			System.out.printf("macro-F1: %.3f%n", scores.macroF1());
		}
		else {
			System.out.print(scores.report());
		}
		return 0;
	}

}
