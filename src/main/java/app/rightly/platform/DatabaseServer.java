package app.rightly.platform;

/**
 * The PostgreSQL server Rightly uses: an embedded one under the data dir, or an external
 * server. Closing it stops what this process started and nothing else.
 */
public sealed interface DatabaseServer extends AutoCloseable permits EmbeddedDatabaseServer, ExternalDatabaseServer {

	String jdbcUrl();

	String user();

	String password();

	/** Plain words for logs: which server, where. Never contains a password. */
	String describe();

	@Override
	void close();

}
