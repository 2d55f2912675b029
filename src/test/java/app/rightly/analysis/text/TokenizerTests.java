package app.rightly.analysis.text;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the tokeniser makes of social text, and the forms the lexicons look words up by.
 */
class TokenizerTests {

	private static List<String> norms(String text) {
		return Tokenizer.tokens(text).stream().map(Token::norm).toList();
	}

	@Test
	void wordsAreLowerCasedWithPlainApostrophesAndShortRuns() {
		assertThat(norms("I DON’T like it soooo much, Noooo")).containsExactly("i", "don't", "like", "it", "soo",
				"much", ",", "noo");
		assertThat(norms("Café naïve STRASSE")).containsExactly("café", "naïve", "strasse");
	}

	@Test
	void aWordAlreadyInItsFormIsKeptAsWritten() {
		Token t = Tokenizer.tokens("waiting").get(0);
		assertThat(t.norm()).isSameAs(t.raw());
		assertThat(norms("aab aaab")).containsExactly("aab", "aab");
	}

	@Test
	void socialTextKeepsItsKinds() {
		List<Token> tokens = Tokenizer.tokens("@united #WorstAirline https://t.co/x www.a.org 3:30 :( 👍🏽 when?");
		assertThat(tokens).extracting(Token::kind)
			.containsExactly(Token.Kind.MENTION, Token.Kind.HASHTAG, Token.Kind.URL, Token.Kind.URL, Token.Kind.NUMBER,
					Token.Kind.EMOJI, Token.Kind.EMOJI, Token.Kind.WORD, Token.Kind.PUNCT);
		assertThat(tokens).extracting(Token::norm)
			.containsExactly("<user>", "#worstairline", "<url>", "<url>", "<num>", ":(", "👍", "when", "?");
		assertThat(norms("http x whatever")).containsExactly("http", "x", "whatever");
	}

}
