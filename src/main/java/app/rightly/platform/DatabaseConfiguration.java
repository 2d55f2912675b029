package app.rightly.platform;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one {@link DataSource} of the application: an external PostgreSQL when
 * {@code RIGHTLY_DB_URL} is set, otherwise the embedded one under the data dir.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PlatformSettings.class)
class DatabaseConfiguration {

	@Bean(destroyMethod = "close")
	DatabaseServer databaseServer(PlatformSettings settings) {
		PlatformSettings.Db db = settings.db();
		if (db.external()) {
			return new ExternalDatabaseServer(db.url().trim(), db.user(), db.password());
		}
		return EmbeddedDatabaseServer.start(settings.dataDir(), db.embeddedPort(), settings.attachToRunning());
	}

	@Bean(destroyMethod = "close")
	HikariDataSource dataSource(DatabaseServer server, PlatformSettings settings) {
		HikariConfig config = new HikariConfig();
		config.setPoolName("rightly");
		config.setJdbcUrl(server.jdbcUrl());
		if (!server.user().isBlank()) {
			config.setUsername(server.user());
		}
		if (!server.password().isBlank()) {
			config.setPassword(server.password());
		}
		config.setMaximumPoolSize(settings.db().poolSize());
		config.setMinimumIdle(Math.min(2, settings.db().poolSize()));
		return new HikariDataSource(config);
	}

}
