package app.rightly.analysis.text;

/**
 * A phrase of customer-care knowledge found in a message: its category (such as
 * {@code failure} or {@code churn}), its weight, and where it is.
 */
public record Cue(String category, float weight, String phrase, int start, int end, boolean negated) {
}
