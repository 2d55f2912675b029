package app.rightly.conversations;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import app.rightly.channels.ChannelKey;
import app.rightly.channels.Channels;
import app.rightly.conversations.IncomingMessage.Direction;
import app.rightly.conversations.IncomingMessage.Sender;
import app.rightly.conversations.IncomingMessage.Visibility;
import app.rightly.conversations.IngestResult.Status;
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

import static app.rightly.conversations.ConversationFixtures.aComplaint;
import static app.rightly.conversations.ConversationFixtures.aCustomerReply;
import static app.rightly.conversations.ConversationFixtures.aReplyFromTheBrand;
import static app.rightly.conversations.ConversationFixtures.anEmail;
import static org.assertj.core.api.Assertions.assertThat;

@RightlyIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MessageIngestionTests {

	static final Instant T0 = Instant.parse("2026-11-01T09:00:00Z");

	@Autowired
	MessageIngestion ingestion;

	@Autowired
	ConversationQueries queries;

	@Autowired
	TenancyManagement tenancy;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	TenancyFixtures.Agency agency;

	Tenant tenant;

	@Autowired
	Channels channels;

	@BeforeAll
	void agency() {
		agency = new TenancyFixtures(tenancy, tokens).anAgencyWithTwoBrands();
		tenant = agency.brand().tenant();
		for (Tenant t : List.of(tenant, agency.otherBrand().tenant())) {
			channels.ensure(t, ConversationFixtures.X);
			channels.ensure(t, ConversationFixtures.EMAIL);
		}
	}

	static String id() {
		return UUID.randomUUID().toString();
	}

	@Test
	void theSameBatchTwiceStoresEachMessageOnce() {
		List<IncomingMessage> batch = List.of(aComplaint(id(), "@a" + id(), T0), aComplaint(id(), "@b" + id(), T0));
		List<IngestResult> first = ingestion.ingest(tenant, batch);
		List<IngestResult> second = ingestion.ingest(tenant, batch);
		assertThat(first).extracting(IngestResult::status).containsExactly(Status.CREATED, Status.CREATED);
		assertThat(second).extracting(IngestResult::status).containsExactly(Status.DUPLICATE, Status.DUPLICATE);
		assertThat(second).extracting(IngestResult::messageId)
			.isEqualTo(first.stream().map(IngestResult::messageId).toList());
	}

	@Test
	void aDuplicateInsideOneBatchIsReportedAsSuch() {
		IncomingMessage m = aComplaint(id(), "@c" + id(), T0);
		List<IngestResult> results = ingestion.ingest(tenant, List.of(m, m));
		assertThat(results).extracting(IngestResult::status).containsExactly(Status.CREATED, Status.DUPLICATE);
		assertThat(results.get(1).messageId()).isEqualTo(results.get(0).messageId());
	}

	@Test
	void concurrentPostsOfTheSameMessageStoreItOnce() throws Exception {
		IncomingMessage m = aComplaint(id(), "@d" + id(), T0);
		ExecutorService pool = Executors.newFixedThreadPool(6);
		try {
			List<Future<List<IngestResult>>> futures = new ArrayList<>();
			for (int i = 0; i < 12; i++) {
				futures.add(pool.submit((Callable<List<IngestResult>>) () -> ingestion.ingest(tenant, List.of(m))));
			}
			long created = 0;
			for (var f : futures) {
				created += f.get().stream().filter(r -> r.status() == Status.CREATED).count();
			}
			assertThat(created).isEqualTo(1);
		}
		finally {
			pool.shutdown();
		}
		assertThat(jdbc.sql("SELECT count(*) FROM message WHERE brand_id = :b AND external_id = :e")
			.param("b", tenant.brand().value())
			.param("e", m.externalId())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void repliesJoinTheConversationTheyAnswer() {
		String handle = "@e" + id();
		IncomingMessage complaint = aComplaint(id(), handle, T0);
		IncomingMessage reply = aReplyFromTheBrand(id(), complaint.externalId(), T0.plusSeconds(600));
		IncomingMessage answer = aCustomerReply(id(), handle, reply.externalId(), T0.plus(Duration.ofDays(3)));
		List<IngestResult> results = ingestion.ingest(tenant, List.of(complaint, reply));
		List<IngestResult> later = ingestion.ingest(tenant, List.of(answer));
		assertThat(results.get(1).conversationId()).isEqualTo(results.get(0).conversationId());
		assertThat(later.get(0).conversationId()).as("a reply joins even after the gap")
			.isEqualTo(results.get(0).conversationId());
	}

	@Test
	void aCustomersNextPostJoinsTheirConversationWithinTheGapAndOpensANewOneAfterIt() {
		String handle = "@f" + id();
		List<IngestResult> results = ingestion.ingest(tenant,
				List.of(aComplaint(id(), handle, T0), aComplaint(id(), handle, T0.plus(Duration.ofHours(5))),
						aComplaint(id(), handle, T0.plus(Duration.ofHours(40)))));
		assertThat(results.get(1).conversationId()).isEqualTo(results.get(0).conversationId());
		assertThat(results.get(2).conversationId()).isNotEqualTo(results.get(0).conversationId());
	}

	@Test
	void theSameHandleInAnotherCaseIsTheSameCustomer() {
		String handle = "@Mixed" + id().substring(0, 8);
		ingestion.ingest(tenant, List.of(aComplaint(id(), handle, T0), aComplaint(id(), handle.toLowerCase(), T0)));
		assertThat(customersWithHandle(handle.toLowerCase())).isEqualTo(1);
	}

	@Test
	void theSameEmailOnAnotherChannelIsTheSameCustomer() {
		String address = "maya." + id().substring(0, 8) + "@example.com";
		IncomingMessage onX = new IncomingMessage(ConversationFixtures.X, id(), Direction.INBOUND,
				new Sender("@maya" + id().substring(0, 6), "Maya", address, 10L), "hello", T0, Visibility.PUBLIC, null,
				null, java.util.Map.of());
		ingestion.ingest(tenant, List.of(onX));
		ingestion.ingest(tenant, List.of(anEmail(id(), address.toUpperCase(), T0.plusSeconds(60))));
		long customers = jdbc.sql("""
				SELECT count(DISTINCT m.customer_id) FROM message m
				JOIN customer_identity i ON i.customer_id = m.customer_id
				WHERE m.brand_id = :b AND i.network = 'email' AND i.identity_key = :e""")
			.param("b", tenant.brand().value())
			.param("e", address.toLowerCase())
			.query(Long.class)
			.single();
		assertThat(customers).isEqualTo(1);
	}

	@Test
	void messagesOfOneBrandAreInvisibleToAnother() {
		IncomingMessage m = aComplaint(id(), "@g" + id(), T0);
		Tenant other = agency.otherBrand().tenant();
		long before = queries.stats(other).messages();
		assertThat(ingestion.ingest(tenant, List.of(m)).get(0).status()).isEqualTo(Status.CREATED);
		assertThat(queries.stats(other).messages()).isEqualTo(before);
		assertThat(ingestion.ingest(other, List.of(m)).get(0).status()).as("the same external id in another brand")
			.isEqualTo(Status.CREATED);
	}

	@Test
	void invalidMessagesAreRejectedAndTheRestStored() {
		IncomingMessage bad = new IncomingMessage(new ChannelKey("api", "test"), id(), Direction.INBOUND,
				new Sender("@h", null, null, null), "", T0, Visibility.PUBLIC, null, null, java.util.Map.of());
		List<IngestResult> results = ingestion.ingest(tenant, List.of(bad, aComplaint(id(), "@h" + id(), T0)));
		assertThat(results).extracting(IngestResult::status).containsExactly(Status.REJECTED, Status.CREATED);
		assertThat(results.get(0).errors()).extracting(e -> e.field()).containsExactly("text");
	}

	@Test
	void textIsStoredExactly() {
		String text = "<script>alert(1)</script> «quotes» 🙂 مرحبا \n\ttabs and  double  spaces ";
		IncomingMessage m = new IncomingMessage(new ChannelKey("api", "test"), id(), Direction.INBOUND,
				new Sender("@exact", null, null, null), text, T0, Visibility.PUBLIC, null, null, java.util.Map.of());
		UUID stored = ingestion.ingest(tenant, List.of(m)).get(0).messageId();
		assertThat(jdbc.sql("SELECT text FROM message WHERE id = :id").param("id", stored).query(String.class).single())
			.isEqualTo(text);
	}

	@Test
	void anUnknownChannelOfAClosedKindIsRejectedAndAnApiChannelIsCreated() {
		IncomingMessage onUnknown = new IncomingMessage(new ChannelKey("instagram", "@never-set-up"), id(),
				Direction.INBOUND, new Sender("@i", null, null, null), "hello", T0, Visibility.PUBLIC, null, null,
				java.util.Map.of());
		IncomingMessage onApi = new IncomingMessage(new ChannelKey("api", "zapier-" + id()), id(), Direction.INBOUND,
				new Sender("@i", null, null, null), "hello", T0, Visibility.PUBLIC, null, null, java.util.Map.of());
		List<IngestResult> results = ingestion.ingest(tenant, List.of(onUnknown, onApi));
		assertThat(results).extracting(IngestResult::status).containsExactly(Status.REJECTED, Status.CREATED);
		assertThat(results.get(0).errors()).extracting(e -> e.field()).containsExactly("channel");
	}

	@Test
	void inboundMessagesAreAnalysedOnArrivalAndTheBrandsRepliesAreNot() {
		IncomingMessage complaint = aComplaint(id(), "@k" + id(), T0);
		IncomingMessage reply = aReplyFromTheBrand(id(), complaint.externalId(), T0.plusSeconds(60));
		List<IngestResult> results = ingestion.ingest(tenant, List.of(complaint, reply));
		assertThat(jdbc.sql("SELECT analysis->'sentiment'->>'label' FROM message WHERE id = :id")
			.param("id", results.get(0).messageId())
			.query(String.class)
			.single()).isIn("negative", "neutral", "positive");
		assertThat(jdbc.sql("SELECT analysis IS NULL FROM message WHERE id = :id")
			.param("id", results.get(1).messageId())
			.query(Boolean.class)
			.single()).isTrue();
	}

	@Test
	void privateMessagesStayInOneConversationForDays() {
		String address = "p." + id().substring(0, 8) + "@example.com";
		List<IngestResult> results = ingestion.ingest(tenant,
				List.of(anEmail(id(), address, T0), anEmail(id(), address, T0.plus(Duration.ofDays(3))),
						anEmail(id(), address, T0.plus(Duration.ofDays(12)))));
		assertThat(results.get(1).conversationId()).isEqualTo(results.get(0).conversationId());
		assertThat(results.get(2).conversationId()).isNotEqualTo(results.get(0).conversationId());
	}

	@Test
	void aNewCustomerMessageReopensAResolvedConversation() {
		String handle = "@r" + id();
		UUID conversation = ingestion.ingest(tenant, List.of(aComplaint(id(), handle, T0))).get(0).conversationId();
		jdbc.sql("UPDATE conversation SET status = 'resolved' WHERE id = :id").param("id", conversation).update();
		ingestion.ingest(tenant, List.of(aComplaint(id(), handle, T0.plus(Duration.ofHours(2)))));
		assertThat(jdbc.sql("SELECT status FROM conversation WHERE id = :id")
			.param("id", conversation)
			.query(String.class)
			.single()).isEqualTo("open");
	}

	long customersWithHandle(String key) {
		return jdbc
			.sql("SELECT count(DISTINCT customer_id) FROM customer_identity WHERE brand_id = :b AND identity_key = :k")
			.param("b", tenant.brand().value())
			.param("k", key.substring(1))
			.query(Long.class)
			.single();
	}

}
