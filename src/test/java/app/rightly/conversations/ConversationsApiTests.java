package app.rightly.conversations;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import app.rightly.tenancy.ApiTokens;
import app.rightly.tenancy.TenancyFixtures;
import app.rightly.tenancy.TenancyManagement;
import app.rightly.testing.RightlyIntegrationTest;
import com.jayway.jsonpath.JsonPath;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The inbox by API: risk order and filters, assignment, status and reopening, notes, the
 * coach, replies needing confirmation, and delivery through a signed webhook with
 * retries.
 */
@RightlyIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConversationsApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TenancyManagement tenancy;

	@Autowired
	ApiTokens tokens;

	@Autowired
	OutboxDelivery outbox;

	@Autowired
	SearchIndexer indexer;

	TenancyFixtures.Agency agency;

	TenancyFixtures.Agency other;

	String base;

	final String run = "c" + UUID.randomUUID().toString().substring(0, 8);

	@BeforeAll
	void agencies() {
		TenancyFixtures fixtures = new TenancyFixtures(tenancy, tokens);
		agency = fixtures.anAgencyWithTwoBrands();
		other = fixtures.anAgencyWithTwoBrands();
		base = "/api/v1/brands/" + agency.brand().slug();
	}

	ResultActions call(MockHttpServletRequestBuilder request, TenancyFixtures.Person as, String body) throws Exception {
		request.header("Authorization", "Bearer " + as.token());
		if (body != null) {
			request.contentType("application/json").content(body);
		}
		return mvc.perform(request);
	}

	static String quote(String s) {
		return tools.jackson.databind.json.JsonMapper.shared().writeValueAsString(s);
	}

	/** Posts a customer message; answers its conversation id. */
	String customerSays(String channel, String handle, String text, long followers) throws Exception {
		String body = """
				{"channel": {"kind": "api", "name": "%s"}, "externalId": "%s", "direction": "inbound",
				 "author": {"handle": "%s", "name": "%s", "followers": %d}, "text": %s,
				 "createdAt": "2026-11-21T09:00:00Z", "visibility": "public"}""".formatted(channel, UUID.randomUUID(),
				handle, handle.substring(1), followers, quote(text));
		String out = call(post(base + "/messages"), agency.agent(), body).andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return JsonPath.read(out, "$.results[0].conversationId");
	}

	String read(String path, TenancyFixtures.Person as) throws Exception {
		return call(get(path), as, null).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	interface Check {

		boolean holds() throws Exception;

	}

	/**
	 * Delivers what is due until {@code done} holds (at most 10 s). The background
	 * delivery runs beside the test and may claim a reply first (a claimed row is
	 * skipped, not waited for), so one call of {@code deliverDue} proves nothing by
	 * itself.
	 */
	void deliverUntil(Check done) throws Exception {
		long until = System.nanoTime() + 10_000_000_000L;
		outbox.deliverDue();
		while (!done.holds() && System.nanoTime() < until) {
			Thread.sleep(20);
			outbox.deliverDue();
		}
	}

	List<String> deliveryStates(String conversation) throws Exception {
		return JsonPath.read(read(base + "/conversations/" + conversation, agency.agent()),
				"$.messages[*].delivery.state");
	}

	@Test
	void conversationsComeRiskiestFirstAndFilter() throws Exception {
		String angry = customerSays("risk", "@" + run + "angry",
				"@brand third time asking: my refund never came. You are thieves, I am telling my lawyer.", 250_000);
		String thanks = customerSays("risk", "@" + run + "thanks", "@brand thank you so much, the crew was lovely!",
				40);
		String page = read(base + "/conversations?sort=risk&status=open&limit=200", agency.agent());
		List<Integer> risks = JsonPath.read(page, "$.items[*].risk");
		assertThat(risks).isSortedAccordingTo((a, b) -> b - a);
		List<String> ids = JsonPath.read(page, "$.items[*].id");
		assertThat(ids.indexOf(angry)).isLessThan(ids.indexOf(thanks));
		assertThat(JsonPath.<String>read(page, "$.items[0].latest.analysis.sentiment.label")).isNotBlank();

		assertThat(JsonPath.<List<String>>read(read(base + "/conversations?q=" + run + "thanks", agency.agent()),
				"$.items[*].id"))
			.containsExactly(thanks);
		assertThat(
				JsonPath.<List<String>>read(read(base + "/conversations?q=thieves", agency.agent()), "$.items[*].id"))
			.contains(angry)
			.doesNotContain(thanks);
		// the same once the background indexer has indexed the words
		indexer.catchUp();
		assertThat(
				JsonPath.<List<String>>read(read(base + "/conversations?q=thieves", agency.agent()), "$.items[*].id"))
			.contains(angry)
			.doesNotContain(thanks);
		// a word on more conversations than a page: tested one by one, riskiest first;
		// the page is the same as when every match is collected, and so is the count
		String calm = customerSays("risk", "@" + run + "calm", "@brand thieves took my bag, can you help?", 10);
		call(post(base + "/conversations/" + calm + "/status"), agency.agent(), "{\"status\": \"pending\"}")
			.andExpect(status().isOk());
		String everyPage = read(base + "/conversations?q=thieves&limit=200", agency.agent());
		List<String> every = JsonPath.read(everyPage, "$.items[*].id");
		assertThat(every).hasSizeGreaterThan(1).contains(calm);
		assertThat(JsonPath.<Integer>read(everyPage, "$.total")).isEqualTo(every.size());
		String onePage = read(base + "/conversations?q=thieves&limit=1", agency.agent());
		assertThat(JsonPath.<List<String>>read(onePage, "$.items[*].id")).containsExactly(every.get(0));
		assertThat(JsonPath.<Integer>read(onePage, "$.next")).isEqualTo(1);
		assertThat(JsonPath.<Integer>read(onePage, "$.total")).isEqualTo(every.size());
		assertThat(JsonPath.<List<String>>read(
				read(base + "/conversations?q=thieves&status=open&limit=200", agency.agent()), "$.items[*].id"))
			.doesNotContain(calm);
		// every status (the API's default): one list in risk order, page after page
		String all = read(base + "/conversations?limit=200", agency.agent());
		assertThat(JsonPath.<List<Integer>>read(all, "$.items[*].risk")).isSortedAccordingTo((a, b) -> b - a);
		List<String> allIds = JsonPath.read(all, "$.items[*].id");
		assertThat(allIds).contains(calm, angry, thanks);
		for (int i = 0; i < 3; i++) {
			assertThat(JsonPath.<List<String>>read(read(base + "/conversations?limit=1&cursor=" + i, agency.agent()),
					"$.items[*].id"))
				.containsExactly(allIds.get(i));
		}
		assertThat(JsonPath.<List<String>>read(read(base + "/conversations?q=thieves&limit=1&cursor=1", agency.agent()),
				"$.items[*].id"))
			.containsExactly(every.get(1));
		assertThat(JsonPath.<List<String>>read(read(base + "/conversations?q=@" + run + "ANGRY", agency.agent()),
				"$.items[*].id"))
			.containsExactly(angry);
		assertThat(JsonPath.<List<String>>read(read(base + "/conversations?intent=praise&limit=200", agency.agent()),
				"$.items[*].id"))
			.contains(thanks)
			.doesNotContain(angry);
		assertThat(JsonPath.<List<String>>read(
				read(base + "/conversations?sentiment=negative&limit=200", agency.agent()), "$.items[*].id"))
			.contains(angry)
			.doesNotContain(thanks);
		// newest and oldest orders
		List<String> newest = JsonPath.read(read(base + "/conversations?sort=newest&limit=200", agency.agent()),
				"$.items[*].id");
		List<String> oldest = JsonPath.read(read(base + "/conversations?sort=oldest&limit=200", agency.agent()),
				"$.items[*].id");
		assertThat(newest).hasSameSizeAs(oldest);
		call(get(base + "/conversations?sort=loudest"), agency.agent(), null).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("sort"));
		// the response clock runs for an unanswered conversation
		assertThat(JsonPath.<String>read(read(base + "/conversations/" + angry, agency.agent()),
				"$.conversation.sla.target"))
			.isEqualTo("PT1H");
	}

	@Test
	void aSearchShowsTheRiskiestFirstBeforeTheIndexerHasReadTheirLatestMessages() throws Exception {
		String word = "quokka" + run;
		List<String> found = new java.util.ArrayList<>();
		for (int i = 0; i < 6; i++) {
			found.add(customerSays("hint", "@" + run + "q" + i, "@brand is the " + word + " lounge open? " + i,
					10L * (i + 1)));
		}
		indexer.catchUp();
		// the least risky one turns into the riskiest, and the indexer has not seen it
		// yet
		customerSays("hint", "@" + run + "q0",
				"@brand third time asking, nobody answers. I am calling my lawyer and the press, you are thieves",
				5_000_000);
		String every = read(base + "/conversations?q=" + word + "&limit=200", agency.agent());
		List<String> inOrder = JsonPath.read(every, "$.items[*].id");
		assertThat(JsonPath.<List<Integer>>read(every, "$.items[*].risk")).isSortedAccordingTo((a, b) -> b - a);
		assertThat(inOrder).containsExactlyInAnyOrderElementsOf(found).startsWith(found.get(0));
		for (int i = 0; i < found.size(); i++) {
			String page = read(base + "/conversations?q=" + word + "&limit=1&cursor=" + i, agency.agent());
			assertThat(JsonPath.<List<String>>read(page, "$.items[*].id")).containsExactly(inOrder.get(i));
			assertThat(JsonPath.<Integer>read(page, "$.total")).isEqualTo(found.size());
		}
	}

	@Test
	void filtersByTopicNeedsReviewAndChannelAndMarksUnread() throws Exception {
		String topic = JsonPath.read(call(post(base + "/topics"), agency.owner(), """
				{"kind": "promise", "name": "%s bags in 20 minutes", "description": "baggage promise",
				 "phrases": ["waiting for my bag"]}""".formatted(run)).andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.id");
		String bag = customerSays("topics" + run, "@" + run + "bag",
				"@brand 40 minutes waiting for my bag at the belt, where is it?", 10);
		String foreign = customerSays("topics" + run, "@" + run + "foreign",
				"Hola, ¿dónde está mi maleta? Llevo una hora esperando en el aeropuerto.", 10);
		String plain = customerSays("other" + run, "@" + run + "plain", "@brand thank you so much for the upgrade!",
				10);
		assertThat(JsonPath.<List<String>>read(
				read(base + "/conversations?topic=" + topic + "&limit=200", agency.agent()), "$.items[*].id"))
			.containsExactly(bag);
		// not analysed (not English): a person has to read it
		assertThat(JsonPath.<List<String>>read(read(base + "/conversations?review=true&limit=200", agency.agent()),
				"$.items[*].id"))
			.contains(foreign)
			.doesNotContain(plain);
		String channelId = JsonPath.read(read(base + "/conversations/" + plain, agency.agent()),
				"$.conversation.channel.id");
		assertThat(JsonPath.<List<String>>read(
				read(base + "/conversations?channel=" + channelId + "&limit=200", agency.agent()), "$.items[*].id"))
			.containsExactly(plain);
		call(get(base + "/conversations?channel=nope"), agency.agent(), null).andExpect(status().isBadRequest());
		// unread until this agent opens it (the owner has not)
		assertThat(JsonPath.<Boolean>read(read(base + "/conversations?topic=" + topic, agency.agent()),
				"$.items[0].unread"))
			.isTrue();
		read(base + "/conversations/" + bag, agency.agent());
		assertThat(JsonPath.<Boolean>read(read(base + "/conversations?topic=" + topic, agency.agent()),
				"$.items[0].unread"))
			.isFalse();
		assertThat(JsonPath.<Boolean>read(read(base + "/conversations?topic=" + topic, agency.owner()),
				"$.items[0].unread"))
			.isTrue();
		customerSays("topics" + run, "@" + run + "bag", "@brand still waiting for my bag", 10);
		assertThat(JsonPath.<Boolean>read(read(base + "/conversations?topic=" + topic, agency.agent()),
				"$.items[0].unread"))
			.isTrue();
	}

	@Test
	void aManagerFlagsAnAbusiveCustomerAndAnAgentCannot() throws Exception {
		String rude = customerSays("abuse" + run, "@" + run + "rude", "@brand you are useless idiots", 10);
		String customer = JsonPath.read(read(base + "/conversations/" + rude, agency.agent()),
				"$.conversation.customer.id");
		String flagUrl = base + "/customers/" + customer + "/abusive";
		call(put(flagUrl), agency.agent(), "{\"note\": \"insults\"}").andExpect(status().isForbidden());
		call(put("/api/v1/brands/" + other.brand().slug() + "/customers/" + customer + "/abusive"), other.owner(),
				"{\"note\": \"x\"}")
			.andExpect(status().isNotFound());
		call(put(flagUrl), agency.owner(), "{\"note\": " + quote("x".repeat(501)) + "}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("note"));
		call(put(flagUrl), agency.owner(), "{\"note\": \"insults agents by name\"}").andExpect(status().isOk())
			.andExpect(jsonPath("$.note").value("insults agents by name"));
		String detail = read(base + "/conversations/" + rude, agency.agent());
		assertThat(JsonPath.<String>read(detail, "$.customer.abusive.note")).isEqualTo("insults agents by name");
		assertThat(JsonPath.<Boolean>read(detail, "$.conversation.customer.abusive")).isTrue();
		call(delete(flagUrl), agency.owner(), null).andExpect(status().isNoContent());
		assertThat(JsonPath.<Boolean>read(read(base + "/conversations/" + rude, agency.agent()),
				"$.conversation.customer.abusive"))
			.isFalse();
	}

	@Test
	void assignStatusNotesAndReopening() throws Exception {
		String id = customerSays("work", "@" + run + "w", "@brand my bag never arrived, can you help?", 10);
		String path = base + "/conversations/" + id;
		call(post(path + "/assign"), agency.agent(), "{\"assignee\": \"%s\"}".formatted(agency.agent().id().value()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.assignee.id").value(agency.agent().id().value().toString()));
		assertThat(JsonPath.<List<String>>read(read(base + "/conversations?assignee=me&limit=200", agency.agent()),
				"$.items[*].id"))
			.contains(id);
		// a viewer is not a teammate who works the brand
		call(post(path + "/assign"), agency.agent(), "{\"assignee\": \"%s\"}".formatted(agency.viewer().id().value()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("assignee"));
		call(post(path + "/status"), agency.agent(), "{\"status\": \"snoozed\"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("snoozeUntil"));
		call(post(path + "/status"), agency.agent(), "{\"status\": \"resolved\"}").andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("resolved"));
		call(post(path + "/notes"), agency.agent(), "{\"text\": \"checked with baggage\"}")
			.andExpect(status().isCreated());
		// the customer writes again: the conversation opens again
		customerSays("work", "@" + run + "w", "@brand still nothing?", 10);
		String detail = read(path, agency.agent());
		assertThat(JsonPath.<String>read(detail, "$.conversation.status")).isEqualTo("open");
		assertThat(JsonPath.<List<String>>read(detail, "$.notes[*].text")).containsExactly("checked with baggage");
		assertThat(JsonPath.<List<String>>read(detail, "$.events[*].kind")).contains("assigned", "status", "note");
		assertThat(JsonPath.<String>read(detail, "$.stance.stance")).isEqualTo("make_it_right");
		// the customer card: identities and sentiment history
		assertThat(JsonPath.<List<String>>read(detail, "$.customer.identities[*].handle")).contains("@" + run + "w");
		assertThat(JsonPath.<List<String>>read(detail, "$.customer.history[*].sentiment")).hasSize(2);
		// walls: another organisation, and a viewer
		call(get("/api/v1/brands/" + agency.brand().id().value() + "/conversations/" + id), other.owner(), null)
			.andExpect(status().isNotFound());
		call(post(path + "/replies"), agency.viewer(), "{\"text\": \"hello\", \"confirm\": true}")
			.andExpect(status().isForbidden());
	}

	@Test
	void theCoachCatchesBlameAndASeriousReplyNeedsConfirmation() throws Exception {
		String id = customerSays("coach", "@" + run + "c",
				"@brand third time asking: my refund for order 5512 never came. This is a disgrace.", 5_000);
		String path = base + "/conversations/" + id;
		String bad = "You should have read our policy before booking. Per our policy refunds take 30 days.";
		String coached = call(post(path + "/coach"), agency.agent(), "{\"draft\": %s}".formatted(quote(bad)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(JsonPath.<List<String>>read(coached, "$.findings[*].type")).contains("blame", "policy");
		call(post(path + "/replies"), agency.agent(), "{\"text\": %s}".formatted(quote(bad)))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.state").value("needs_confirmation"));
		String good = "I'm so sorry your refund for order 5512 hasn't arrived, that's frustrating. "
				+ "I've escalated it to our payments team and I'll message you here by 5pm today.";
		call(post(path + "/coach"), agency.agent(), "{\"draft\": %s}".formatted(quote(good))).andExpect(status().isOk())
			.andExpect(jsonPath("$.findings").isEmpty());
		String sent = call(post(path + "/replies"), agency.agent(), "{\"text\": %s}".formatted(quote(good)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.state").value("manual"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String delivery = JsonPath.read(sent, "$.delivery.id");
		String detail = read(path, agency.agent());
		assertThat(JsonPath.<List<String>>read(detail, "$.messages[*].direction")).contains("outbound");
		assertThat(JsonPath.<Map<String, Object>>read(detail, "$.conversation")).as("answered: no clock")
			.doesNotContainKey("sla");
		call(post(path + "/replies/" + delivery + "/sent"), agency.agent(), null).andExpect(status().isNoContent());
		assertThat(JsonPath.<List<String>>read(read(path, agency.agent()), "$.messages[*].delivery.state"))
			.containsExactly("sent");
	}

	@Test
	void repliesGoOutThroughASignedWebhookWithRetries() throws Exception {
		List<Map<String, String>> received = new CopyOnWriteArrayList<>();
		AtomicInteger calls = new AtomicInteger();
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		String secret = "a-secret-of-twenty-chars";
		server.createContext("/hook", exchange -> {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			int n = calls.incrementAndGet();
			received.add(Map.of("body", body, "timestamp", exchange.getRequestHeaders().getFirst("X-Rightly-Timestamp"),
					"signature", exchange.getRequestHeaders().getFirst("X-Rightly-Signature"), "delivery",
					exchange.getRequestHeaders().getFirst("X-Rightly-Delivery")));
			int status = n == 1 ? 503 : 200; // the first attempt fails
			exchange.sendResponseHeaders(status, -1);
			exchange.close();
		});
		server.start();
		try {
			String id = customerSays("hooked", "@" + run + "h", "@brand where is my order?", 10);
			String channels = read(base + "/channels", agency.owner());
			String channel = JsonPath.<List<String>>read(channels, "$[?(@.name == 'hooked')].id").get(0);
			call(put(base + "/channels/" + channel + "/reply-webhook"), agency.owner(),
					"{\"url\": \"http://127.0.0.1:%d/hook\", \"secret\": \"%s\"}"
						.formatted(server.getAddress().getPort(), secret))
				.andExpect(status().isNoContent());
			call(put(base + "/channels/" + channel + "/reply-webhook"), agency.owner(),
					"{\"url\": \"ftp://nope\", \"secret\": \"%s\"}".formatted(secret))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("url"));
			// the reply is stored and queued; the server "stops" before delivering it
			String reply = call(post(base + "/conversations/" + id + "/replies"), agency.agent(),
					"{\"text\": \"I'm sorry for the wait. I'll check your order and reply here by 5pm.\"}")
				.andExpect(status().isCreated())
				.andExpect(jsonPath("$.state").value("queued"))
				.andReturn()
				.getResponse()
				.getContentAsString();
			String delivery = JsonPath.read(reply, "$.delivery.id");
			// a later start delivers it: the first attempt fails and is retried with
			// back-off
			deliverUntil(() -> calls.get() >= 1);
			assertThat(calls.get()).isEqualTo(1);
			// the retry waits 2 s
			assertThat(deliveryStates(id)).containsExactly("queued");
			org.springframework.jdbc.core.simple.JdbcClient jdbc = org.springframework.jdbc.core.simple.JdbcClient
				.create(dataSource);
			jdbc.sql("UPDATE outbox SET next_attempt_at = now() WHERE id = :id")
				.param("id", UUID.fromString(delivery))
				.update();
			deliverUntil(() -> deliveryStates(id).contains("sent"));
			outbox.deliverDue();
			assertThat(calls.get()).as("delivered exactly once after the retry").isEqualTo(2);
			assertThat(deliveryStates(id)).containsExactly("sent");
			// the signature checks out with the documented recipe
			Map<String, String> last = received.get(1);
			assertThat(last.get("delivery")).isEqualTo(delivery);
			assertThat(last.get("signature"))
				.isEqualTo("sha256=" + hmac(secret, last.get("timestamp") + "." + last.get("body")));
			assertThat(JsonPath.<String>read(last.get("body"), "$.text")).startsWith("I'm sorry for the wait");
		}
		finally {
			server.stop(0);
		}
	}

	@Test
	void aBrandSetsItsResponseTargets() throws Exception {
		String other = "/api/v1/brands/" + agency.otherBrand().slug();
		call(put(base + "/sla-policy"), agency.agent(), "{\"firstHigh\": 30}").andExpect(status().isForbidden());
		call(put(other + "/sla-policy"), agency.agent(), "{\"firstHigh\": 30}").andExpect(status().isNotFound());
		call(put(other + "/sla-policy"), agency.owner(), "{\"firstHigh\": 0, \"timeZone\": \"Mars/Olympus\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.hasItems("firstHigh", "timeZone")));
		call(put(other + "/sla-policy"), agency.owner(), """
				{"firstHigh": 30, "businessHours": true, "timeZone": "Europe/Paris", "workDays": [1,2,3,4,5],
				 "dayStart": "08:00", "dayEnd": "18:00"}""").andExpect(status().isOk())
			.andExpect(jsonPath("$.firstHigh").value(30))
			.andExpect(jsonPath("$.firstLow").value(1440))
			.andExpect(jsonPath("$.dayStart").value("08:00"));
		call(get(other + "/sla-policy"), agency.owner(), null).andExpect(jsonPath("$.businessHours").value(true));
		// the first brand keeps the default
		call(get(base + "/sla-policy"), agency.agent(), null).andExpect(jsonPath("$.firstHigh").value(60));
		// a channel kind with its own targets: an hour-old question is late on it (in
		// another agency, whose brand has no other rule)
		String theirs = "/api/v1/brands/" + this.other.brand().slug();
		String body = """
				{"channel": {"kind": "api", "name": "sla%s"}, "externalId": "%s", "direction": "inbound",
				 "author": {"handle": "@%ssla"}, "text": "where can I find my invoice?", "createdAt": "%s"}"""
			.formatted(run, UUID.randomUUID(), run, java.time.Instant.now().minusSeconds(3600));
		String conversation = JsonPath
			.read(call(post(theirs + "/messages"), this.other.owner(), body).andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString(), "$.results[0].conversationId");
		assertThat(JsonPath.<List<String>>read(
				read(theirs + "/conversations?breached=true&limit=200", this.other.owner()), "$.items[*].id"))
			.doesNotContain(conversation);
		call(put(theirs + "/sla-policy"), this.other.owner(),
				"{\"channels\": {\"pigeon\": {\"first\": 5, \"next\": 5}}}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("channels.pigeon"));
		call(put(theirs + "/sla-policy"), this.other.owner(),
				"{\"channels\": {\"api\": {\"first\": 30, \"next\": 45}}}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.channels.api.first").value(30))
			.andExpect(jsonPath("$.firstHigh").value(60));
		assertThat(JsonPath.<String>read(read(theirs + "/conversations/" + conversation, this.other.owner()),
				"$.conversation.sla.target"))
			.startsWith("PT30M");
		assertThat(JsonPath.<List<String>>read(
				read(theirs + "/conversations?breached=true&limit=200", this.other.owner()), "$.items[*].id"))
			.contains(conversation);
	}

	@Test
	void savedViewsKeepFiltersWithCountsForTheirOwnerOrTheTeam() throws Exception {
		customerSays("views" + run, "@" + run + "fan", "@brand thank you, the crew was wonderful!", 10);
		String created = call(post(base + "/saved-views"), agency.agent(), """
				{"name": "Praise %s", "query": "intent=praise&q=%sfan&status=open"}""".formatted(run, run))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String id = JsonPath.read(created, "$.id");
		assertThat(JsonPath.<String>read(created, "$.query")).isEqualTo("status=open&intent=praise&q=" + run + "fan");
		String mine = read(base + "/saved-views", agency.agent());
		assertThat(JsonPath.<List<Integer>>read(mine, "$[?(@.view.id == '" + id + "')].count")).containsExactly(1);
		// a search is counted up to 1,000, other filters up to 10,000
		assertThat(JsonPath.<List<Integer>>read(mine, "$[?(@.view.id == '" + id + "')].max")).containsExactly(1000);
		// not shared: the owner of the agency does not see it, nor can delete it
		assertThat(JsonPath.<List<String>>read(read(base + "/saved-views", agency.owner()), "$[*].view.id"))
			.doesNotContain(id);
		call(delete(base + "/saved-views/" + id), agency.owner(), null).andExpect(status().isNotFound());
		String shared = JsonPath.read(call(post(base + "/saved-views"), agency.agent(), """
				{"name": "Late %s", "query": "breached=true", "shared": true}""".formatted(run))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.id");
		assertThat(JsonPath.<List<String>>read(read(base + "/saved-views", agency.owner()), "$[*].view.id"))
			.contains(shared);
		assertThat(JsonPath.<List<Integer>>read(read(base + "/saved-views", agency.owner()),
				"$[?(@.view.id == '" + shared + "')].max"))
			.containsExactly(10000);
		call(post(base + "/saved-views"), agency.agent(), "{\"name\": \"x\", \"query\": \"colour=red\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("query"));
		call(post(base + "/saved-views"), agency.agent(), "{\"name\": \"x\", \"query\": \"sort=loudest\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("query"));
		call(post(base + "/saved-views"), agency.agent(), "{\"name\": \"\", \"query\": \"\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("name"));
		call(delete(base + "/saved-views/" + id), agency.agent(), null).andExpect(status().isNoContent());
		call(delete(base + "/saved-views/" + shared), agency.owner(), null).andExpect(status().isNoContent());
	}

	@Autowired
	app.rightly.channels.Channels channels;

	@Test
	void aPublicReplyMustFitTheNetworksPostEvenWhenConfirmed() throws Exception {
		channels.ensure(agency.brand().tenant(), new app.rightly.channels.ChannelKey("x", "brand" + run));
		String body = """
				{"channel": {"kind": "x", "name": "brand%s"}, "externalId": "%s", "direction": "inbound",
				 "author": {"handle": "@%slong"}, "text": "@brand my bag is lost", "createdAt": "2026-11-21T09:00:00Z",
				 "visibility": "public"}""".formatted(run, UUID.randomUUID(), run);
		String conversation = JsonPath
			.read(call(post(base + "/messages"), agency.agent(), body).andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString(), "$.results[0].conversationId");
		String tooLong = "Sorry about your bag. " + "We are looking for it right now. ".repeat(9);
		assertThat(tooLong.length()).isGreaterThan(280);
		call(post(base + "/conversations/" + conversation + "/replies"), agency.agent(),
				"{\"text\": " + quote(tooLong) + ", \"confirm\": true}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("text"));
		call(post(base + "/conversations/" + conversation + "/replies"), agency.agent(),
				"{\"text\": \"Sorry about your bag, we are on it and will DM you by 5pm.\", \"confirm\": true}")
			.andExpect(status().isCreated());
	}

	@Autowired
	SlaBreaches breaches;

	@Test
	void missedTargetsAreRecordedOncePerWaitAndEndWithTheReply() throws Exception {
		// customerSays writes messages dated 2026-11-21: past every default target, and
		// before the list's default period (the last 7 days) once a week has gone by, so
		// the list is asked from a fixed day
		String waiting = customerSays("late" + run, "@" + run + "late", "@brand where is my refund?", 10);
		String answered = customerSays("late" + run, "@" + run + "answered", "@brand my bag is lost", 10);
		// a reply between two rounds is recorded as it goes out
		call(post(base + "/conversations/" + answered + "/replies"), agency.agent(),
				"{\"text\": \"Sorry about your bag, we are on it and will write by 5pm.\", \"confirm\": true}")
			.andExpect(status().isCreated());
		breaches.recordAll(java.time.Instant.now());
		breaches.recordAll(java.time.Instant.now());
		String page = read(base + "/sla-breaches?since=2026-11-01T00:00:00Z&limit=1000", agency.viewer());
		assertThat(JsonPath.<List<String>>read(page, "$.items[?(@.conversation == '" + waiting + "')].target"))
			.containsExactly("first");
		assertThat(JsonPath.<List<Object>>read(page, "$.items[?(@.conversation == '" + waiting + "')].endedAt"))
			.containsOnlyNulls();
		assertThat(JsonPath.<List<Object>>read(page, "$.items[?(@.conversation == '" + answered + "')].endedAt"))
			.hasSize(1)
			.doesNotContainNull();
		// the wait ends when it is answered
		call(post(base + "/conversations/" + waiting + "/replies"), agency.agent(),
				"{\"text\": \"Sorry for the wait: your refund left today, you will see it by Friday.\", \"confirm\": true}")
			.andExpect(status().isCreated());
		breaches.recordAll(java.time.Instant.now());
		assertThat(JsonPath.<List<Object>>read(
				read(base + "/sla-breaches?since=2026-11-01T00:00:00Z&limit=1000", agency.viewer()),
				"$.items[?(@.conversation == '" + waiting + "')].endedAt"))
			.hasSize(1)
			.doesNotContainNull();
		call(get(base + "/sla-breaches?since=yesterday"), agency.viewer(), null).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("since"));
		// another agency sees none of them
		call(get(base + "/sla-breaches"), other.owner(), null).andExpect(status().isNotFound());
	}

	@Autowired
	AutoAssignment autoAssignment;

	@Test
	void newConversationsAreAssignedByTheBrandsRuleUpToTheCap() throws Exception {
		String other = "/api/v1/brands/" + agency.otherBrand().slug();
		String owner = agency.owner().id().value().toString();
		call(put(other + "/assignment-rule"), agency.owner(), "{\"mode\": \"sometimes\", \"agents\": []}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.hasItem("mode")));
		call(put(other + "/assignment-rule"), agency.owner(),
				"{\"mode\": \"round_robin\", \"cap\": 2, \"agents\": [\"%s\"]}".formatted(owner))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.mode").value("round_robin"));
		for (int i = 0; i < 3; i++) {
			String body = """
					{"channel": {"kind": "api", "name": "auto"}, "externalId": "%s", "direction": "inbound",
					 "author": {"handle": "@auto%s%d"}, "text": "my order never arrived", "createdAt": "2026-11-21T09:00:00Z"}"""
				.formatted(UUID.randomUUID(), run, i);
			call(post(other + "/messages"), agency.owner(), body).andExpect(status().isOk());
		}
		autoAssignment.assignAll();
		String page = read(other + "/conversations?status=open&limit=200", agency.owner());
		List<String> assignees = JsonPath.read(page, "$.items[*].assignee.id");
		assertThat(assignees).as("the cap of 2 leaves the third waiting").containsExactly(owner, owner);
		assertThat(JsonPath.<List<Object>>read(page, "$.items[?(!@.assignee)]")).hasSize(1);
		// an agent who is away takes nothing new, even below the cap
		call(put("/api/v1/me/availability"), agency.owner(), "{}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("available"));
		call(put("/api/v1/me/availability"), agency.owner(), "{\"available\": false}").andExpect(status().isOk())
			.andExpect(jsonPath("$.available").value(false));
		call(put(other + "/assignment-rule"), agency.owner(),
				"{\"mode\": \"round_robin\", \"cap\": 10, \"agents\": [\"%s\"]}".formatted(owner))
			.andExpect(status().isOk());
		autoAssignment.assignAll();
		assertThat(JsonPath.<List<Object>>read(read(other + "/conversations?status=open&limit=200", agency.owner()),
				"$.items[?(!@.assignee)]"))
			.hasSize(1);
		call(put("/api/v1/me/availability"), agency.owner(), "{\"available\": true}").andExpect(status().isOk());
		autoAssignment.assignAll();
		assertThat(JsonPath.<List<Object>>read(read(other + "/conversations?status=open&limit=200", agency.owner()),
				"$.items[?(!@.assignee)]"))
			.isEmpty();
		call(get("/api/v1/me/availability"), agency.viewer(), null).andExpect(status().isForbidden());
	}

	@Test
	void savedRepliesWithVariables() throws Exception {
		String path = base + "/saved-replies";
		String name = "Refund delay " + run;
		call(post(path), agency.agent(), "{\"name\": \"x\", \"text\": \"y\"}").andExpect(status().isForbidden());
		call(post(path), agency.owner(), "{\"name\": \"%s\", \"text\": \"Hi {{customer.nickname}}\"}".formatted(name))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("text"));
		String body = "{\"name\": \"%s\", \"text\": \"Hi {{customer.name}}, I'm {{agent.name}} from {{brand.name}}.\"}"
			.formatted(name);
		String created = call(post(path), agency.owner(), body).andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		call(post(path), agency.owner(), body.replace("Refund", "refund")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("name"));
		assertThat(JsonPath.<List<String>>read(read(path + "?q=refund", agency.agent()), "$[*].name")).contains(name);
		String id = JsonPath.read(created, "$.id");
		call(get("/api/v1/brands/" + agency.brand().id().value() + "/saved-replies"), other.owner(), null)
			.andExpect(status().isNotFound());
		call(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete(path + "/" + id),
				agency.owner(), null)
			.andExpect(status().isNoContent());
		assertThat(SavedReplies.fill("Hi {{customer.name}}, I'm {{ agent.name }}.",
				Map.of("customer.name", "Maya", "agent.name", "Dana")))
			.isEqualTo("Hi Maya, I'm Dana.");
	}

	@Test
	void bulkActionsAreAllOrNothing() throws Exception {
		String a = customerSays("bulk", "@" + run + "b1", "@brand where is my parcel?", 10);
		String b = customerSays("bulk", "@" + run + "b2", "@brand where is my refund?", 10);
		String path = base + "/conversations/bulk";
		call(post(path), agency.agent(), "{\"ids\": [\"%s\", \"%s\"], \"action\": \"status\", \"status\": \"resolved\"}"
			.formatted(a, UUID.randomUUID())).andExpect(status().isNotFound());
		assertThat(JsonPath.<String>read(read(base + "/conversations/" + a, agency.agent()), "$.conversation.status"))
			.isEqualTo("open");
		call(post(path), agency.agent(),
				"{\"ids\": [\"%s\", \"%s\"], \"action\": \"assign\", \"assignee\": \"%s\"}".formatted(a, b,
						agency.agent().id().value()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.changed").value(2));
		call(post(path), agency.agent(),
				"{\"ids\": [\"%s\", \"%s\"], \"action\": \"status\", \"status\": \"resolved\"}".formatted(a, b))
			.andExpect(status().isOk());
		for (String id : List.of(a, b)) {
			String detail = read(base + "/conversations/" + id, agency.agent());
			assertThat(JsonPath.<String>read(detail, "$.conversation.status")).isEqualTo("resolved");
			assertThat(JsonPath.<String>read(detail, "$.conversation.assignee.id"))
				.isEqualTo(agency.agent().id().value().toString());
		}
		call(post(path), agency.agent(),
				"{\"ids\": [\"%s\", \"%s\"], \"action\": \"label\", \"label\": \"VIP-%s\"}".formatted(a, b, run))
			.andExpect(status().isOk());
		call(post(base + "/conversations/" + a + "/labels"), agency.agent(),
				"{\"add\": [\"outage\"], \"remove\": [\"vip-%s\"]}".formatted(run))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.labels[0]").value("outage"));
		call(post(base + "/conversations/" + a + "/labels"), agency.agent(), "{\"add\": [\"no spaces\"]}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("label"));
		assertThat(JsonPath.<List<String>>read(
				read(base + "/conversations?status=all&label=vip-" + run, agency.agent()), "$.items[*].id"))
			.containsExactly(b);
		call(post(path), agency.agent(), "{\"ids\": [], \"action\": \"status\"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("ids"));
	}

	@Test
	void repliesGoOutByEmailThreadedUnderTheCustomersMessage() throws Exception {
		com.icegreen.greenmail.util.GreenMail smtp = new com.icegreen.greenmail.util.GreenMail(
				com.icegreen.greenmail.util.ServerSetupTest.SMTP.dynamicPort());
		smtp.start();
		try {
			String channel = JsonPath.read(call(post(base + "/channels"), agency.owner(),
					"{\"kind\": \"email\", \"name\": \"support-%s\"}".formatted(run))
				.andExpect(status().isCreated())
				.andReturn()
				.getResponse()
				.getContentAsString(), "$.id");
			call(put(base + "/channels/" + channel + "/reply-email"), agency.owner(), """
					{"host": "127.0.0.1", "port": %d, "starttls": false, "from": "care@brand.example"}"""
				.formatted(smtp.getSmtp().getPort())).andExpect(status().isNoContent());
			call(put(base + "/channels/" + channel + "/reply-email"), agency.owner(), """
					{"host": "127.0.0.1", "port": 0, "from": "nobody"}""").andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.hasItems("port", "from")));
			String body = """
					{"channel": {"kind": "email", "name": "support-%s"}, "externalId": "<%s@mail.example.com>",
					 "direction": "inbound", "author": {"name": "Maya Jones", "email": "maya.%s@example.com"},
					 "text": "My refund has not arrived.", "createdAt": "2026-11-21T09:00:00Z", "visibility": "private",
					 "metadata": {"subject": "Where is my refund"}}""".formatted(run, run, run);
			String id = JsonPath.read(call(post(base + "/messages"), agency.agent(), body).andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString(), "$.results[0].conversationId");
			call(post(base + "/conversations/" + id + "/replies"), agency.agent(),
					"{\"text\": \"I'm sorry, Maya. I've asked our payments team and I'll write by 5pm today.\"}")
				.andExpect(status().isCreated())
				.andExpect(jsonPath("$.delivery.connector").value("email"))
				.andExpect(jsonPath("$.state").value("queued"));
			deliverUntil(() -> deliveryStates(id).contains("sent"));
			jakarta.mail.internet.MimeMessage[] received = smtp.getReceivedMessages();
			assertThat(received).hasSize(1);
			assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("maya." + run + "@example.com");
			assertThat(received[0].getSubject()).isEqualTo("Re: Where is my refund");
			assertThat(received[0].getHeader("In-Reply-To")[0]).isEqualTo("<" + run + "@mail.example.com>");
			assertThat(com.icegreen.greenmail.util.GreenMailUtil.getBody(received[0])).contains("payments team");
			assertThat(deliveryStates(id)).containsExactly("sent");
		}
		finally {
			smtp.stop();
		}
	}

	@Autowired
	javax.sql.DataSource dataSource;

	static String hmac(String secret, String data) throws Exception {
		javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
		mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		return java.util.HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
	}

}
