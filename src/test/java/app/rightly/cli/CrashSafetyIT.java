package app.rightly.cli;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Acknowledged means durable: 100,000 messages are posted, the server is killed with
 * SIGKILL in the middle, restarted, and everything is posted again. Every message
 * acknowledged before the kill is there right after the restart, and in the end every
 * message is there exactly once.
 */
class CrashSafetyIT {

	static final int TOTAL = 100_000;

	static final int BATCH = 500;

	@TempDir
	Path dataDir;

	@AfterEach
	void reap() {
		RightlyProcess.reap(dataDir);
	}

	static String batch(int b) {
		StringBuilder json = new StringBuilder("[");
		for (int j = 0; j < BATCH; j++) {
			int i = b * BATCH + j;
			if (j > 0) {
				json.append(',');
			}
			json.append("{\"channel\": {\"kind\": \"api\", \"name\": \"crash\"}, \"externalId\": \"c-")
				.append(i)
				.append("\", \"author\": {\"handle\": \"@c")
				.append(i % 1500)
				.append("\", \"followers\": ")
				.append(i % 900)
				.append("}, \"text\": \"message ")
				.append(i)
				.append(" — still waiting 🙁\", \"createdAt\": \"2026-11-20T10:")
				.append(String.format("%02d", i % 60))
				.append(":00+00:00\"}");
		}
		return json.append(']').toString();
	}

	@Test
	void acknowledgedMessagesSurviveAHardKillAndResendingStoresEachExactlyOnce() throws Exception {
		var server = RightlyProcess.serve(dataDir, "--demo");
		String token = RightlyProcess
			.run("token", "create", "--email", "demo@rightly.local", "--data-dir", dataDir.toString())
			.out()
			.strip();
		String url = server.url("/api/v1/brands/skyward/messages");

		Set<Integer> acknowledged = ConcurrentHashMap.newKeySet();
		AtomicInteger next = new AtomicInteger();
		ExecutorService clients = Executors.newFixedThreadPool(2);
		for (int t = 0; t < 2; t++) {
			clients.submit(() -> {
				for (int b = next.getAndIncrement(); b < TOTAL / BATCH; b = next.getAndIncrement()) {
					try {
						HttpResponse<String> response = RightlyProcess.post(url, token, batch(b));
						if (response.statusCode() == 200) {
							acknowledged.add(b);
						}
					}
					catch (Exception ex) {
						return null; // the server is gone
					}
				}
				return null;
			});
		}
		while (acknowledged.size() < 80) {
			Thread.sleep(20);
		}
		server.killHard(); // mid-stream: the clients have batches in flight
		clients.shutdown();
		assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
		assertThat(acknowledged.size()).isLessThan(TOTAL / BATCH);

		var restarted = RightlyProcess.serve(dataDir);
		Set<String> stored = storedIds(restarted, token);
		for (int b : acknowledged) {
			for (int j = 0; j < BATCH; j++) {
				assertThat(stored).as("message c-%d was acknowledged before the kill", b * BATCH + j)
					.contains("c-" + (b * BATCH + j));
			}
		}

		String again = restarted.url("/api/v1/brands/skyward/messages");
		for (int b = 0; b < TOTAL / BATCH; b++) {
			HttpResponse<String> response = RightlyProcess.post(again, token, batch(b));
			assertThat(response.statusCode()).isEqualTo(200);
			List<String> statuses = JsonPath.read(response.body(), "$.results[*].status");
			assertThat(statuses).allMatch(s -> s.equals("created") || s.equals("duplicate"));
			if (acknowledged.contains(b)) {
				assertThat(statuses).as("an acknowledged batch is all duplicates").containsOnly("duplicate");
			}
		}
		Set<String> all = storedIds(restarted, token);
		assertThat(all).hasSize(TOTAL);
		restarted.stop();
	}

	/**
	 * Every external id on the channel, paging through the API; fails on a message seen
	 * twice.
	 */
	static Set<String> storedIds(RightlyProcess.Server server, String token) throws Exception {
		Set<String> ids = new HashSet<>();
		String cursor = "";
		do {
			HttpResponse<String> page = RightlyProcess.get(
					server.url("/api/v1/brands/skyward/messages?channel=api:crash&limit=1000&cursor=" + cursor), token);
			assertThat(page.statusCode()).isEqualTo(200);
			List<String> externalIds = JsonPath.read(page.body(), "$.items[*].externalId");
			for (String id : externalIds) {
				assertThat(ids.add(id)).as("%s is stored once", id).isTrue();
			}
			String nextCursor = JsonPath.read(page.body(), "$.nextCursor");
			cursor = nextCursor == null ? null : nextCursor;
		}
		while (cursor != null);
		return ids;
	}

}
