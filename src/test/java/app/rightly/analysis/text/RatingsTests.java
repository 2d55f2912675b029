package app.rightly.analysis.text;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Ratings in a message: high ones praise, low ones a failure, dates and classes none. */
class RatingsTests {

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = '|', textBlock = """
			5 stars. great                 | praise  | 5 stars
			rated them 4/5                 | praise  | 4/5
			10/10 would fly again          | praise  | 10/10
			five stars from me             | praise  | five stars
			⭐⭐⭐⭐⭐ best shop             | praise  | ⭐⭐⭐⭐⭐
			4 stars out of 5               | praise  | 4 stars out of 5
			1 star, avoid                  | failure | 1 star
			2 out of 5                     | failure | 2 out of 5
			zero stars if I could          | failure | zero stars
			3/5, it was ok                 | none    |
			you're a star ⭐               | none    |
			booked a 5 star hotel          | none    |
			see you on 10/10               | none    |
			7 out of 10                    | none    |
			★★★★☆ would stay again         | praise  | ★★★★☆
			⭐️⭐️⭐️⭐️⭐️ love it            | praise  | ⭐️⭐️⭐️⭐️⭐️
			you're both stars ⭐⭐          | none    |
			ordered 5/5, still waiting     | none    |
			order 10/10/2024 never arrived | none    |
			9/10 times it crashes          | none    |
			4 out of 5 of my deliveries    | none    |
			a rating of 4 / 5 from me      | praise  | 4 / 5
			""")
	void readsTheRating(String text, String category, String words) {
		// through the look at the text that spares most messages the tokens, as the
		// analysis calls it
		List<Cue> cues = Ratings.of(text, Tokenizer.tokens(text));
		if (category.equals("none")) {
			assertThat(cues).isEmpty();
			return;
		}
		assertThat(cues).singleElement().satisfies(c -> {
			assertThat(c.category()).isEqualTo(category);
			assertThat(text.substring(c.start(), c.end())).isEqualTo(words);
			assertThat(c.weight()).isEqualTo(category.equals("praise") ? Ratings.WEIGHT : -Ratings.WEIGHT);
		});
	}

}
