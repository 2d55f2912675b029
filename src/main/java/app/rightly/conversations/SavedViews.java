package app.rightly.conversations;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.rightly.conversations.ConversationWork.Filter;
import app.rightly.shared.Ids;
import app.rightly.shared.InvalidInputException;
import app.rightly.shared.InvalidInputException.FieldError;
import app.rightly.shared.NotFoundException;
import app.rightly.shared.Tenant;
import app.rightly.shared.UserId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Saved filters of the inbox: a name and the inbox's query string, kept by an agent for
 * themselves or shared with the brand's team, listed beside Mine / Unassigned / All with
 * their counts.
 */
@Service
public class SavedViews {

	/** The query keys a saved view keeps (paging is not kept). */
	public static final List<String> KEYS = List.of("sort", "status", "assignee", "channel", "sentiment", "intent",
			"urgency", "q", "breached", "label", "topic", "review");

	private final JdbcClient jdbc;

	private final ConversationWork work;

	SavedViews(JdbcClient jdbc, ConversationWork work) {
		this.jdbc = jdbc;
		this.work = work;
	}

	public record SavedView(UUID id, String name, String query, boolean shared, UUID owner) {

		/** The view's filters as query parameters. */
		public Map<String, String> parameters() {
			return parse(query);
		}

	}

	/**
	 * A view with the number of conversations it shows now, counted up to {@code max}
	 * (10,000, or 1,000 for a search); a count above it means more.
	 */
	public record Counted(SavedView view, int count, int max) {
	}

	/** The caller's own views and those shared with the team, by name. */
	@Transactional(readOnly = true)
	public List<SavedView> list(Tenant tenant, UserId me) {
		return jdbc.sql("""
				SELECT id, name, query, shared, owner_id FROM saved_view
				WHERE organisation_id = :org AND brand_id = :brand AND (owner_id = :me OR shared)
				ORDER BY lower(name), id""")
			.param("org", tenant.organisation().value())
			.param("brand", tenant.brand().value())
			.param("me", me.value())
			.query((rs, n) -> new SavedView(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
					rs.getBoolean(4), rs.getObject(5, UUID.class)))
			.list();
	}

	/** The views with their counts; a view whose filters no longer apply counts 0. */
	@Transactional(readOnly = true)
	public List<Counted> counted(Tenant tenant, UserId me) {
		List<Counted> out = new ArrayList<>();
		for (SavedView v : list(tenant, me)) {
			Map<String, String> parameters = v.parameters();
			int count;
			try {
				count = work.count(tenant, me, Filter.of(parameters, 0, 1));
			}
			catch (InvalidInputException ex) {
				count = 0;
			}
			String q = parameters.get("q");
			out.add(new Counted(v, count,
					q == null || q.isBlank() ? ConversationWork.MAX_COUNT : ConversationWork.MAX_SEARCH_COUNT));
		}
		return out;
	}

	/** Saves the filters under a name; they are checked as the inbox would apply them. */
	@Transactional
	public SavedView create(Tenant tenant, UserId me, String name, String query, boolean shared) {
		List<FieldError> errors = new ArrayList<>();
		if (name == null || name.isBlank() || name.strip().length() > 60) {
			errors.add(new FieldError("name", "must be 1 to 60 characters"));
		}
		Map<String, String> parameters = query == null ? Map.of() : parse(query);
		if (query == null || query.length() > 1000) {
			errors.add(new FieldError("query", "must be an inbox query string of at most 1,000 characters"));
		}
		else {
			for (String key : parameters.keySet()) {
				if (!KEYS.contains(key)) {
					errors.add(new FieldError("query", "unknown filter '" + key + "'; use " + String.join(", ", KEYS)));
					break;
				}
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		try {
			// bad values are named now
			work.count(tenant, me, Filter.of(parameters, 0, 1));
		}
		catch (InvalidInputException ex) {
			throw new InvalidInputException("query", ex.errors().get(0).field() + " " + ex.errors().get(0).message());
		}
		UUID id = Ids.newId();
		jdbc.sql("""
				INSERT INTO saved_view (id, organisation_id, brand_id, owner_id, name, query, shared)
				VALUES (:id, :org, :brand, :me, :name, :query, :shared)""")
			.param("id", id)
			.param("org", tenant.organisation().value())
			.param("brand", tenant.brand().value())
			.param("me", me.value())
			.param("name", name.strip())
			.param("query", canonical(parameters))
			.param("shared", shared)
			.update();
		return new SavedView(id, name.strip(), canonical(parameters), shared, me.value());
	}

	/** Deletes a view: its owner may, and so may whoever manages the brand. */
	@Transactional
	public void delete(Tenant tenant, UserId me, boolean manager, UUID id) {
		int deleted = jdbc.sql("""
				DELETE FROM saved_view WHERE organisation_id = :org AND brand_id = :brand AND id = :id
				  AND (owner_id = :me OR (shared AND :manager))""")
			.param("org", tenant.organisation().value())
			.param("brand", tenant.brand().value())
			.param("id", id)
			.param("me", me.value())
			.param("manager", manager)
			.update();
		if (deleted == 0) {
			throw new NotFoundException("saved view");
		}
	}

	/** Parses {@code a=1&b=2} (URL-encoded), keeping the first value of each key. */
	public static Map<String, String> parse(String query) {
		Map<String, String> out = new LinkedHashMap<>();
		for (String pair : query.strip().replaceFirst("^\\?", "").split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int eq = pair.indexOf('=');
			String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
			String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
			if (!value.isBlank()) {
				out.putIfAbsent(key, value);
			}
		}
		return out;
	}

	/** The known keys in a fixed order, URL-encoded. */
	public static String canonical(Map<String, String> p) {
		StringBuilder out = new StringBuilder();
		for (String key : KEYS) {
			String v = p.get(key);
			if (v != null && !v.isBlank()) {
				out.append(out.isEmpty() ? "" : "&")
					.append(key)
					.append('=')
					.append(URLEncoder.encode(v.strip(), StandardCharsets.UTF_8));
			}
		}
		return out.toString();
	}

}
