package app.rightly.analysis.training;

import java.util.List;
import java.util.Set;

import app.rightly.analysis.Analysis;

/** The label an analysis gives for each task {@code rightly eval} scores. */
public final class Predictions {

	public static final Set<String> TASKS = Set.of("sentiment", "intent", "emotion", "topic", "complaint", "toxicity",
			"abuse");

	/** The tasks a brand model can be trained for. */
	public static final Set<String> TRAINABLE = Set.of("sentiment", "intent", "emotion", "topic");

	private Predictions() {
	}

	public static String of(String task, Analysis a) {
		return switch (task) {
			case "sentiment" -> a.sentiment().label();
			case "complaint" -> a.intent().label().equals("complaint") ? "complaint" : "other";
			case "toxicity" -> a.toxicity().toxic() ? "toxic" : "other";
			case "abuse" -> a.toxicity().abuse() ? "abusive" : "other";
			case "intent" -> a.intent().detail() != null ? a.intent().detail() : a.intent().label();
			case "emotion" -> a.emotions().isEmpty() ? "none" : a.emotions().get(0).name();
			case "topic" -> topic(a.topics());
			default -> throw new IllegalArgumentException("unknown task " + task + "; use one of " + TASKS);
		};
	}

	private static String topic(List<Analysis.Topic> topics) {
		for (Analysis.Topic t : topics) {
			if (t.kind().equals("model")) {
				return t.name();
			}
		}
		return topics.isEmpty() ? "none" : topics.get(0).name();
	}

}
