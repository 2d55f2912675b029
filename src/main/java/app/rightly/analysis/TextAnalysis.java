package app.rightly.analysis;

import java.util.List;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The analysis of messages: the configured analyser ({@code rightly.analysis.analyser},
 * by id; Rightly's own by default) with what the message's brand has taught it. Any
 * {@link Analyser} bean is a candidate, so another one (an ONNX transformer, an external
 * LLM) is added as a bean and chosen by configuration, without touching the callers.
 */
@Service
public class TextAnalysis {

	private final Analyser analyser;

	private final BrandModels brands;

	TextAnalysis(List<Analyser> analysers, BrandModels brands,
			@Value("${rightly.analysis.analyser:" + CustomerCareAnalyser.ID + "}") String id) {
		this.analyser = choose(analysers, id);
		this.brands = brands;
	}

	static Analyser choose(List<Analyser> analysers, String id) {
		return analysers.stream()
			.filter(a -> a.id().equals(id))
			.findFirst()
			.orElseThrow(
					() -> new IllegalStateException("rightly.analysis.analyser is '" + id + "', but the analysers are: "
							+ analysers.stream().map(Analyser::id).collect(Collectors.joining(", "))));
	}

	/** The id of the analyser in use. */
	public String analyserId() {
		return analyser.id();
	}

	public Analysis analyse(AnalysisRequest request) {
		BrandKnowledge knowledge = request.brand() != null ? request.brand() : brands.knowledge(request.tenant());
		return analyser.analyse(request.with(knowledge));
	}

}
