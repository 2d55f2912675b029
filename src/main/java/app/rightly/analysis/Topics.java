package app.rightly.analysis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import app.rightly.analysis.Analysis.Topic;
import app.rightly.analysis.BrandKnowledge.TopicDefinition;
import app.rightly.analysis.text.LinearModel;
import app.rightly.analysis.text.Token;
import app.rightly.analysis.text.Tokenizer;

/**
 * The brand's topics, promises and policies a message is about: an example phrase found
 * in it (whole words, any case) is strong evidence; the content words of the name and
 * phrases, weaker. A brand topic model, when trained, adds its label.
 */
final class Topics {

	private Topics() {
	}

	static List<Topic> match(List<Token> tokens, BrandKnowledge brand, float[] modelProbabilities) {
		List<Topic> out = new ArrayList<>();
		if (!brand.topics().isEmpty()) {
			Set<String> words = new HashSet<>();
			for (Token t : tokens) {
				words.add(t.kind() == Token.Kind.HASHTAG ? t.norm().substring(1) : t.norm());
			}
			for (TopicDefinition topic : brand.topics()) {
				List<String> evidence = new ArrayList<>();
				double score = 0;
				Compiled compiled = topic.compiled();
				for (int k = 0; k < topic.phrases().size(); k++) {
					List<Token> p = compiled.phrases().get(k);
					// a phrase whose first word the message lacks cannot be in it; the
					// words hold hashtags without '#', so a hashtag phrase is always
					// tried
					boolean possible = !p.isEmpty()
							&& (p.get(0).kind() == Token.Kind.HASHTAG || words.contains(p.get(0).norm()));
					if (possible && contains(tokens, p)) {
						evidence.add(topic.phrases().get(k));
						score = Math.max(score, 0.9);
					}
				}
				if (score == 0) {
					int hits = 0;
					for (String w : compiled.content()) {
						if (words.contains(w)) {
							hits++;
							evidence.add(w);
						}
					}
					if (hits >= 2 || (hits == 1 && compiled.content().size() <= 2)) {
						score = Math.min(0.8, 0.35 + 0.15 * hits);
					}
				}
				if (score > 0) {
					out.add(new Topic(topic.kind(), topic.id(), topic.name(), score, evidence));
				}
			}
		}
		LinearModel model = brand.model("topic");
		if (model != null && modelProbabilities != null) {
			float[] p = modelProbabilities;
			int best = 0;
			for (int i = 1; i < p.length; i++) {
				best = p[i] > p[best] ? i : best;
			}
			out.add(new Topic("model", null, model.labels().get(best), Math.round(p[best] * 1000) / 1000.0, List.of()));
		}
		return out;
	}

	/**
	 * A topic made ready for matching: each example phrase as tokens (in the order of the
	 * phrases), and the content words of its phrases and name.
	 */
	public record Compiled(List<List<Token>> phrases, Set<String> content) {
	}

	static Compiled compile(String name, List<String> phrases) {
		List<List<Token>> tokens = new ArrayList<>();
		for (String phrase : phrases) {
			tokens.add(List.copyOf(Tokenizer.tokens(phrase)));
		}
		Set<String> content = new HashSet<>();
		for (String phrase : concat(name, phrases)) {
			for (Token t : Tokenizer.tokens(phrase)) {
				if (t.kind() == Token.Kind.WORD && t.norm().length() > 2 && !KeyPhrases.STOP.contains(t.norm())) {
					content.add(t.norm());
				}
			}
		}
		// a HashSet filled in this order, as before: the evidence lists its words so
		return new Compiled(List.copyOf(tokens), Collections.unmodifiableSet(content));
	}

	private static List<String> concat(String name, List<String> phrases) {
		List<String> all = new ArrayList<>(phrases);
		all.add(name);
		return all;
	}

	private static boolean contains(List<Token> text, List<Token> phrase) {
		outer: for (int i = 0; i + phrase.size() <= text.size(); i++) {
			for (int j = 0; j < phrase.size(); j++) {
				if (!text.get(i + j).norm().equals(phrase.get(j).norm())) {
					continue outer;
				}
			}
			return true;
		}
		return false;
	}

}
