package app.rightly.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import app.rightly.analysis.text.FeatureVector;
import app.rightly.analysis.text.LinearModel;
import app.rightly.analysis.text.LinearModel.Loss;
import app.rightly.analysis.text.LinearModel.Settings;

/**
 * How a brand model is fitted, per task. Every brand model sees the message's words and
 * the shipped reading of it (sentiment, cues, valence, irony, toxicity, complaint,
 * emotions; a topic model gives it no weight) and the aspects it touches (a sentiment
 * model gives them none), so a few hundred examples teach the brand's language on top of
 * what Rightly already knows. The settings were chosen by cross-validation on the
 * development splits (docs/models.md).
 */
final class BrandTraining {

	private BrandTraining() {
	}

	static LinearModel train(String task, List<LinearModel.Example> examples, List<String> labels,
			Function<String, FeatureVector> features) {
		if (task.equals("topic")) {
			examples = withNames(examples, labels, features);
		}
		LinearModel model = LinearModel.train(examples, labels, CustomerCareAnalyser.DENSE_FEATURES, settings(task));
		boolean macro = task.equals("sentiment");
		if (!macro || examples.size() < 10 * FOLDS) {
			return model;
		}
		List<LinearModel> folds = new ArrayList<>();
		float[] shift = balance(task, examples, labels, folds);
		// the models of the cross-validation's folds are averaged in: bagging for free
		List<LinearModel> all = new ArrayList<>(folds);
		all.add(0, model);
		float[] share = new float[all.size()];
		Arrays.fill(share, (1 - OWN_SHARE) / folds.size());
		share[0] = OWN_SHARE;
		return LinearModel.mean(all, share).shifted(shift);
	}

	static final int FOLDS = 5;

	/**
	 * The weight of the model fitted on all the examples beside those of its five folds
	 * (each fitted on four fifths, for the bias shifts), which share the rest: averaging
	 * them steadies the words a few examples taught. A hundred random 80% splits of the
	 * airline tweets 0.7801 → 0.7805 (all to the folds: 0.7805), forty halvings 0.7693 →
	 * 0.7698.
	 */
	static final float OWN_SHARE = 0.5f;

	/**
	 * How many examples a topic's own name counts as. A brand names its topics for what
	 * they are about ("Damaged Luggage", "billing_error"), and the name is the only
	 * example a rare topic has much of: with it, twenty halvings of the airline complaint
	 * reasons 0.5579 → 0.5621 (3 copies 0.5595, 20 0.5617, 40 0.5616); it does not help
	 * intents (BANKING77 accuracy 0.911 → 0.908 at 3), whose names are codes more than
	 * words.
	 */
	static final int NAME_COPIES = 10;

	/** The examples and, for each label named in words, its name as an example of it. */
	static List<LinearModel.Example> withNames(List<LinearModel.Example> examples, List<String> labels,
			Function<String, FeatureVector> features) {
		List<LinearModel.Example> all = new ArrayList<>(examples);
		for (String label : labels) {
			String words = label.replaceAll("([a-z])([A-Z])", "$1 $2").replace('_', ' ').replace('-', ' ');
			if (words.chars().anyMatch(Character::isLetter)) {
				all.add(new LinearModel.Example(features.apply(words), label, NAME_COPIES));
			}
		}
		return all;
	}

	/**
	 * Shifts of the class biases that give the best macro-F1 on predictions made without
	 * seeing each example (5-fold cross-validation on the training examples themselves):
	 * a linear model fitted for likelihood under-predicts the smaller classes, which
	 * macro-F1 weighs as much as the large ones. The folds' models are added to
	 * {@code folds}.
	 */
	static float[] balance(String task, List<LinearModel.Example> examples, List<String> labels,
			List<LinearModel> folds) {
		int k = labels.size();
		int n = examples.size();
		float[][] scores = new float[n][];
		for (int fold = 0; fold < FOLDS; fold++) {
			List<LinearModel.Example> train = new ArrayList<>();
			for (int i = 0; i < n; i++) {
				if (i % FOLDS != fold) {
					train.add(examples.get(i));
				}
			}
			LinearModel m = LinearModel.train(train, labels, CustomerCareAnalyser.DENSE_FEATURES, settings(task));
			folds.add(m);
			for (int i = fold; i < n; i += FOLDS) {
				scores[i] = m.scores(examples.get(i).vector());
			}
		}
		int[] gold = new int[n];
		for (int i = 0; i < n; i++) {
			gold[i] = labels.indexOf(examples.get(i).label());
		}
		float[] shift = new float[k];
		double best = macroF1(scores, gold, shift, k);
		for (int round = 0; round < 2; round++) {
			for (int c = 0; c < k; c++) {
				float keep = shift[c];
				float chosen = keep;
				for (float d = -1.5f; d <= 1.5f; d += 0.1f) {
					shift[c] = d;
					double f = macroF1(scores, gold, shift, k);
					if (f > best + 1e-9) {
						best = f;
						chosen = d;
					}
				}
				shift[c] = chosen;
			}
		}
		return shift;
	}

	private static double macroF1(float[][] scores, int[] gold, float[] shift, int k) {
		int[] tp = new int[k];
		int[] predicted = new int[k];
		int[] actual = new int[k];
		for (int i = 0; i < scores.length; i++) {
			int best = 0;
			for (int c = 1; c < k; c++) {
				if (scores[i][c] + shift[c] > scores[i][best] + shift[best]) {
					best = c;
				}
			}
			predicted[best]++;
			if (gold[i] >= 0) {
				actual[gold[i]]++;
				tp[best] += best == gold[i] ? 1 : 0;
			}
		}
		double sum = 0;
		int classes = 0;
		for (int c = 0; c < k; c++) {
			if (actual[c] == 0) {
				continue;
			}
			double p = predicted[c] == 0 ? 0 : tp[c] / (double) predicted[c];
			double r = tp[c] / (double) actual[c];
			sum += p + r == 0 ? 0 : 2 * p * r / (p + r);
			classes++;
		}
		return classes == 0 ? 0 : sum / classes;
	}

	static Settings settings(String task) {
		return switch (task) {
			// a brand's reasons and topics: rare labels matter as much as frequent ones,
			// and the aspects carry them when examples are few; what a message is about
			// is not how it feels, so the reading of its tone gets no weight (it only
			// added noise: twenty halvings of the airline reasons 0.549 → 0.558)
			case "topic" -> new Settings(Loss.LOGISTIC, 2, true, scales(0, 12, 0), 1, 0);
			case "emotion" -> new Settings(Loss.LOGISTIC, 2, true, scales(0.3f, 3, 0), 1, 0);
			// intents can be many (77 for a bank): a linear SVM learns them fast; its
			// margins, sharpened, give the probabilities
			case "intent" -> new Settings(Loss.HINGE, 1, false, scales(0.3f, 1, 0), 4, 0);
			// sentiment: the words that tell a brand's classes apart are regularised less
			// (naive-Bayes evidence), and a little less regularisation overall; how a
			// message feels is not what it is about, so the aspects get no weight
			// (twenty halvings of the airline tweets 0.7587 → 0.7610); the reading's
			// log-probabilities beside its probabilities (a hundred random 80% splits of
			// the airline tweets 0.7747 → 0.7772, scales 0.1 / 0.6 / 1: 0.7781 / 0.7774 /
			// 0.7780 over forty)
			default -> new Settings(Loss.LOGISTIC, 4, false, scales(1, 0, 0.3f), 1, 0.5f);
		};
	}

	/**
	 * Scales for the reading, for the aspects and for the reading's sentiment as
	 * log-probabilities.
	 */
	private static float[] scales(float reading, float aspects, float logs) {
		float[] scale = new float[CustomerCareAnalyser.DENSE_FEATURES];
		Arrays.fill(scale, 0, CustomerCareAnalyser.READING, reading);
		Arrays.fill(scale, CustomerCareAnalyser.READING, CustomerCareAnalyser.ASPECTS_END, aspects);
		Arrays.fill(scale, CustomerCareAnalyser.ASPECTS_END, scale.length, logs);
		return scale;
	}

}
