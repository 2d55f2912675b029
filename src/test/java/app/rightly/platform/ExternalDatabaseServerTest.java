package app.rightly.platform;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExternalDatabaseServerTest {

	@Test
	void logsNeverShowCredentials() {
		var server = new ExternalDatabaseServer("jdbc:postgresql://app:s3cret@db.example:5432/rightly?password=s3cret",
				"", "");
		assertThat(server.describe()).isEqualTo("external PostgreSQL at postgresql://db.example:5432/rightly");
	}

	@Test
	void onlyPostgresqlIsAccepted() {
		assertThatThrownBy(() -> new ExternalDatabaseServer("jdbc:mysql://localhost/x", "", ""))
			.hasMessageContaining("PostgreSQL JDBC URL");
	}

}
