package app.rightly.analysis;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What Rightly understood of one message. Stored with the message as JSON; readers must
 * tolerate fields they do not know, as the analysis grows.
 *
 * @param analyser the id of the analyser (and brand model) that produced it
 * @param language the language found: {@code en}, another ISO code, or {@code und}
 * @param analysed false when the text is not in a language the analysers read; the labels
 * are then neutral defaults, not guesses
 * @param sentiment how the message feels
 * @param emotions the emotions found, strongest first
 * @param intent what the customer wants
 * @param urgency how soon it needs an answer, and why
 * @param toxicity how abusive it is, and where
 * @param sarcasm whether it says the opposite of what its words say
 * @param topics the brand's topics, promises and policies it is about
 * @param keyPhrases phrases that carry what the message is about
 * @param risk the score that orders the inbox, with its parts
 * @param evidence why: the words and rules behind the labels
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Analysis(String analyser, String language, boolean analysed, Sentiment sentiment, List<Emotion> emotions,
		Intent intent, Urgency urgency, Toxicity toxicity, boolean sarcasm, List<Topic> topics, List<String> keyPhrases,
		Risk risk, List<Evidence> evidence) {

	/**
	 * Below this sentiment confidence a reading is worth a person's look
	 * (docs/analysis.md).
	 */
	public static final double REVIEW_SENTIMENT = 0.6;

	/** Below this intent confidence a reading is worth a person's look. */
	public static final double REVIEW_INTENT = 0.35;

	/**
	 * Whether an agent should check this reading: the text was not analysed (not
	 * English), or the sentiment or the intent is unsure. On airline tweets the sentiment
	 * of the unsure eighth is right half the time, of the rest four times in five.
	 */
	public boolean needsReview() {
		return !analysed || sentiment == null || intent == null || sentiment.confidence() < REVIEW_SENTIMENT
				|| intent.confidence() < REVIEW_INTENT;
	}

	/**
	 * {@code negative}, {@code neutral} or {@code positive}; score in [-1, 1]; confidence
	 * in [0, 1].
	 */
	public record Sentiment(String label, double score, double confidence) {
	}

	/** One of {@link Taxonomy#EMOTIONS}, with a score in [0, 1]. */
	public record Emotion(String name, double score) {
	}

	/**
	 * One of {@link Taxonomy#INTENTS}; {@code detail} is the brand's own label when a
	 * brand model for intents (such as "card_arrival") says more.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Intent(String label, double confidence, String detail, Map<String, Double> scores) {
	}

	/**
	 * {@code low}, {@code normal}, {@code high} or {@code critical}, with the reasons
	 * found.
	 */
	public record Urgency(String level, List<String> reasons) {
	}

	/**
	 * A score in [0, 1], whether it counts as toxic at the default threshold, whether it
	 * is abuse of a person (what the inbox flags and meets with a boundary: toxic, with
	 * an insult or a threat, or swearing or a high score aimed at "you"), and the spans.
	 * {@code abusive} is null in analyses stored before it was read.
	 */
	public record Toxicity(double score, boolean toxic, Boolean abusive, List<Span> spans) {

		/**
		 * Abuse of a person; for an analysis stored before that was read, toxic with
		 * spans.
		 */
		public boolean abuse() {
			return abuse(abusive, toxic, !spans.isEmpty());
		}

		/** The same for the fields of a stored analysis read as they are. */
		public static boolean abuse(Boolean abusive, boolean toxic, boolean spans) {
			return abusive != null ? abusive : toxic && spans;
		}

	}

	/** A stretch of the text and what it is. */
	public record Span(int start, int end, String text, String kind) {
	}

	/**
	 * A topic, promise or policy of the brand ({@code kind}), or a label of a brand topic
	 * model ({@code model}), with how sure and which words matched.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Topic(String kind, String id, String name, double score, List<String> evidence) {
	}

	/**
	 * 0–100, and what it is made of: each component in [0, 1] and its weight, so the
	 * inbox can say why a conversation is on top.
	 */
	public record Risk(int score, Map<String, Double> components, Map<String, Double> weights) {
	}

	/** A label and the text or rule behind it. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Evidence(String label, String text, Integer start, Integer end, double weight) {

		public Evidence {
			weight = Math.round(weight * 1000) / 1000.0; // three decimals say it all
		}

	}

}
