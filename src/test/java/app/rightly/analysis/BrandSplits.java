package app.rightly.analysis;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

import app.rightly.analysis.text.LinearModel;
import app.rightly.analysis.training.LabelledFile;
import app.rightly.analysis.training.Predictions;
import app.rightly.analysis.training.Scores;

/**
 * A development tool, not a test: how well a brand model learns a labelled file, as the
 * mean macro-F1 over several random splits (train on a share, by default half, score the
 * rest), so a change to the brand models is judged on more than one split.
 * {@code java -cp target/test-classes:target/classes:CP app.rightly.analysis.BrandSplits FILE TASK [SPLITS [SHARE]]}
 * (FILE: CSV with text and label columns).
 */
public final class BrandSplits {

	private BrandSplits() {
	}

	public static void main(String[] args) throws Exception {
		Path file = Path.of(args[0]);
		String task = args[1];
		int splits = args.length > 2 ? Integer.parseInt(args[2]) : 6;
		double share = args.length > 3 ? Double.parseDouble(args[3]) : 0.5;
		List<LabelledFile.Row> rows = LabelledFile.read(file, "text", "label", null, null);
		CustomerCareAnalyser analyser = new CustomerCareAnalyser();
		List<LinearModel.Example> all = new ArrayList<>();
		for (LabelledFile.Row r : rows) {
			all.add(new LinearModel.Example(analyser.brandFeatures(r.text()), r.label(), 1));
		}
		double sum = 0;
		StringBuilder each = new StringBuilder();
		for (int seed = 1; seed <= splits; seed++) {
			List<Integer> order = new ArrayList<>();
			for (int i = 0; i < rows.size(); i++) {
				order.add(i);
			}
			Collections.shuffle(order, new Random(seed));
			int cut = (int) Math.round(rows.size() * share);
			List<Integer> train = order.subList(0, cut);
			List<Integer> test = order.subList(cut, rows.size());
			List<LinearModel.Example> examples = new ArrayList<>();
			TreeSet<String> labels = new TreeSet<>();
			// in the order a brand's training sees them (BrandModels.train: by text, then
			// label), whatever the split's shuffle
			train.stream()
				.sorted(java.util.Comparator.comparing((Integer i) -> rows.get(i).text())
					.thenComparing(i -> rows.get(i).label()))
				.forEach(i -> {
					examples.add(all.get(i));
					labels.add(rows.get(i).label());
				});
			LinearModel model = BrandTraining.train(task, examples, new ArrayList<>(labels), analyser::brandFeatures);
			BrandKnowledge brand = new BrandKnowledge(Map.of(task, model), List.of());
			List<String> gold = new ArrayList<>();
			List<String> predicted = new ArrayList<>();
			for (int i : test) {
				gold.add(rows.get(i).label());
				predicted.add(Predictions.of(task,
						analyser.analyse(new AnalysisRequest(null, rows.get(i).text(), null, brand))));
			}
			double f = Scores.of(gold, predicted).macroF1();
			sum += f;
			each.append(String.format(" %.3f", f));
		}
		System.out.printf("%s %s: mean macro-F1 %.4f over %d splits training on %.0f%%:%s%n", file.getFileName(), task,
				sum / splits, splits, share * 100, each);
	}

}
