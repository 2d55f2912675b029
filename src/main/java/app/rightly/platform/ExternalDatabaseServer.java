package app.rightly.platform;

import java.net.URI;

/** A PostgreSQL server run by someone else, named by {@code RIGHTLY_DB_URL}. */
record ExternalDatabaseServer(String jdbcUrl, String user, String password) implements DatabaseServer {

	ExternalDatabaseServer {
		if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
			throw new IllegalArgumentException(
					"RIGHTLY_DB_URL must be a PostgreSQL JDBC URL (jdbc:postgresql://host:port/database), not: "
							+ withoutQuery(jdbcUrl));
		}
	}

	@Override
	public String describe() {
		return "external PostgreSQL at " + withoutQuery(jdbcUrl.substring("jdbc:".length()));
	}

	/** Query parameters may carry credentials; logs never show them. */
	private static String withoutQuery(String url) {
		int q = url.indexOf('?');
		String bare = q < 0 ? url : url.substring(0, q);
		try {
			URI uri = URI.create(bare.startsWith("jdbc:") ? bare.substring(5) : bare);
			if (uri.getUserInfo() != null) {
				return bare.replace(uri.getUserInfo() + "@", "");
			}
		}
		catch (IllegalArgumentException ex) {
			// not a URI we can parse: show it without the query part
		}
		return bare;
	}

	@Override
	public void close() {
		// someone else's server: nothing to stop
	}

}
