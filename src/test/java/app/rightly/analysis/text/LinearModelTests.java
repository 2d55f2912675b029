package app.rightly.analysis.text;

import java.util.ArrayList;
import java.util.List;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Training with naive-Bayes evidence: the scales, and that scoring uses them. */
class LinearModelTests {

	private static final int TELLING = 7;

	private static final int SHARED = 8;

	private static final int OTHER = 9;

	/**
	 * Feature {@code TELLING} in every "yes", {@code OTHER} in every "no", SHARED in all.
	 */
	private static List<LinearModel.Example> examples() {
		List<LinearModel.Example> out = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			boolean yes = i % 2 == 0;
			int word = 100 + i; // a word of its own in each example
			int[] idx = yes ? new int[] { TELLING, SHARED, word } : new int[] { OTHER, SHARED, word };
			out.add(new LinearModel.Example(new FeatureVector(idx, new float[] { 0.6f, 0.6f, 0.5f }, new float[0]),
					yes ? "yes" : "no", 1));
		}
		return out;
	}

	private static Feature[] row(LinearModel.Example e) {
		FeatureVector v = e.vector();
		Feature[] f = new Feature[v.indices().length];
		for (int i = 0; i < f.length; i++) {
			f[i] = new FeatureNode(v.indices()[i] + 1, v.values()[i]);
		}
		java.util.Arrays.sort(f, java.util.Comparator.comparingInt(Feature::getIndex));
		return f;
	}

	@Test
	void featuresThatTellTheClassApartAreScaledUpAndSharedOnesDown() {
		List<LinearModel.Example> examples = examples();
		Feature[][] x = examples.stream().map(LinearModelTests::row).toArray(Feature[][]::new);
		boolean[] positive = new boolean[x.length];
		for (int i = 0; i < x.length; i++) {
			positive[i] = examples.get(i).label().equals("yes");
		}
		float[] scale = LinearModel.evidenceScales(x, positive, 0.5f);
		assertThat(scale[TELLING]).isGreaterThan(1.5f);
		assertThat(scale[OTHER]).isGreaterThan(1.5f);
		assertThat(scale[SHARED]).isBetween(0.5f, 0.55f);
		float[] none = LinearModel.evidenceScales(x, positive, 0f);
		assertThat(none[TELLING]).isEqualTo(1f);
	}

	@Test
	void theEvidenceIsFoldedIntoTheWeightsSoUnscaledMessagesScoreAsTrained() {
		LinearModel plain = LinearModel.train(examples(), List.of("no", "yes"), 0,
				new LinearModel.Settings(LinearModel.Loss.LOGISTIC, 1, false, null, 1, 0));
		LinearModel weighted = LinearModel.train(examples(), List.of("no", "yes"), 0,
				new LinearModel.Settings(LinearModel.Loss.LOGISTIC, 1, false, null, 1, 1));
		FeatureVector telling = new FeatureVector(new int[] { TELLING, SHARED }, new float[] { 0.7f, 0.7f },
				new float[0]);
		// both call it "yes"; the weighted model, which regularises the telling feature
		// less, more surely
		assertThat(plain.probabilities(telling)[1]).isGreaterThan(0.5f);
		assertThat(weighted.probabilities(telling)[1]).isGreaterThan(plain.probabilities(telling)[1]);
		// the shared feature, scaled down in training, still weighs (almost) nothing
		assertThat(Math.abs(weighted.weight(SHARED, 1))).isLessThan(Math.abs(weighted.weight(TELLING, 1)) / 4);
	}

	@Test
	void aMeanOfModelsScoresAsTheirScoresWeighed() {
		LinearModel plain = LinearModel.train(examples(), List.of("no", "yes"), 0,
				new LinearModel.Settings(LinearModel.Loss.LOGISTIC, 1, false, null, 1, 0));
		LinearModel weighted = LinearModel.train(examples(), List.of("no", "yes"), 0,
				new LinearModel.Settings(LinearModel.Loss.LOGISTIC, 1, false, null, 1, 1));
		LinearModel mean = LinearModel.mean(List.of(plain, weighted), new float[] { 0.25f, 0.75f });
		FeatureVector telling = new FeatureVector(new int[] { TELLING, SHARED, 150 }, new float[] { 0.7f, 0.7f, 0.3f },
				new float[0]);
		for (int c = 0; c < 2; c++) {
			float expected = 0.25f * plain.scores(telling)[c] + 0.75f * weighted.scores(telling)[c];
			assertThat(mean.scores(telling)[c]).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-4f));
		}
		assertThat(mean.labels()).isEqualTo(plain.labels());
	}

}
