package app.rightly.analysis.training;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * How well predictions match gold labels: the confusion matrix, precision, recall and F1
 * per class, accuracy and macro-F1 (the mean F1 over every label seen in gold or
 * predictions).
 */
public record Scores(List<String> labels, int[][] confusion, Map<String, double[]> perClass, double accuracy,
		double macroF1, int total) {

	public static Scores of(List<String> gold, List<String> predicted) {
		TreeSet<String> all = new TreeSet<>(gold);
		all.addAll(predicted);
		List<String> labels = new ArrayList<>(all);
		int k = labels.size();
		int[][] confusion = new int[k][k];
		int correct = 0;
		for (int i = 0; i < gold.size(); i++) {
			int g = labels.indexOf(gold.get(i));
			int p = labels.indexOf(predicted.get(i));
			confusion[g][p]++;
			correct += g == p ? 1 : 0;
		}
		Map<String, double[]> perClass = new LinkedHashMap<>();
		double sum = 0;
		for (int c = 0; c < k; c++) {
			int tp = confusion[c][c];
			int fp = 0;
			int fn = 0;
			for (int o = 0; o < k; o++) {
				if (o != c) {
					fp += confusion[o][c];
					fn += confusion[c][o];
				}
			}
			double precision = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
			double recall = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
			double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
			perClass.put(labels.get(c), new double[] { precision, recall, f1, tp + fn });
			sum += f1;
		}
		return new Scores(labels, confusion, perClass, gold.isEmpty() ? 0 : (double) correct / gold.size(),
				k == 0 ? 0 : sum / k, gold.size());
	}

	/**
	 * The report of {@code rightly eval}: the matrix, the table, then accuracy and, last,
	 * macro-F1.
	 */
	public String report() {
		StringBuilder out = new StringBuilder();
		int width = Math.max(10, labels.stream().mapToInt(String::length).max().orElse(10));
		if (labels.size() <= 12) {
			out.append("confusion matrix (rows: gold, columns: predicted)\n");
			out.append(String.format("%-" + width + "s", ""));
			for (String l : labels) {
				out.append(String.format(" %8s", l.length() > 8 ? l.substring(0, 8) : l));
			}
			out.append('\n');
			for (int g = 0; g < labels.size(); g++) {
				out.append(String.format("%-" + width + "s", labels.get(g)));
				for (int p = 0; p < labels.size(); p++) {
					out.append(String.format(" %8d", confusion[g][p]));
				}
				out.append('\n');
			}
			out.append('\n');
		}
		out.append(
				String.format("%-" + width + "s %9s %9s %9s %8s%n", "label", "precision", "recall", "f1", "support"));
		perClass.forEach((label, v) -> out
			.append(String.format("%-" + width + "s %9.3f %9.3f %9.3f %8d%n", label, v[0], v[1], v[2], (int) v[3])));
		out.append(String.format("%naccuracy: %.3f%n", accuracy));
		out.append(String.format("macro-F1: %.3f%n", macroF1));
		return out.toString();
	}

}
