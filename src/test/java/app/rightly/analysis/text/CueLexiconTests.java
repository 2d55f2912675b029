package app.rightly.analysis.text;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CueLexiconTests {

	@Test
	void theShippedLexiconHoldsEachPhraseOncePerCategory() {
		Set<String> seen = new HashSet<>();
		List<String> twice = new ArrayList<>();
		CueLexicon.lines("/analysis/cues.tsv", (line, number) -> {
			String[] parts = line.split("\t");
			if (!seen.add(parts[1] + "\t" + parts[2])) {
				twice.add(number + ": " + line);
			}
		});
		assertThat(twice).isEmpty();
	}

	@Test
	void aPhraseIsFoundByItsFirstAndSecondWordAndTheLongestWins() {
		Map<String, List<String>> phrases = new LinkedHashMap<>();
		phrases.put("failure", List.of("still", "still waiting", "still waiting for my refund", "waiting"));
		phrases.put("repeat", List.of("still"));
		CueLexicon lexicon = CueLexicon.of(phrases);
		List<Cue> cues = lexicon.match(Tokenizer.tokens("I am still waiting for my refund, still"));
		assertThat(cues).extracting(Cue::phrase)
			.containsExactly("still waiting for my refund", "still", "still", "still");
		assertThat(cues).extracting(Cue::category).containsExactly("failure", "repeat", "failure", "repeat");
	}

}
