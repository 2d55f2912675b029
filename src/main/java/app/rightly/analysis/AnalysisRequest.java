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
 */
public record AnalysisRequest(Tenant tenant, String text, Long followers, BrandKnowledge brand) {

	public AnalysisRequest(Tenant tenant, String text, Long followers) {
		this(tenant, text, followers, null);
	}

}
