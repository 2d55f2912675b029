package app.rightly.customers;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import app.rightly.shared.Ids;
import app.rightly.shared.Tenant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finds the customer behind each author, creating customers and identities for new ones.
 * An author is matched by their handle on the network first, then by e-mail address;
 * whatever new identity an author shows is added to that customer. Works on whole batches
 * in a few statements.
 * <p>
 * Two steps, each its own short transaction: {@link #resolve} before the messages are
 * stored (finding needs no lock; creating takes the brand's customer lock, so two batches
 * cannot create the same person twice), and {@link #noteSeen} after, which records the
 * latest reach and name each author showed. Two batches noting the same author at the
 * same moment may leave the reach of the one that noted last; the author's next message
 * corrects it.
 */
@Service
public class CustomerResolver {

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	CustomerResolver(JdbcClient jdbc, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.transactions = transactions;
	}

	private record Key(String network, String identityKey) {
	}

	/** An identity as stored. */
	private record Known(UUID id, UUID customer, Long followers, String name) {
	}

	/** The customers of a batch's authors, and what is known of their identities. */
	public static final class Resolution {

		private final List<UUID> customers;

		private final Map<Key, Known> identities;

		private Resolution(List<UUID> customers, Map<Key, Known> identities) {
			this.customers = customers;
			this.identities = identities;
		}

		/**
		 * The customer of each author, in order ({@code null} for an author with nothing
		 * to match).
		 */
		public List<UUID> customers() {
			return customers;
		}

	}

	/** Finds or creates the customer of each author. */
	public Resolution resolve(Tenant tenant, List<Author> authors) {
		List<Key> keys = keysOf(authors);
		Map<Key, Known> stored = transactions.execute(status -> existing(tenant, keys));
		if (keys.stream().allMatch(stored::containsKey)) {
			return new Resolution(assign(authors, stored, null), stored);
		}
		return transactions.execute(status -> {
			lock(tenant);
			Map<Key, Known> current = existing(tenant, keys); // others may have added
																// some meanwhile
			Map<Key, UUID> created = new LinkedHashMap<>();
			Map<UUID, Author> newCustomers = new LinkedHashMap<>();
			List<UUID> customers = assign(authors, current, new Creation(created, newCustomers));
			insertCustomers(tenant, newCustomers);
			current.putAll(insertIdentities(tenant, created, latestByKey(authors)));
			return new Resolution(customers, current);
		});
	}

	/**
	 * Records the reach and name that the authors of newly stored messages showed, where
	 * they differ from what was known when the batch was resolved.
	 */
	public void noteSeen(Tenant tenant, Resolution resolution, List<Author> authors) {
		if (authors.isEmpty()) {
			return;
		}
		List<UUID> ids = new ArrayList<>();
		List<Long> followers = new ArrayList<>();
		List<String> names = new ArrayList<>();
		for (var e : latestByKey(authors).entrySet()) {
			Known known = resolution.identities.get(e.getKey());
			Author author = e.getValue();
			if (known == null || "email".equals(e.getKey().network()) && !"email".equals(author.network())) {
				continue;
			}
			Long newFollowers = author.followers() == null ? known.followers() : author.followers();
			String newName = author.name() == null ? known.name() : author.name();
			if (!Objects.equals(newFollowers, known.followers()) || !Objects.equals(newName, known.name())) {
				ids.add(known.id());
				followers.add(newFollowers);
				names.add(newName);
			}
		}
		if (ids.isEmpty()) {
			return;
		}
		transactions.executeWithoutResult(status -> {
			lock(tenant); // one writer at a time: no deadlock between batches updating
							// the same rows
			jdbc.sql("""
					UPDATE customer_identity ci SET followers = v.followers, name = v.name
					FROM unnest(:ids::uuid[], :followers::bigint[], :names::text[]) AS v(id, followers, name)
					WHERE ci.id = v.id AND ci.organisation_id = :org AND ci.brand_id = :brand""")
				.param("org", tenant.organisation().value())
				.param("brand", tenant.brand().value())
				.param("ids", ids.toArray(new UUID[0]))
				.param("followers", followers.toArray(new Long[0]))
				.param("names", names.toArray(new String[0]))
				.update();
		});
	}

	private void lock(Tenant tenant) {
		jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:brand, 11))")
			.param("brand", tenant.brand().value().toString())
			.query((rs, n) -> null)
			.list();
	}

	private record Creation(Map<Key, UUID> identities, Map<UUID, Author> customers) {
	}

	/**
	 * Each author's customer; new customers and identities go to {@code creation} when
	 * given.
	 */
	private static List<UUID> assign(List<Author> authors, Map<Key, Known> stored, Creation creation) {
		Map<Key, UUID> customerOf = new HashMap<>();
		stored.forEach((key, known) -> customerOf.put(key, known.customer()));
		List<UUID> result = new ArrayList<>(authors.size());
		for (Author author : authors) {
			Key byHandle = handleKey(author);
			Key byEmail = emailKey(author);
			UUID customer = byHandle != null ? customerOf.get(byHandle) : null;
			if (customer == null && byEmail != null) {
				customer = customerOf.get(byEmail);
			}
			if (customer == null && byHandle == null && byEmail == null) {
				result.add(null);
				continue;
			}
			if (creation != null) {
				if (customer == null) {
					customer = Ids.newId();
					creation.customers().put(customer, author);
				}
				for (Key key : new Key[] { byHandle, byEmail }) {
					if (key != null && !customerOf.containsKey(key)) {
						customerOf.put(key, customer);
						creation.identities().put(key, customer);
					}
				}
			}
			result.add(customer);
		}
		return result;
	}

	private static Key handleKey(Author author) {
		return author.handleKey() == null ? null : new Key(author.network(), author.handleKey());
	}

	private static Key emailKey(Author author) {
		return author.emailKey() == null ? null : new Key("email", author.emailKey());
	}

	private static List<Key> keysOf(List<Author> authors) {
		List<Key> keys = new ArrayList<>();
		for (Author a : authors) {
			if (handleKey(a) != null) {
				keys.add(handleKey(a));
			}
			if (emailKey(a) != null) {
				keys.add(emailKey(a));
			}
		}
		return keys;
	}

	/**
	 * The newest author per identity, whose reach and name the identity keeps. An address
	 * an author showed on another network carries no reach.
	 */
	private static Map<Key, Author> latestByKey(List<Author> authors) {
		Map<Key, Author> latest = new LinkedHashMap<>();
		for (Author author : authors) {
			Key byHandle = handleKey(author);
			Key byEmail = emailKey(author);
			if (byHandle != null) {
				latest.merge(byHandle, author, CustomerResolver::newer);
			}
			if (byEmail != null) {
				if ("email".equals(author.network())) {
					latest.merge(byEmail, author, CustomerResolver::newer);
				}
				else {
					latest.putIfAbsent(byEmail, author);
				}
			}
		}
		return latest;
	}

	private static Author newer(Author a, Author b) {
		return b.seenAt().isBefore(a.seenAt()) ? a : b;
	}

	private Map<Key, Known> existing(Tenant tenant, List<Key> keys) {
		Map<Key, Known> found = new HashMap<>();
		if (keys.isEmpty()) {
			return found;
		}
		jdbc.sql("""
				SELECT k.network, k.identity_key, ci.id, ci.customer_id, ci.followers, ci.name
				FROM (SELECT DISTINCT * FROM unnest(:networks::text[], :keys::text[])) AS k(network, identity_key)
				CROSS JOIN LATERAL (
				    -- one unique-index probe per key, whatever the table's statistics say
				    SELECT id, customer_id, followers, name FROM customer_identity ci
				    WHERE ci.organisation_id = :org AND ci.brand_id = :brand AND ci.network = k.network
				      AND ci.identity_key = k.identity_key
				    LIMIT 1) ci""")
			.param("org", tenant.organisation().value())
			.param("brand", tenant.brand().value())
			.param("networks", keys.stream().map(Key::network).toArray(String[]::new))
			.param("keys", keys.stream().map(Key::identityKey).toArray(String[]::new))
			.query(rs -> {
				found.put(new Key(rs.getString(1), rs.getString(2)), new Known(rs.getObject(3, UUID.class),
						rs.getObject(4, UUID.class), rs.getObject(5, Long.class), rs.getString(6)));
			});
		return found;
	}

	private void insertCustomers(Tenant tenant, Map<UUID, Author> customers) {
		if (customers.isEmpty()) {
			return;
		}
		int n = customers.size();
		UUID[] ids = new UUID[n];
		String[] names = new String[n];
		Timestamp[] seen = new Timestamp[n];
		int i = 0;
		for (var e : customers.entrySet()) {
			ids[i] = e.getKey();
			names[i] = e.getValue().displayName();
			seen[i++] = Timestamp.from(e.getValue().seenAt());
		}
		jdbc.sql("""
				INSERT INTO customer (id, organisation_id, brand_id, display_name, first_seen_at)
				SELECT id, :org, :brand, name, seen
				FROM unnest(:ids::uuid[], :names::text[], :seen::timestamptz[]) AS t(id, name, seen)""")
			.param("org", tenant.organisation().value())
			.param("brand", tenant.brand().value())
			.param("ids", ids)
			.param("names", names)
			.param("seen", seen)
			.update();
	}

	/** Inserts the new identities; answers them as now known. */
	private Map<Key, Known> insertIdentities(Tenant tenant, Map<Key, UUID> created, Map<Key, Author> latest) {
		Map<Key, Known> inserted = new HashMap<>();
		if (created.isEmpty()) {
			return inserted;
		}
		int n = created.size();
		UUID[] ids = new UUID[n];
		UUID[] customerIds = new UUID[n];
		String[] networks = new String[n];
		String[] keys = new String[n];
		String[] handles = new String[n];
		String[] names = new String[n];
		Long[] followers = new Long[n];
		int i = 0;
		for (var e : created.entrySet()) {
			Key key = e.getKey();
			Author a = latest.get(key);
			boolean emailOfAnotherNetwork = "email".equals(key.network()) && !"email".equals(a.network());
			ids[i] = Ids.newId();
			customerIds[i] = e.getValue();
			networks[i] = key.network();
			keys[i] = key.identityKey();
			handles[i] = emailOfAnotherNetwork || a.handle() == null || a.handle().isBlank() ? a.email().strip()
					: a.handle().strip();
			names[i] = a.name();
			followers[i] = emailOfAnotherNetwork ? null : a.followers();
			inserted.put(key, new Known(ids[i], customerIds[i], followers[i], names[i]));
			i++;
		}
		jdbc.sql(
				"""
						INSERT INTO customer_identity (id, organisation_id, brand_id, customer_id, network, identity_key, handle, name, followers)
						SELECT id, :org, :brand, customer_id, network, identity_key, handle, name, followers
						FROM unnest(:ids::uuid[], :customers::uuid[], :networks::text[], :keys::text[], :handles::text[], :names::text[], :followers::bigint[])
						     AS t(id, customer_id, network, identity_key, handle, name, followers)""")
			.param("org", tenant.organisation().value())
			.param("brand", tenant.brand().value())
			.param("ids", ids)
			.param("customers", customerIds)
			.param("networks", networks)
			.param("keys", keys)
			.param("handles", handles)
			.param("names", names)
			.param("followers", followers)
			.update();
		return inserted;
	}

}
