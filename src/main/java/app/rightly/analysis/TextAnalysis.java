package app.rightly.analysis;

import org.springframework.stereotype.Service;

/**
 * The analysis of messages: Rightly's analyser with what the message's brand has taught
 * it.
 */
@Service
public class TextAnalysis {

	private final CustomerCareAnalyser analyser;

	private final BrandModels brands;

	TextAnalysis(CustomerCareAnalyser analyser, BrandModels brands) {
		this.analyser = analyser;
		this.brands = brands;
	}

	public Analysis analyse(AnalysisRequest request) {
		BrandKnowledge knowledge = request.brand() != null ? request.brand() : brands.knowledge(request.tenant());
		return analyser.analyse(new AnalysisRequest(request.tenant(), request.text(), request.followers(), knowledge));
	}

}
