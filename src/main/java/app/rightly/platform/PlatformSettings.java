package app.rightly.platform;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where Rightly keeps its files and which database it uses.
 *
 * @param dataDir the data directory: the embedded database, logs and lock live here
 * @param db the external database; when its URL is blank, an embedded PostgreSQL runs
 * under {@code dataDir}
 * @param attachToRunning whether a second process (a CLI command) may use the embedded
 * database of a server already running on the same data dir instead of refusing to start
 */
@ConfigurationProperties("rightly")
public record PlatformSettings(@DefaultValue("./data") Path dataDir, @DefaultValue Db db,
		@DefaultValue("false") boolean attachToRunning) {

	/**
	 * @param url JDBC URL of an external PostgreSQL server; blank for the embedded one
	 * @param user user name for the external server
	 * @param password password for the external server
	 * @param poolSize maximum connections in the pool
	 * @param embeddedPort fixed port for the embedded server; 0 picks a free one
	 */
	public record Db(@DefaultValue("") String url, @DefaultValue("") String user, @DefaultValue("") String password,
			@DefaultValue("10") int poolSize, @DefaultValue("0") int embeddedPort) {

		public boolean external() {
			return url != null && !url.isBlank();
		}

	}

}
