package app.rightly.analysis;

import java.util.Arrays;
import java.util.List;

import app.rightly.analysis.text.LinearModel;
import app.rightly.analysis.text.LinearModel.Loss;
import app.rightly.analysis.text.LinearModel.Settings;

/**
 * How a brand model is fitted, per task. Every brand model sees the message's words and
 * the shipped reading of it (sentiment, cues, valence, irony, toxicity, complaint,
 * emotions) and the aspects it touches, so a few hundred examples teach the brand's
 * language on top of what Rightly already knows. The settings were chosen by
 * cross-validation on the development splits (docs/models.md).
 */
final class BrandTraining {

	private BrandTraining() {
	}

	static LinearModel train(String task, List<LinearModel.Example> examples, List<String> labels) {
		return LinearModel.train(examples, labels, CustomerCareAnalyser.DENSE_FEATURES, settings(task));
	}

	static Settings settings(String task) {
		return switch (task) {
			// a brand's reasons and topics: rare labels matter as much as frequent ones,
			// and the aspects carry them when examples are few
			case "topic", "emotion" -> new Settings(Loss.LOGISTIC, 2, true, scales(0.3f, 3), 1);
			// intents can be many (77 for a bank): a linear SVM learns them fast; its
			// margins, sharpened, give the probabilities
			case "intent" -> new Settings(Loss.HINGE, 1, false, scales(0.3f, 1), 4);
			default -> new Settings(Loss.LOGISTIC, 3, false, scales(1, 3), 1);
		};
	}

	/** Scales for the reading and for the aspects. */
	private static float[] scales(float reading, float aspects) {
		float[] scale = new float[CustomerCareAnalyser.DENSE_FEATURES];
		Arrays.fill(scale, 0, CustomerCareAnalyser.READING, reading);
		Arrays.fill(scale, CustomerCareAnalyser.READING, scale.length, aspects);
		return scale;
	}

}
