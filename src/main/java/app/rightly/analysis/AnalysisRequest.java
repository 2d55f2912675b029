package app.rightly.analysis;

import app.rightly.shared.Tenant;

/**
 * A message to analyse.
 *
 * @param tenant whose message it is (brand models, topics, promises and policies are per
 * brand)
 * @param text the text, exactly as received
 * @param followers the author's reach, if known
 * @param brand what the brand has taught the analysis (models, topics); {@code null} for
 * none
 * @param value the customer's value to the brand (lifetime value or yearly spend, in the
 * brand's currency), if known
 */
public record AnalysisRequest(Tenant tenant, String text, Long followers, BrandKnowledge brand, Double value) {

	public AnalysisRequest(Tenant tenant, String text, Long followers) {
		this(tenant, text, followers, null, null);
	}

	public AnalysisRequest(Tenant tenant, String text, Long followers, BrandKnowledge brand) {
		this(tenant, text, followers, brand, null);
	}

	/** The same request with the brand's knowledge. */
	public AnalysisRequest with(BrandKnowledge knowledge) {
		return new AnalysisRequest(tenant, text, followers, knowledge, value);
	}

}
