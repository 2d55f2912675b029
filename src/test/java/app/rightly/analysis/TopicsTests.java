package app.rightly.analysis;

import java.util.List;
import java.util.Map;

import app.rightly.analysis.BrandKnowledge.TopicDefinition;
import app.rightly.analysis.text.Tokenizer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A brand's topics are matched by their example phrases (whole words, any case, hashtags
 * too) or, more weakly, by the content words of their name and phrases; the phrases are
 * tokenised once, when the topic is loaded.
 */
class TopicsTests {

	private static final BrandKnowledge BRAND = new BrandKnowledge(Map.of(),
			List.of(new TopicDefinition("1", "promise", "Bags on the belt in 20 minutes",
					List.of("waiting for my bag", "#LostBag")),
					new TopicDefinition("2", "policy", "Rebooking fee", List.of("change fee"))));

	private static List<Analysis.Topic> topics(String text) {
		return Topics.match(Tokenizer.tokens(text), BRAND, null);
	}

	@Test
	void anExamplePhraseIsStrongEvidence() {
		assertThat(topics("Still WAITING for my bag at the carousel")).singleElement().satisfies(t -> {
			assertThat(t.name()).isEqualTo("Bags on the belt in 20 minutes");
			assertThat(t.score()).isEqualTo(0.9);
			assertThat(t.evidence()).containsExactly("waiting for my bag");
		});
		assertThat(topics("third flight this month #lostbag")).singleElement()
			.satisfies(t -> assertThat(t.evidence()).containsExactly("#LostBag"));
	}

	@Test
	void contentWordsAreWeakerEvidence() {
		assertThat(topics("why is there a rebooking fee now?")).singleElement().satisfies(t -> {
			assertThat(t.name()).isEqualTo("Rebooking fee");
			assertThat(t.score()).isLessThan(0.9);
		});
	}

	@Test
	void aMessageAboutNoneOfThemHasNoTopicAndScatteredWordsAreNoPhrase() {
		assertThat(topics("lovely crew, thanks")).isEmpty();
		// the phrase's words, not the phrase: only the weaker evidence
		assertThat(topics("my bag is waiting for me")).singleElement().satisfies(t -> {
			assertThat(t.score()).isLessThan(0.9);
			assertThat(t.evidence()).containsExactlyInAnyOrder("waiting", "bag");
		});
	}

}
