package app.rightly.analysis.text;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WordMapTests {

	@Test
	void findsEveryWordAndNothingElse() {
		Map<String, Integer> words = new HashMap<>();
		for (int i = 0; i < 5000; i++) {
			words.put("w" + i, i);
		}
		// the same hash, different words: "Aa" and "BB"
		words.put("Aa", -1);
		words.put("BB", -2);
		WordMap<Integer> map = WordMap.of(words);
		words.forEach((w, v) -> assertThat(map.get(new String(w))).isEqualTo(v));
		assertThat(map.get("w5000")).isNull();
		assertThat(map.get("")).isNull();
		assertThat(WordMap.of(Map.of()).get("any")).isNull();
	}

}
