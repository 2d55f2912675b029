package app.rightly.analysis;

import java.util.List;

/** The fixed label sets of the analysis, documented in docs/analysis.md. */
public final class Taxonomy {

	public static final List<String> SENTIMENTS = List.of("negative", "neutral", "positive");

	/** Emotions that matter in customer care. */
	public static final List<String> EMOTIONS = List.of("anger", "frustration", "disappointment", "worry", "confusion",
			"sadness", "gratitude", "joy", "surprise");

	public static final List<String> INTENTS = List.of("complaint", "question", "request", "praise", "suggestion",
			"abuse", "spam", "other");

	public static final List<String> URGENCY = List.of("low", "normal", "high", "critical");

	private Taxonomy() {
	}

}
