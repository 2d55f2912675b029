package app.rightly.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar as a user runs it: the demo twice on one data dir, a hard kill and a
 * restart, a second server on the same data dir, and {@code token create} with and
 * without a server.
 */
class ServerProcessIT {

	@TempDir
	Path dataDir;

	@AfterEach
	void reap() {
		RightlyProcess.reap(dataDir);
	}

	@Test
	void aHardKillLosesNothingAndTheDemoIsNeverDuplicated() throws Exception {
		var server = RightlyProcess.serve(dataDir, "--demo");
		String log = Files.readString(server.log());
		assertThat(log).contains("Rightly is running at http://localhost:" + server.port())
			.contains("embedded PostgreSQL in " + dataDir.resolve("postgres"))
			.contains("demo@rightly.local / demo");

		var token = RightlyProcess.run("token", "create", "--email", "demo@rightly.local", "--data-dir",
				dataDir.toString());
		assertThat(token.exit()).as(token.err()).isZero();
		String secret = token.out().strip();
		assertThat(secret).as("the token alone on standard output").startsWith("rly_").doesNotContain("\n");

		var created = RightlyProcess.post(server.url("/api/v1/brands"), secret,
				"{\"name\": \"Committed Before The Kill\"}");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String me = RightlyProcess.get(server.url("/api/v1/me"), secret).body();
		String stats = RightlyProcess.get(server.url("/api/v1/brands/skyward/stats"), secret).body();
		assertThat(me).contains("Committed Before The Kill").contains("skyward").contains("juniper");

		var second = RightlyProcess.run("serve", "--port", String.valueOf(RightlyProcess.freePort()), "--data-dir",
				dataDir.toString());
		assertThat(second.exit()).as("a second server on the same data dir").isNotZero();
		assertThat(second.err() + second.out()).contains("already running on the data dir");

		server.killHard();
		assertThat(RightlyProcess.running(dataDir)).as("the database outlives a kill -9").isPositive();

		var restarted = RightlyProcess.serve(dataDir, "--demo");
		assertThat(Files.readString(restarted.log())).contains("left running by an earlier Rightly process");
		assertThat(RightlyProcess.get(restarted.url("/api/v1/me"), secret).body()).isEqualTo(me);
		assertThat(RightlyProcess.get(restarted.url("/api/v1/brands/skyward/stats"), secret).body())
			.as("serve --demo again adds no demo data")
			.isEqualTo(stats);

		restarted.stop();
		assertThat(restarted.process().exitValue()).isIn(0, 143);
		Thread.sleep(500);
		assertThat(RightlyProcess.running(dataDir)).as("a normal stop stops the database too").isZero();

		var offline = RightlyProcess.run("token", "create", "--email", "demo@rightly.local", "--name", "offline",
				"--data-dir", dataDir.toString());
		assertThat(offline.exit()).as(offline.err()).isZero();
		assertThat(offline.out().strip()).startsWith("rly_");
		assertThat(RightlyProcess.running(dataDir)).as("the command stops the database it started").isZero();
	}

	@Test
	void tokenCreateForAnUnknownUserFailsWithAReason() throws Exception {
		var result = RightlyProcess.run("token", "create", "--email", "nobody@example.com", "--data-dir",
				dataDir.toString());
		assertThat(result.exit()).isEqualTo(1);
		assertThat(result.out()).isEmpty();
		assertThat(result.err()).contains("nobody@example.com");
	}

	@Test
	void unknownOptionsAreAClearErrorWithStatus2() throws Exception {
		var result = RightlyProcess.run("serve", "--no-such-option");
		assertThat(result.exit()).isEqualTo(2);
		assertThat(result.err()).contains("Unknown option: '--no-such-option'");
		assertThat(RightlyProcess.run("frobnicate").exit()).isEqualTo(2);
	}

	@Test
	void everyCommandExplainsItself() throws Exception {
		var help = RightlyProcess.run("--help");
		assertThat(help.exit()).isZero();
		assertThat(help.out()).contains("serve").contains("token");
		var serve = RightlyProcess.run("serve", "--help");
		assertThat(serve.out()).contains("--port").contains("RIGHTLY_PORT").contains("--data-dir").contains("--demo");
		var token = RightlyProcess.run("token", "create", "--help");
		assertThat(token.out()).contains("--email").contains("--name").contains("--data-dir");
	}

}
