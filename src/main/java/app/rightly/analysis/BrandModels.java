package app.rightly.analysis;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import app.rightly.analysis.text.LinearModel;
import app.rightly.shared.Ids;
import app.rightly.shared.InvalidInputException;
import app.rightly.shared.Tenant;
import app.rightly.shared.UserId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What each brand teaches the analysis. Labelled examples come from files
 * ({@code rightly train}) and from agents' corrections; training fits a model per task on
 * all of them and stores it with the brand; from then on the brand's messages are read
 * with it. Topics, promises and policies are the brand's own vocabulary. Knowledge is
 * cached per brand and reloaded after a change.
 */
@Service
public class BrandModels {

	/** What a brand can train a model for. */
	public static final List<String> TASKS = List.of("sentiment", "intent", "emotion", "topic");

	/**
	 * How long another server node may keep a brand's knowledge before reading it again.
	 */
	static final long CACHE_MILLIS = 60_000;

	private final JdbcClient jdbc;

	private final CustomerCareAnalyser analyser;

	private final Map<UUID, Cached> cache = new ConcurrentHashMap<>();

	private record Cached(BrandKnowledge knowledge, long loadedAt) {
	}

	BrandModels(JdbcClient jdbc, CustomerCareAnalyser analyser) {
		this.jdbc = jdbc;
		this.analyser = analyser;
	}

	/** A labelled example. */
	public record Example(String text, String label) {
	}

	/** A trained model as the API shows it. */
	public record ModelInfo(String task, List<String> labels, int examples, int corrections, double seconds,
			Instant trainedAt) {
	}

	/** What a training did. */
	public record Training(String task, int examples, int corrections, List<String> labels, double seconds) {
	}

	// ---- knowledge for the analysis
	// ------------------------------------------------------

	public BrandKnowledge knowledge(Tenant tenant) {
		if (tenant == null) {
			return BrandKnowledge.NONE;
		}
		Cached cached = cache.get(tenant.brand().value());
		if (cached != null && System.currentTimeMillis() - cached.loadedAt() < CACHE_MILLIS) {
			return cached.knowledge();
		}
		BrandKnowledge loaded = load(tenant);
		cache.put(tenant.brand().value(), new Cached(loaded, System.currentTimeMillis()));
		return loaded;
	}

	private BrandKnowledge load(Tenant tenant) {
		Map<String, LinearModel> models = new HashMap<>();
		jdbc.sql("SELECT task, model FROM brand_model WHERE organisation_id = :org AND brand_id = :brand")
			.param("org", tenant.organisation().value())
			.param("brand", tenant.brand().value())
			.query(rs -> {
				try {
					models.put(rs.getString(1), LinearModel.read(new ByteArrayInputStream(rs.getBytes(2))));
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		List<BrandKnowledge.TopicDefinition> topics = jdbc.sql("""
				SELECT id, kind, name, phrases FROM brand_topic WHERE organisation_id = :org AND brand_id = :brand
				ORDER BY kind, name""")
			.param("org", tenant.organisation().value())
			.param("brand", tenant.brand().value())
			.query((rs, n) -> new BrandKnowledge.TopicDefinition(rs.getObject(1, UUID.class).toString(),
					rs.getString(2), rs.getString(3), List.of((String[]) rs.getArray(4).getArray())))
			.list();
		return models.isEmpty() && topics.isEmpty() ? BrandKnowledge.NONE : new BrandKnowledge(models, topics);
	}

	/** Forgets the cached knowledge of a brand, after its models or topics changed. */
	public void forget(Tenant tenant) {
		cache.remove(tenant.brand().value());
	}

	// ---- examples and corrections
	// --------------------------------------------------------

	/**
	 * Replaces the brand's examples from files for a task with these, and trains.
	 * Corrections by agents are kept and count too.
	 */
	@Transactional
	public Training trainFromFile(Tenant tenant, String task, List<Example> examples) {
		checkTask(task);
		checkLabels(task, examples.stream().map(Example::label).toList());
		jdbc.sql(
				"DELETE FROM labelled_example WHERE organisation_id = :org AND brand_id = :brand AND task = :task AND source = 'file'")
			.param("org", tenant.organisation().value())
			.param("brand", tenant.brand().value())
			.param("task", task)
			.update();
		int n = examples.size();
		UUID[] ids = new UUID[n];
		String[] texts = new String[n];
		String[] labels = new String[n];
		for (int i = 0; i < n; i++) {
			ids[i] = Ids.newId();
			texts[i] = examples.get(i).text();
			labels[i] = examples.get(i).label();
		}
		jdbc.sql(
				"""
						INSERT INTO labelled_example (id, organisation_id, brand_id, task, text, label, source)
						SELECT id, :org, :brand, :task, text, label, 'file' FROM unnest(:ids::uuid[], :texts::text[], :labels::text[]) AS t(id, text, label)""")
			.param("org", tenant.organisation().value())
			.param("brand", tenant.brand().value())
			.param("task", task)
			.param("ids", ids)
			.param("texts", texts)
			.param("labels", labels)
			.update();
		return train(tenant, task);
	}

	/**
	 * An agent's correction of a message's label, kept as a labelled example for the next
	 * training; a second correction of the same message and task replaces the first.
	 */
	@Transactional
	public int correct(Tenant tenant, UUID message, String text, String task, String label, UserId by) {
		checkTask(task);
		if (label == null || label.isBlank() || label.length() > 100) {
			throw new InvalidInputException("label", "must be 1 to 100 characters");
		}
		checkLabels(task, List.of(label.strip()));
		jdbc.sql(
				"""
						INSERT INTO labelled_example (id, organisation_id, brand_id, task, text, label, source, message_id, created_by)
						VALUES (:id, :org, :brand, :task, :text, :label, 'correction', :message, :by)
						ON CONFLICT (brand_id, task, message_id) WHERE source = 'correction'
						DO UPDATE SET label = EXCLUDED.label, created_by = EXCLUDED.created_by, created_at = now()""")
			.param("id", Ids.newId())
			.param("org", tenant.organisation().value())
			.param("brand", tenant.brand().value())
			.param("task", task)
			.param("text", text)
			.param("label", label.strip())
			.param("message", message)
			.param("by", by == null ? null : by.value())
			.update();
		return exampleCounts(tenant).getOrDefault(task, new int[2])[0];
	}

	/** Trains the task's model on every example the brand has (files and corrections). */
	@Transactional
	public Training train(Tenant tenant, String task) {
		checkTask(task);
		record Row(String text, String label, boolean correction) {
		}
		List<Row> rows = jdbc.sql("""
				SELECT text, label, source = 'correction' FROM labelled_example
				WHERE organisation_id = :org AND brand_id = :brand AND task = :task ORDER BY created_at, id""")
			.param("org", tenant.organisation().value())
			.param("brand", tenant.brand().value())
			.param("task", task)
			.query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getBoolean(3)))
			.list()
			.stream()
			// the same examples give the same model, whatever order they were stored in
			.sorted(Comparator.comparing(Row::text).thenComparing(Row::label).thenComparing(Row::correction))
			.toList();
		TreeSet<String> labelSet = new TreeSet<>();
		rows.forEach(r -> labelSet.add(r.label()));
		if (rows.size() < 2 || labelSet.size() < 2) {
			throw new InvalidInputException("examples",
					"training needs examples of at least two labels; this brand has " + rows.size() + " for " + task);
		}
		long started = System.nanoTime();
		List<String> labels = new ArrayList<>(labelSet);
		List<LinearModel.Example> examples = new ArrayList<>(rows.size());
		int corrections = 0;
		for (Row r : rows) {
			// a correction is a person's judgement about this very brand: it counts more
			examples.add(new LinearModel.Example(analyser.brandFeatures(r.text()), r.label(), r.correction() ? 3 : 1));
			corrections += r.correction() ? 1 : 0;
		}
		LinearModel model = BrandTraining.train(task, examples, labels, analyser::brandFeatures);
		double seconds = (System.nanoTime() - started) / 1e9;
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try {
			model.write(bytes);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		jdbc.sql(
				"""
						INSERT INTO brand_model (organisation_id, brand_id, task, labels, model, examples, corrections, seconds, trained_at)
						VALUES (:org, :brand, :task, :labels, :model, :examples, :corrections, :seconds, now())
						ON CONFLICT (brand_id, task) DO UPDATE SET labels = EXCLUDED.labels, model = EXCLUDED.model,
						    examples = EXCLUDED.examples, corrections = EXCLUDED.corrections, seconds = EXCLUDED.seconds, trained_at = now()""")
			.param("org", tenant.organisation().value())
			.param("brand", tenant.brand().value())
			.param("task", task)
			.param("labels", labels.toArray(new String[0]))
			.param("model", bytes.toByteArray())
			.param("examples", rows.size())
			.param("corrections", corrections)
			.param("seconds", (float) seconds)
			.update();
		forget(tenant);
		return new Training(task, rows.size(), corrections, labels, Math.round(seconds * 100) / 100.0);
	}

	/**
	 * Drops the brand's model for a task; the shipped analysis takes over. The examples
	 * are kept. False if there was none.
	 */
	@Transactional
	public boolean drop(Tenant tenant, String task) {
		checkTask(task);
		int deleted = jdbc
			.sql("DELETE FROM brand_model WHERE organisation_id = :org AND brand_id = :brand AND task = :task")
			.param("org", tenant.organisation().value())
			.param("brand", tenant.brand().value())
			.param("task", task)
			.update();
		forget(tenant);
		return deleted > 0;
	}

	@Transactional(readOnly = true)
	public List<ModelInfo> models(Tenant tenant) {
		return jdbc.sql("""
				SELECT task, labels, examples, corrections, seconds, trained_at FROM brand_model
				WHERE organisation_id = :org AND brand_id = :brand ORDER BY task""")
			.param("org", tenant.organisation().value())
			.param("brand", tenant.brand().value())
			.query((rs, n) -> new ModelInfo(rs.getString(1), List.of((String[]) rs.getArray(2).getArray()),
					rs.getInt(3), rs.getInt(4), rs.getFloat(5), rs.getTimestamp(6).toInstant()))
			.list();
	}

	/** How many examples the brand has per task (and how many are corrections). */
	@Transactional(readOnly = true)
	public Map<String, int[]> exampleCounts(Tenant tenant) {
		Map<String, int[]> counts = new LinkedHashMap<>();
		jdbc.sql("""
				SELECT task, count(*), count(*) FILTER (WHERE source = 'correction') FROM labelled_example
				WHERE organisation_id = :org AND brand_id = :brand GROUP BY task ORDER BY task""")
			.param("org", tenant.organisation().value())
			.param("brand", tenant.brand().value())
			.query(rs -> {
				counts.put(rs.getString(1), new int[] { rs.getInt(2), rs.getInt(3) });
			});
		return counts;
	}

	static void checkTask(String task) {
		if (!TASKS.contains(task)) {
			throw new InvalidInputException("task", "must be sentiment, intent, emotion or topic");
		}
	}

	static void checkLabels(String task, List<String> labels) {
		if (task.equals("sentiment")) {
			List<String> bad = labels.stream()
				.filter(l -> !Taxonomy.SENTIMENTS.contains(l))
				.distinct()
				.limit(5)
				.toList();
			if (!bad.isEmpty()) {
				throw new InvalidInputException("label", "sentiment labels must be negative, neutral or positive, not "
						+ bad + "; rename them with --label-map, e.g. '1=positive,0=neutral,-1=negative'");
			}
		}
	}

	static Timestamp now() {
		return Timestamp.from(Instant.now());
	}

}
