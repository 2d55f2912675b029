package app.rightly.analysis;

import java.util.ArrayList;
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
				for (String phrase : topic.phrases()) {
					List<Token> p = Tokenizer.tokens(phrase);
					if (!p.isEmpty() && contains(tokens, p)) {
						evidence.add(phrase);
						score = Math.max(score, 0.9);
					}
				}
				if (score == 0) {
					Set<String> content = new HashSet<>();
					for (String phrase : concat(topic.name(), topic.phrases())) {
						for (Token t : Tokenizer.tokens(phrase)) {
							if (t.kind() == Token.Kind.WORD && t.norm().length() > 2
									&& !KeyPhrases.STOP.contains(t.norm())) {
								content.add(t.norm());
							}
						}
					}
					int hits = 0;
					for (String w : content) {
						if (words.contains(w)) {
							hits++;
							evidence.add(w);
						}
					}
					if (hits >= 2 || (hits == 1 && content.size() <= 2)) {
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
