package app.rightly.analysis.text;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The fused, quantised, packed table gives each shipped model's own probabilities, up to
 * the rounding of its weights to bytes, however long the message and however often a word
 * is repeated (the packed lanes are emptied before they can overflow).
 */
class BaseModelsTests {

	private static final BaseModels FUSED = BaseModels.load();

	@Test
	void readsAsEachModelDoesAlone() throws IOException {
		List<String> messages = new ArrayList<>(
				List.of("my bag never arrived, can you help?", "Thanks for nothing @airline!!! 😡", "love the new app",
						"you idiots lost my luggage AGAIN", "What's the daily withdrawal limit?"));
		// 600 different words: the lanes are emptied twice on the way
		StringBuilder many = new StringBuilder();
		for (int i = 0; i < 600; i++) {
			many.append("word").append(i).append(i % 7 == 0 ? " delayed " : " ");
		}
		messages.add(many.toString());
		// one word 300 times (its count alone is more than a lane holds) among others
		messages.add("terrible ".repeat(300) + "service, still waiting for a refund");
		messages.add("great ".repeat(257) + "!");
		for (int m = 0; m < BaseModels.NAMES.length; m++) {
			LinearModel alone = read(BaseModels.NAMES[m]);
			for (String text : messages) {
				FeatureVector v = FeatureHasher.vector(Tokenizer.tokens(text), null);
				String what = BaseModels.NAMES[m] + " on " + text.substring(0, Math.min(40, text.length()));
				float[] fused = FUSED.probabilities(v)[m];
				float[] own = alone.probabilities(v);
				assertThat(fused).as(what).hasSameSizeAs(own);
				for (int j = 0; j < own.length; j++) {
					assertThat(fused[j]).as(what).isCloseTo(own[j], within(0.02f));
				}
			}
		}
	}

	private static LinearModel read(String name) throws IOException {
		try (InputStream in = BaseModels.class.getResourceAsStream("/models/" + name + ".model.gz")) {
			return LinearModel.read(in);
		}
	}

}
