package app.rightly.analysis;

import java.util.List;
import java.util.Map;

import app.rightly.analysis.text.LinearModel;

/**
 * What one brand has taught the analysis: models trained on its labelled examples (by
 * task: {@code sentiment}, {@code intent}, {@code emotion}, {@code topic}) and its own
 * topics, promises and policies with example phrases.
 */
public record BrandKnowledge(Map<String, LinearModel> models, List<TopicDefinition> topics) {

	public static final BrandKnowledge NONE = new BrandKnowledge(Map.of(), List.of());

	public LinearModel model(String task) {
		return models.get(task);
	}

	/**
	 * A topic, promise or policy of a brand.
	 *
	 * @param id stable id
	 * @param kind {@code topic}, {@code promise} or {@code policy}
	 * @param name what people call it ("Delivered in two days")
	 * @param phrases example phrases customers use about it
	 * @param compiled the phrases as tokens and the content words, made once when the
	 * topic is loaded rather than for every message
	 */
	public record TopicDefinition(String id, String kind, String name, List<String> phrases, Topics.Compiled compiled) {

		public TopicDefinition(String id, String kind, String name, List<String> phrases) {
			this(id, kind, name, phrases, Topics.compile(name, phrases));
		}

	}

}
