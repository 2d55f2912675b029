package app.rightly.analysis.text;

/**
 * A phrase of customer-care knowledge found in a message: its category (such as
 * {@code failure} or {@code churn}), its weight, and where it is.
 */
public record Cue(String category, float weight, String phrase, int start, int end, boolean negated) {

	/** The same phrase read as another category (a failure put right, say). */
	public Cue as(String other) {
		return new Cue(other, weight, phrase, start, end, false);
	}

	/** The same phrase with another weight. */
	public Cue weighing(float other) {
		return new Cue(category, other, phrase, start, end, negated);
	}

}
