package app.rightly.analysis;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import app.rightly.shared.Ids;
import app.rightly.shared.InvalidInputException;
import app.rightly.shared.InvalidInputException.FieldError;
import app.rightly.shared.NotFoundException;
import app.rightly.shared.Tenant;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A brand's own vocabulary: its topics, the promises it makes ("bags on the belt within
 * 20 minutes") and its policies ("no refunds after 24 hours"), each with a name, a
 * description and example phrases. Every message is matched to them
 * ({@code analysis.topics}), so the brand sees which promises break and which policies
 * hurt.
 */
@Service
public class BrandTopics {

	public static final List<String> KINDS = List.of("topic", "promise", "policy");

	static final int MAX_PHRASES = 50;

	static final int MAX_PHRASE = 200;

	static final int MAX_NAME = 100;

	static final int MAX_DESCRIPTION = 2000;

	static final int MAX_PER_BRAND = 500;

	private final JdbcClient jdbc;

	private final BrandModels models;

	BrandTopics(JdbcClient jdbc, BrandModels models) {
		this.jdbc = jdbc;
		this.models = models;
	}

	/** A topic, promise or policy. */
	public record BrandTopic(UUID id, String kind, String name, String description, List<String> phrases) {
	}

	/** What a person asks to create or change; checked by {@link #valid}. */
	public record TopicInput(String kind, String name, String description, List<String> phrases) {
	}

	@Transactional(readOnly = true)
	public List<BrandTopic> list(Tenant tenant, String kind) {
		if (kind != null && !KINDS.contains(kind)) {
			throw new InvalidInputException("kind", "must be topic, promise or policy");
		}
		return jdbc.sql("""
				SELECT id, kind, name, description, phrases FROM brand_topic
				WHERE organisation_id = :org AND brand_id = :brand AND (CAST(:kind AS text) IS NULL OR kind = :kind)
				ORDER BY array_position(ARRAY['topic', 'promise', 'policy'], kind), lower(name)""")
			.param("org", tenant.organisation().value())
			.param("brand", tenant.brand().value())
			.param("kind", kind)
			.query((rs, n) -> new BrandTopic(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
					rs.getString(4), List.of((String[]) rs.getArray(5).getArray())))
			.list();
	}

	@Transactional(readOnly = true)
	public Optional<BrandTopic> find(Tenant tenant, UUID id) {
		return list(tenant, null).stream().filter(t -> t.id().equals(id)).findFirst();
	}

	@Transactional
	public BrandTopic create(Tenant tenant, TopicInput input) {
		BrandTopic topic = valid(Ids.newId(), input);
		Integer count = jdbc.sql("SELECT count(*) FROM brand_topic WHERE organisation_id = :org AND brand_id = :brand")
			.param("org", tenant.organisation().value())
			.param("brand", tenant.brand().value())
			.query(Integer.class)
			.single();
		if (count >= MAX_PER_BRAND) {
			throw new InvalidInputException("name", "a brand has at most " + MAX_PER_BRAND
					+ " topics, promises and policies; delete one before adding another");
		}
		try {
			jdbc.sql("""
					INSERT INTO brand_topic (id, organisation_id, brand_id, kind, name, description, phrases)
					VALUES (:id, :org, :brand, :kind, :name, :description, :phrases)""")
				.param("id", topic.id())
				.param("org", tenant.organisation().value())
				.param("brand", tenant.brand().value())
				.param("kind", topic.kind())
				.param("name", topic.name())
				.param("description", topic.description())
				.param("phrases", topic.phrases().toArray(new String[0]))
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw taken(topic);
		}
		models.forget(tenant);
		return topic;
	}

	@Transactional
	public BrandTopic update(Tenant tenant, UUID id, TopicInput input) {
		BrandTopic topic = valid(id, input);
		int updated;
		try {
			updated = jdbc.sql("""
					UPDATE brand_topic SET kind = :kind, name = :name, description = :description, phrases = :phrases
					WHERE id = :id AND organisation_id = :org AND brand_id = :brand""")
				.param("id", id)
				.param("org", tenant.organisation().value())
				.param("brand", tenant.brand().value())
				.param("kind", topic.kind())
				.param("name", topic.name())
				.param("description", topic.description())
				.param("phrases", topic.phrases().toArray(new String[0]))
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw taken(topic);
		}
		if (updated == 0) {
			throw new NotFoundException("topic");
		}
		models.forget(tenant);
		return topic;
	}

	@Transactional
	public void delete(Tenant tenant, UUID id) {
		int deleted = jdbc
			.sql("DELETE FROM brand_topic WHERE id = :id AND organisation_id = :org AND brand_id = :brand")
			.param("id", id)
			.param("org", tenant.organisation().value())
			.param("brand", tenant.brand().value())
			.update();
		if (deleted == 0) {
			throw new NotFoundException("topic");
		}
		models.forget(tenant);
	}

	private static InvalidInputException taken(BrandTopic topic) {
		return new InvalidInputException("name", "this brand already has a " + topic.kind() + " with this name");
	}

	/**
	 * Checks a person's input: a known kind, a name, a description and phrases within
	 * their limits; phrases are trimmed, blank ones dropped and repeats removed.
	 */
	static BrandTopic valid(UUID id, TopicInput input) {
		List<FieldError> errors = new ArrayList<>();
		String kind = input.kind() == null || input.kind().isBlank() ? "topic" : input.kind().strip();
		if (!KINDS.contains(kind)) {
			errors.add(new FieldError("kind", "must be topic, promise or policy"));
		}
		String name = input.name() == null ? "" : input.name().strip();
		if (name.isEmpty() || name.length() > MAX_NAME) {
			errors.add(new FieldError("name", "must be 1 to " + MAX_NAME + " characters"));
		}
		String description = input.description() == null ? "" : input.description().strip();
		if (description.length() > MAX_DESCRIPTION) {
			errors.add(new FieldError("description", "must be at most " + MAX_DESCRIPTION + " characters"));
		}
		LinkedHashSet<String> phrases = new LinkedHashSet<>();
		List<String> given = input.phrases() == null ? List.of() : input.phrases();
		for (int i = 0; i < given.size(); i++) {
			String p = given.get(i) == null ? "" : given.get(i).strip();
			if (p.length() > MAX_PHRASE) {
				errors.add(new FieldError("phrases[" + i + "]", "must be at most " + MAX_PHRASE + " characters"));
			}
			else if (!p.isEmpty()) {
				phrases.add(p);
			}
		}
		if (phrases.size() > MAX_PHRASES) {
			errors.add(new FieldError("phrases", "at most " + MAX_PHRASES + " example phrases"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		return new BrandTopic(id, kind, name, description, List.copyOf(phrases));
	}

}
