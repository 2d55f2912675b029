package app.rightly.conversations;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 * A brand's saved replies, with variables filled in when used: {@code {{customer.name}}},
 * {@code {{agent.name}}}, {@code {{brand.name}}}.
 */
@Service
public class SavedReplies {

	public static final List<String> VARIABLES = List.of("customer.name", "agent.name", "brand.name");

	private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*([a-z.]+)\\s*}}");

	private final JdbcClient jdbc;

	SavedReplies(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public record SavedReply(UUID id, String name, String text) {
	}

	/** The brand's saved replies whose name or text has {@code q}, by name. */
	@Transactional(readOnly = true)
	public List<SavedReply> list(Tenant tenant, String q) {
		String like = q == null || q.isBlank() ? null
				: "%" + q.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
		return jdbc.sql("""
				SELECT id, name, text FROM saved_reply WHERE organisation_id = :org AND brand_id = :brand
				  AND (CAST(:like AS text) IS NULL OR name ILIKE :like OR text ILIKE :like)
				ORDER BY lower(name) LIMIT 200""")
			.param("org", tenant.organisation().value())
			.param("brand", tenant.brand().value())
			.param("like", like)
			.query((rs, n) -> new SavedReply(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)))
			.list();
	}

	@Transactional
	public SavedReply save(Tenant tenant, UUID id, String name, String text) {
		List<FieldError> errors = new ArrayList<>();
		if (name == null || name.isBlank() || name.strip().length() > 100) {
			errors.add(new FieldError("name", "must be 1 to 100 characters"));
		}
		if (text == null || text.isBlank() || text.length() > 10_000) {
			errors.add(new FieldError("text", "must be 1 to 10,000 characters"));
		}
		else {
			Matcher m = VARIABLE.matcher(text);
			while (m.find()) {
				if (!VARIABLES.contains(m.group(1))) {
					errors.add(new FieldError("text", "unknown variable {{" + m.group(1) + "}}; use "
							+ String.join(", ", VARIABLES.stream().map(v -> "{{" + v + "}}").toList())));
					break;
				}
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		UUID saved = id == null ? Ids.newId() : id;
		try {
			int n = id == null ? jdbc
				.sql("""
						INSERT INTO saved_reply (id, organisation_id, brand_id, name, text) VALUES (:id, :org, :brand, :name, :text)""")
				.param("id", saved)
				.param("org", tenant.organisation().value())
				.param("brand", tenant.brand().value())
				.param("name", name.strip())
				.param("text", text)
				.update()
					: jdbc.sql("""
							UPDATE saved_reply SET name = :name, text = :text
							WHERE id = :id AND organisation_id = :org AND brand_id = :brand""")
						.param("id", saved)
						.param("org", tenant.organisation().value())
						.param("brand", tenant.brand().value())
						.param("name", name.strip())
						.param("text", text)
						.update();
			if (n == 0) {
				throw new NotFoundException("saved reply");
			}
		}
		catch (DuplicateKeyException ex) {
			throw new InvalidInputException("name", "this brand already has a saved reply with this name");
		}
		return new SavedReply(saved, name.strip(), text);
	}

	@Transactional
	public void delete(Tenant tenant, UUID id) {
		int n = jdbc.sql("DELETE FROM saved_reply WHERE id = :id AND organisation_id = :org AND brand_id = :brand")
			.param("id", id)
			.param("org", tenant.organisation().value())
			.param("brand", tenant.brand().value())
			.update();
		if (n == 0) {
			throw new NotFoundException("saved reply");
		}
	}

	/**
	 * The text with its variables filled in; an unknown or empty value leaves it blank.
	 */
	public static String fill(String text, Map<String, String> values) {
		Matcher m = VARIABLE.matcher(text);
		StringBuilder out = new StringBuilder();
		while (m.find()) {
			String value = values.get(m.group(1));
			m.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value));
		}
		m.appendTail(out);
		return out.toString();
	}

}
