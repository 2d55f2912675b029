package app.rightly.platform;

import java.util.Arrays;

import app.rightly.testing.TestDatabase;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The migrations apply cleanly to an empty database: on the embedded server in ./mvnw
 * verify, and on the machine's own PostgreSQL when CI runs the db tests with
 * RIGHTLY_TEST_PG_URL.
 */
@Tag("db")
class MigrationTests {

	@Test
	void everyMigrationAppliesToAnEmptyDatabaseAndValidates() {
		TestDatabase.Connection empty = TestDatabase.newEmptyDatabase("rightly_migrations");
		try {
			migrate(empty);
		}
		finally {
			TestDatabase.drop(empty);
		}
	}

	private static void migrate(TestDatabase.Connection empty) {
		Flyway flyway = Flyway.configure()
			.dataSource(empty.url(), empty.user(), empty.password())
			.locations("classpath:db/migration")
			.load();
		var result = flyway.migrate();
		assertThat(result.success).isTrue();
		assertThat(result.migrationsExecuted).isGreaterThanOrEqualTo(2);
		MigrationInfo[] applied = flyway.info().applied();
		assertThat(Arrays.stream(applied).map(MigrationInfo::getState)).containsOnly(MigrationState.SUCCESS);
		flyway.validate();
		assertThat(flyway.migrate().migrationsExecuted).as("a second run has nothing to do").isZero();
	}

}
