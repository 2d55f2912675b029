package app.rightly.channels;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import app.rightly.shared.Ids;
import app.rightly.shared.InvalidInputException;
import app.rightly.shared.NotFoundException;
import app.rightly.shared.Tenant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A brand's channels: listed, found by kind and name, created. */
@Service
@Transactional
public class Channels {

	private final JdbcClient jdbc;

	Channels(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A channel of a brand. */
	public record Channel(UUID id, String kind, String name) {

		public ChannelKey key() {
			return new ChannelKey(kind, name);
		}

	}

	/** Which unknown channels may be created on first use. */
	public enum Creation {

		/**
		 * Only the open kinds, {@code api} and {@code import} (what API clients may do).
		 */
		OPEN_KINDS,
		/**
		 * Any kind Rightly knows (a channel set up by a manager, the operator's import,
		 * the demo).
		 */
		ANY_KNOWN_KIND;

		boolean allows(ChannelKey key) {
			return ChannelKinds.OPEN.contains(key.kind()) || (this == ANY_KNOWN_KIND && ChannelKinds.known(key.kind()));
		}

	}

	/**
	 * The channel, created when it does not exist yet.
	 * @throws InvalidInputException when its kind is not one Rightly knows
	 */
	public Channel ensure(Tenant tenant, ChannelKey key) {
		if (key.name().isEmpty() || key.name().length() > 100) {
			throw new InvalidInputException("name", "must be 1 to 100 characters");
		}
		Channel channel = resolveAll(tenant, List.of(key), Creation.ANY_KNOWN_KIND).get(key);
		if (channel == null) {
			throw new InvalidInputException("kind",
					"unknown kind '" + key.kind() + "'; use one of " + ChannelKinds.describe());
		}
		return channel;
	}

	/**
	 * The channels named: existing ones, and new ones where {@code creation} allows. A
	 * key missing from the answer names a channel that does not exist and may not be
	 * created.
	 */
	public Map<ChannelKey, Channel> resolveAll(Tenant tenant, Collection<ChannelKey> keys, Creation creation) {
		Map<ChannelKey, Channel> found = new HashMap<>();
		for (ChannelKey key : new LinkedHashSet<>(keys)) {
			Optional<Channel> existing = find(tenant, key);
			if (existing.isPresent()) {
				found.put(key, existing.get());
			}
			else if (creation.allows(key)) {
				jdbc.sql(
						"""
								INSERT INTO channel (id, organisation_id, brand_id, kind, name) VALUES (:id, :org, :brand, :kind, :name)
								ON CONFLICT (brand_id, kind, name) DO NOTHING""")
					.param("id", Ids.newId())
					.param("org", tenant.organisation().value())
					.param("brand", tenant.brand().value())
					.param("kind", key.kind())
					.param("name", key.name())
					.update();
				found.put(key, find(tenant, key).orElseThrow());
			}
		}
		return found;
	}

	@Transactional(readOnly = true)
	public Optional<Channel> find(Tenant tenant, ChannelKey key) {
		return jdbc.sql(
				"SELECT id, kind, name FROM channel WHERE organisation_id = :org AND brand_id = :brand AND kind = :kind AND name = :name")
			.param("org", tenant.organisation().value())
			.param("brand", tenant.brand().value())
			.param("kind", key.kind())
			.param("name", key.name())
			.query(Channels::channel)
			.optional();
	}

	@Transactional(readOnly = true)
	public Optional<Channel> find(Tenant tenant, UUID id) {
		return jdbc
			.sql("SELECT id, kind, name FROM channel WHERE organisation_id = :org AND brand_id = :brand AND id = :id")
			.param("org", tenant.organisation().value())
			.param("brand", tenant.brand().value())
			.param("id", id)
			.query(Channels::channel)
			.optional();
	}

	/**
	 * Where the channel's replies go: a webhook URL (http or https) signed with the
	 * secret, or nowhere ({@code null}: agents post replies by hand).
	 */
	@Transactional
	public void setReplyWebhook(Tenant tenant, UUID id, String url, String secret) {
		if (url != null && !url.isBlank()) {
			try {
				java.net.URI uri = new java.net.URI(url.strip());
				if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
						|| uri.getHost() == null) {
					throw new InvalidInputException("url", "must be an http or https URL");
				}
			}
			catch (java.net.URISyntaxException ex) {
				throw new InvalidInputException("url", "must be an http or https URL");
			}
			if (secret == null || secret.length() < 16 || secret.length() > 200) {
				throw new InvalidInputException("secret", "must be 16 to 200 characters");
			}
		}
		boolean none = url == null || url.isBlank();
		int updated = jdbc.sql("""
				UPDATE channel SET reply_webhook_url = :url, reply_webhook_secret = :secret
				WHERE organisation_id = :org AND brand_id = :brand AND id = :id""")
			.param("url", none ? null : url.strip())
			.param("secret", none ? null : secret)
			.param("org", tenant.organisation().value())
			.param("brand", tenant.brand().value())
			.param("id", id)
			.update();
		if (updated == 0) {
			throw new NotFoundException("channel");
		}
	}

	/**
	 * Sends the channel's replies by e-mail through an SMTP server, from {@code from};
	 * {@code host} null turns it off.
	 */
	@Transactional
	public void setReplyEmail(Tenant tenant, UUID id, String host, Integer port, boolean starttls, String username,
			String password, String from) {
		boolean off = host == null || host.isBlank();
		if (!off) {
			List<InvalidInputException.FieldError> errors = new java.util.ArrayList<>();
			if (!host.strip().matches("[A-Za-z0-9.-]{1,253}")) {
				errors.add(new InvalidInputException.FieldError("host", "must be a host name or address"));
			}
			if (port == null || port < 1 || port > 65535) {
				errors.add(new InvalidInputException.FieldError("port", "must be 1 to 65535"));
			}
			if (from == null || !from.strip().matches("[^@\\s<>]+@[^@\\s<>]+\\.[^@\\s<>]+")) {
				errors.add(new InvalidInputException.FieldError("from", "must be an e-mail address"));
			}
			if (!errors.isEmpty()) {
				throw new InvalidInputException(errors);
			}
		}
		int updated = jdbc.sql("""
				UPDATE channel SET reply_smtp_host = :host, reply_smtp_port = :port, reply_smtp_starttls = :tls,
				    reply_smtp_username = :username, reply_smtp_password = :password, reply_from = :from
				WHERE organisation_id = :org AND brand_id = :brand AND id = :id""")
			.param("host", off ? null : host.strip())
			.param("port", off ? null : port)
			.param("tls", starttls)
			.param("username", off || username == null || username.isBlank() ? null : username)
			.param("password", off || password == null || password.isBlank() ? null : password)
			.param("from", off ? null : from.strip())
			.param("org", tenant.organisation().value())
			.param("brand", tenant.brand().value())
			.param("id", id)
			.update();
		if (updated == 0) {
			throw new NotFoundException("channel");
		}
	}

	@Transactional(readOnly = true)
	public List<Channel> list(Tenant tenant) {
		return jdbc.sql(
				"SELECT id, kind, name FROM channel WHERE organisation_id = :org AND brand_id = :brand ORDER BY kind, name")
			.param("org", tenant.organisation().value())
			.param("brand", tenant.brand().value())
			.query(Channels::channel)
			.list();
	}

	private static Channel channel(ResultSet rs, int n) throws SQLException {
		return new Channel(rs.getObject("id", UUID.class), rs.getString("kind"), rs.getString("name"));
	}

}
