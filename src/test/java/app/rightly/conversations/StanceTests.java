package app.rightly.conversations;

import app.rightly.analysis.Analysis;
import app.rightly.analysis.AnalysisRequest;
import app.rightly.analysis.CustomerCareAnalyser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The suggested stance, by rule, from the latest customer message's analysis. */
class StanceTests {

	static final CustomerCareAnalyser ANALYSER = new CustomerCareAnalyser();

	static ConversationWork.Stance stance(String text) {
		Analysis a = ANALYSER.analyse(new AnalysisRequest(null, text, null));
		return ConversationWork.stance(a);
	}

	@Test
	void abuseOfThePersonAskedForABoundary() {
		ConversationWork.Stance s = stance("@SkyAir you stupid idiots");
		assertThat(s.stance()).isEqualTo("set_boundary");
		assertThat(s.evidence()).isNotEmpty();
	}

	@Test
	void aToxicReadingWithNoOneAbusedIsAnsweredForWhatItIs() {
		// the offensive-language model reads these at or above its threshold; an agent
		// should not be told to set a boundary with a customer asking for news
		assertThat(stance("@SkyAir any luck?").stance()).isEqualTo("answer");
		assertThat(stance("@SkyAir flight just cancelled. This is ridiculous").stance()).isEqualTo("make_it_right");
		assertThat(stance("@SkyAir thank you so much, the crew was wonderful!").stance())
			.isEqualTo("thank_and_amplify");
	}

}
