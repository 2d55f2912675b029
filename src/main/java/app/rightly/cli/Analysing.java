package app.rightly.cli;

import app.rightly.analysis.Analysis;
import app.rightly.analysis.AnalysisRequest;
import app.rightly.analysis.BrandKnowledge;
import app.rightly.analysis.BrandModels;
import app.rightly.analysis.CustomerCareAnalyser;
import app.rightly.tenancy.Brand;
import app.rightly.tenancy.BrandAccess;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * The analysis for a command: without a brand, the shipped analyser alone (no database,
 * starts in a moment); with {@code --brand}, what that brand was taught, read from its
 * data dir.
 */
final class Analysing implements AutoCloseable {

	private final CustomerCareAnalyser analyser;

	private final BrandKnowledge knowledge;

	private final Brand brand;

	private final ConfigurableApplicationContext context;

	private Analysing(CustomerCareAnalyser analyser, BrandKnowledge knowledge, Brand brand,
			ConfigurableApplicationContext context) {
		this.analyser = analyser;
		this.knowledge = knowledge;
		this.brand = brand;
		this.context = context;
	}

	static Analysing open(String brandRef, String dataDir) {
		if (brandRef == null || brandRef.isBlank()) {
			return new Analysing(new CustomerCareAnalyser(), BrandKnowledge.NONE, null, null);
		}
		ConfigurableApplicationContext context = CommandContext.start(dataDir);
		try {
			Brand brand = ImportCommand.brand(context.getBean(BrandAccess.class), brandRef);
			BrandKnowledge knowledge = context.getBean(BrandModels.class).knowledge(brand.tenant());
			return new Analysing(context.getBean(CustomerCareAnalyser.class), knowledge, brand, context);
		}
		catch (RuntimeException ex) {
			context.close();
			throw ex;
		}
	}

	Analysis analyse(String text) {
		return analyser.analyse(new AnalysisRequest(brand == null ? null : brand.tenant(), text, null, knowledge));
	}

	ConfigurableApplicationContext context() {
		return context;
	}

	Brand brand() {
		return brand;
	}

	@Override
	public void close() {
		if (context != null) {
			context.close();
		}
	}

}
