package app.rightly.analysis;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** Analysers are plugins chosen by id. */
class AnalyserChoiceTests {

	record Fixed(String id) implements Analyser {

		@Override
		public Analysis analyse(AnalysisRequest request) {
			return null;
		}

	}

	@Test
	void theConfiguredAnalyserIsChosenByItsId() {
		List<Analyser> analysers = List.of(new Fixed("rightly-care-1"), new Fixed("onnx-roberta"));
		assertThat(TextAnalysis.choose(analysers, "onnx-roberta").id()).isEqualTo("onnx-roberta");
		assertThatIllegalStateException().isThrownBy(() -> TextAnalysis.choose(analysers, "gpt"))
			.withMessageContaining("rightly-care-1, onnx-roberta");
	}

}
