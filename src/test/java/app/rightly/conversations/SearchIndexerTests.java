package app.rightly.conversations;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import app.rightly.channels.Channels;
import app.rightly.conversations.IncomingMessage.Direction;
import app.rightly.conversations.IncomingMessage.Sender;
import app.rightly.conversations.IncomingMessage.Visibility;
import app.rightly.shared.Tenant;
import app.rightly.tenancy.ApiTokens;
import app.rightly.tenancy.TenancyFixtures;
import app.rightly.tenancy.TenancyManagement;
import app.rightly.testing.RightlyIntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@RightlyIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchIndexerTests {

	@Autowired
	MessageIngestion ingestion;

	@Autowired
	SearchIndexer indexer;

	@Autowired
	TenancyManagement tenancy;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	Channels channels;

	TenancyFixtures.Agency agency;

	@BeforeAll
	void agency() {
		agency = new TenancyFixtures(tenancy, tokens).anAgencyWithTwoBrands();
		for (Tenant t : List.of(agency.brand().tenant(), agency.otherBrand().tenant())) {
			channels.ensure(t, ConversationFixtures.X);
		}
	}

	static IncomingMessage saying(String word) {
		return new IncomingMessage(ConversationFixtures.X, UUID.randomUUID().toString(), Direction.INBOUND,
				new Sender("@" + word, null, null, 10L), "@brand " + word + " please", Instant.now(), Visibility.PUBLIC,
				null, null, java.util.Map.of());
	}

	boolean indexed(String word) {
		return jdbc.sql("SELECT count(*) FROM conversation_search WHERE words @@ plainto_tsquery('simple', :w)")
			.param("w", word)
			.query(Integer.class)
			.single() > 0;
	}

	@Test
	void aMessageCommittedAfterAHigherNumberIsStillIndexed() throws Exception {
		String early = "straggler" + UUID.randomUUID().toString().substring(0, 8);
		String late = "overtaker" + UUID.randomUUID().toString().substring(0, 8);
		CountDownLatch written = new CountDownLatch(1);
		CountDownLatch commit = new CountDownLatch(1);
		// the first message gets its number, then its transaction stays open…
		CompletableFuture<Void> slow = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(s -> {
			ingestion.ingest(agency.brand().tenant(), List.of(saying(early)));
			written.countDown();
			try {
				commit.await(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}));
		assertThat(written.await(30, TimeUnit.SECONDS)).isTrue();
		// …while a later one (another brand: no lock shared) commits and the indexer runs
		ingestion.ingest(agency.otherBrand().tenant(), List.of(saying(late)));
		CompletableFuture<Integer> indexing = CompletableFuture.supplyAsync(indexer::indexBatch);
		Thread.sleep(300);
		commit.countDown();
		slow.get(30, TimeUnit.SECONDS);
		indexing.get(30, TimeUnit.SECONDS);
		indexer.catchUp();
		assertThat(indexed(late)).isTrue();
		assertThat(indexed(early)).as("the message that committed last").isTrue();
	}

	@Test
	void catchingUpWaitsForABatchAnotherIndexerIsWriting() throws Exception {
		String word = "waited" + UUID.randomUUID().toString().substring(0, 8);
		ingestion.ingest(agency.brand().tenant(), List.of(saying(word)));
		CountDownLatch held = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		// another indexer holds the progress row, as the background round does while it
		// writes a batch
		CompletableFuture<Void> other = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(s -> {
			jdbc.sql("SELECT last_seq FROM search_progress WHERE id = 1 FOR UPDATE").query(Long.class).single();
			held.countDown();
			try {
				release.await(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}));
		try {
			assertThat(held.await(30, TimeUnit.SECONDS)).isTrue();
			CompletableFuture<Integer> catchingUp = CompletableFuture.supplyAsync(indexer::catchUp);
			Thread.sleep(300);
			assertThat(catchingUp).as("waits instead of failing").isNotDone();
			release.countDown();
			catchingUp.get(30, TimeUnit.SECONDS);
		}
		finally {
			release.countDown();
			other.get(30, TimeUnit.SECONDS);
		}
		assertThat(indexed(word)).isTrue();
	}

}
