package app.rightly.analysis.training;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Consumer;

import app.rightly.analysis.text.FeatureHasher;
import app.rightly.analysis.text.LinearModel;
import app.rightly.analysis.text.Tokenizer;

/**
 * Trains the models Rightly ships ({@code rightly models build --data DIR}) from the
 * permissively licensed data sets, deterministically: the same data gives the same model
 * files. The files go to {@code src/main/resources/models/} and are committed;
 * docs/models.md names the data and the figures.
 */
public final class BaseModelBuilder {

	/**
	 * A model to build: its name, its examples, its regularisation, whether rare classes
	 * are weighted up.
	 */
	private record Spec(String name, List<PermissiveData.Labelled> data, double c, boolean balanced) {
	}

	private BaseModelBuilder() {
	}

	/**
	 * How many examples each written care message counts for: one template gives sixty
	 * variations of itself, a written message is one person's own words.
	 */
	static final int MESSAGE_COPIES = 3;

	/** The permissive data and the team's own customer-care messages. */
	static List<PermissiveData.Labelled> withCare(List<PermissiveData.Labelled> data) {
		List<PermissiveData.Labelled> all = new ArrayList<>(data);
		all.addAll(CareTemplates.expand(60, 20261122L));
		for (CareMessages.Message m : CareMessages.all()) {
			for (int copy = 0; copy < MESSAGE_COPIES; copy++) {
				all.add(new PermissiveData.Labelled(m.text(), m.sentiment()));
			}
		}
		return all;
	}

	/**
	 * Complaints and not: the permissive data and the team's messages (negative templates
	 * are complaints; a written message is one when its intent is).
	 */
	static List<PermissiveData.Labelled> withCareComplaints(List<PermissiveData.Labelled> data) {
		List<PermissiveData.Labelled> all = new ArrayList<>(data);
		for (PermissiveData.Labelled l : CareTemplates.expand(60, 20261123L)) {
			all.add(new PermissiveData.Labelled(l.text(), l.label().equals("negative") ? "complaint" : "other"));
		}
		for (CareMessages.Message m : CareMessages.all()) {
			for (int copy = 0; copy < MESSAGE_COPIES; copy++) {
				all.add(new PermissiveData.Labelled(m.text(), m.intent().equals("complaint") ? "complaint" : "other"));
			}
		}
		return all;
	}

	public static void build(Path data, Path out, Consumer<String> log) throws IOException {
		PermissiveData source = new PermissiveData(data);
		Files.createDirectories(out);
		List<Spec> specs = List.of(new Spec("sentiment", withCare(source.sentiment()), 0.3, false),
				new Spec("complaint", withCareComplaints(source.complaints()), 0.5, false),
				new Spec("toxicity", source.offensive(), 0.5, false), new Spec("emotion", source.emotions(), 0.5, true),
				new Spec("irony", source.irony(), 0.5, false));
		String only = System.getProperty("rightly.models.only", "");
		for (Spec spec : specs) {
			if (!only.isEmpty() && !only.contains(spec.name())) {
				continue;
			}
			long started = System.nanoTime();
			List<LinearModel.Example> examples = new ArrayList<>(spec.data().size());
			TreeSet<String> labels = new TreeSet<>();
			for (PermissiveData.Labelled l : spec.data()) {
				examples
					.add(new LinearModel.Example(FeatureHasher.vector(Tokenizer.tokens(l.text()), null), l.label(), 1));
				labels.add(l.label());
			}
			List<String> order = new ArrayList<>(labels);
			if (spec.name().equals("sentiment")) {
				order = List.of("negative", "neutral", "positive");
			}
			LinearModel model = LinearModel.train(examples, order, 0,
					LinearModel.Settings.logistic(spec.c(), spec.balanced()));
			Path file = out.resolve(spec.name() + ".model.gz");
			try (OutputStream target = Files.newOutputStream(file)) {
				model.write(target);
			}
			log.accept(String.format("%-9s %,7d examples, labels %s, %.1f s, %,d bytes", spec.name(), examples.size(),
					order, (System.nanoTime() - started) / 1e9, Files.size(file)));
		}
	}

}
