package app.rightly.conversations;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import app.rightly.tenancy.ApiTokens;
import app.rightly.tenancy.TenancyFixtures;
import app.rightly.tenancy.TenancyManagement;
import app.rightly.testing.RightlyIntegrationTest;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The ingest API as a client sees it: results per item, and every kind of bad input
 * named.
 */
@RightlyIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MessagesApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TenancyManagement tenancy;

	@Autowired
	ApiTokens tokens;

	@Autowired
	IngestGate gate;

	TenancyFixtures.Agency agency;

	String path;

	@BeforeAll
	void agency() {
		agency = new TenancyFixtures(tenancy, tokens).anAgencyWithTwoBrands();
		path = "/api/v1/brands/" + agency.brand().slug() + "/messages";
	}

	static String message(String id, String text) {
		return """
				{"channel": {"kind": "api", "name": "tests"}, "externalId": "%s", "direction": "inbound",
				 "author": {"handle": "@maya", "name": "Maya", "followers": 250}, "text": %s,
				 "createdAt": "2026-11-20T10:15:00+01:00", "visibility": "public"}""".formatted(id,
				text == null ? "null" : quote(text));
	}

	static String quote(String text) {
		return tools.jackson.databind.json.JsonMapper.shared().writeValueAsString(text);
	}

	static String id() {
		return UUID.randomUUID().toString();
	}

	ResultActions send(String body) throws Exception {
		return mvc.perform(post(path).header("Authorization", "Bearer " + agency.agent().token())
			.contentType("application/json")
			.content(body));
	}

	ResultActions sendBytes(byte[] body) throws Exception {
		return mvc.perform(post(path).header("Authorization", "Bearer " + agency.agent().token())
			.contentType("application/json")
			.content(body));
	}

	@Test
	void aBatchIsCreatedOnceAndReportedAsDuplicateAfterwards() throws Exception {
		String batch = "[" + message(id(), "one") + "," + message(id(), "two") + "]";
		send(batch).andExpect(status().isOk())
			.andExpect(jsonPath("$.results[0].status").value("created"))
			.andExpect(jsonPath("$.results[0].index").value(0))
			.andExpect(jsonPath("$.results[0].messageId").isNotEmpty())
			.andExpect(jsonPath("$.results[1].conversationId").isNotEmpty())
			.andExpect(jsonPath("$.created").value(2));
		send(batch).andExpect(status().isOk())
			.andExpect(jsonPath("$.results[0].status").value("duplicate"))
			.andExpect(jsonPath("$.results[1].status").value("duplicate"))
			.andExpect(jsonPath("$.duplicates").value(2));
	}

	@Test
	void oneObjectIsABatchOfOne() throws Exception {
		send(message(id(), "single")).andExpect(status().isOk()).andExpect(jsonPath("$.results.length()").value(1));
		send("[]").andExpect(status().isOk()).andExpect(jsonPath("$.results.length()").value(0));
	}

	@Test
	void malformedJsonIsA400Problem() throws Exception {
		send("{\"text\": \"unterminated").andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.type").value("/problems/malformed-request"));
		send("").andExpect(status().isBadRequest());
		send("42").andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("body"));
	}

	@Test
	void invalidUtf8IsA400() throws Exception {
		byte[] body = "[{\"text\": \"caf\u00e9 ".getBytes(StandardCharsets.ISO_8859_1);
		byte[] bad = new byte[body.length + 5];
		System.arraycopy(body, 0, bad, 0, body.length);
		bad[body.length] = (byte) 0xff;
		bad[body.length + 1] = (byte) 0xfe;
		bad[body.length + 2] = '"';
		bad[body.length + 3] = '}';
		bad[body.length + 4] = ']';
		sendBytes(bad).andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail", containsString("UTF-8")));
	}

	@Test
	void eachBadItemIsRejectedWithItsFieldWhileTheOthersAreStored() throws Exception {
		String good = message(id(), "fine");
		String noText = message(id(), null);
		String tooLong = message(id(), "x".repeat(20_001));
		String badDate = message(id(), "date").replace("2026-11-20T10:15:00+01:00", "yesterday");
		String noOffset = message(id(), "date").replace("2026-11-20T10:15:00+01:00", "2026-11-20T10:15:00");
		String negative = message(id(), "reach").replace("\"followers\": 250", "\"followers\": -1");
		String stringFollowers = message(id(), "reach").replace("\"followers\": 250", "\"followers\": \"many\"");
		String control = message(id(), "bell \u0007 here");
		String badDirection = message(id(), "dir").replace("\"inbound\"", "\"sideways\"");
		String noAuthor = message(id(), "who")
			.replace("\"author\": {\"handle\": \"@maya\", \"name\": \"Maya\", \"followers\": 250},", "");
		String notAnObject = "\"just a string\"";
		String negativeValue = message(id(), "worth").replace("\"followers\": 250",
				"\"followers\": 250, \"value\": -1");
		String stringValue = message(id(), "worth").replace("\"followers\": 250",
				"\"followers\": 250, \"value\": \"gold\"");
		String body = "[" + String.join(",", good, noText, tooLong, badDate, noOffset, negative, stringFollowers,
				control, badDirection, noAuthor, notAnObject, negativeValue, stringValue) + "]";
		send(body).andExpect(status().isOk())
			.andExpect(jsonPath("$.results[0].status").value("created"))
			.andExpect(jsonPath("$.results[1].status").value("rejected"))
			.andExpect(jsonPath("$.results[1].errors[0].field").value("text"))
			.andExpect(jsonPath("$.results[2].errors[0].field").value("text"))
			.andExpect(jsonPath("$.results[2].errors[0].message", containsString("20000")))
			.andExpect(jsonPath("$.results[3].errors[0].field").value("createdAt"))
			.andExpect(jsonPath("$.results[4].errors[0].field").value("createdAt"))
			.andExpect(jsonPath("$.results[5].errors[0].field").value("author.followers"))
			.andExpect(jsonPath("$.results[6].errors[0].field").value("author.followers"))
			.andExpect(jsonPath("$.results[7].errors[0].field").value("text"))
			.andExpect(jsonPath("$.results[7].errors[0].message", containsString("U+0007")))
			.andExpect(jsonPath("$.results[8].errors[0].field").value("direction"))
			.andExpect(jsonPath("$.results[9].errors[0].field").value("author"))
			.andExpect(jsonPath("$.results[10].errors[0].field").value("message"))
			.andExpect(jsonPath("$.results[11].errors[0].field").value("author.value"))
			.andExpect(jsonPath("$.results[12].errors[0].field").value("author.value"))
			.andExpect(jsonPath("$.created").value(1))
			.andExpect(jsonPath("$.rejected").value(12));
	}

	@Test
	void aBatchOfMoreThan1000IsRefusedWhole() throws Exception {
		List<String> items = new ArrayList<>();
		for (int i = 0; i < 1001; i++) {
			items.add(message(id(), "n" + i));
		}
		send("[" + String.join(",", items) + "]").andExpect(status().isPayloadTooLarge())
			.andExpect(jsonPath("$.type").value("/problems/payload-too-large"));
	}

	@Test
	void aBodyOverTheSizeLimitIsA413() throws Exception {
		byte[] body = new byte[33 * 1024 * 1024 + 1];
		java.util.Arrays.fill(body, (byte) ' ');
		body[0] = '[';
		body[body.length - 1] = ']';
		sendBytes(body).andExpect(status().isPayloadTooLarge());
	}

	@Test
	void anUnknownBrandIsA404AndAViewerMayNotPushMessages() throws Exception {
		mvc.perform(post("/api/v1/brands/no-such-brand/messages")
			.header("Authorization", "Bearer " + agency.agent().token())
			.contentType("application/json")
			.content("[]")).andExpect(status().isNotFound());
		mvc.perform(post(path).header("Authorization", "Bearer " + agency.viewer().token())
			.contentType("application/json")
			.content("[]")).andExpect(status().isForbidden());
		mvc.perform(post(path).header("Authorization", "Bearer " + agency.agent().token())
			.contentType("text/plain")
			.content("hello")).andExpect(status().isUnsupportedMediaType());
	}

	@Test
	void hostileTextIsStoredAndGivenBackExactly() throws Exception {
		String text = "<script>alert(1)</script><img src=x onerror=alert(2)> 🙂 مرحبا \"quoted\" \\ back\nline\ttab";
		String body = send(message(id(), text)).andReturn().getResponse().getContentAsString();
		String messageId = JsonPath.read(body, "$.results[0].messageId");
		String stored = mvc
			.perform(get(path + "/" + messageId).header("Authorization", "Bearer " + agency.agent().token()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.analysis.sentiment.label").isNotEmpty())
			.andExpect(jsonPath("$.channel.kind").value("api"))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat((String) JsonPath.read(stored, "$.text")).isEqualTo(text);
	}

	@Test
	void aCustomersValueGivenWithTheAuthorCountsInTheStoredRisk() throws Exception {
		String text = "my order never arrived and nobody answers";
		String valued = message(id(), text).replace("\"followers\": 250", "\"followers\": 250, \"value\": 10000");
		String plain = message(id(), text);
		for (String[] sent : new String[][] { { valued, "0.8", "0.1" }, { plain, "0.0", "0.0" } }) {
			String body = send(sent[0]).andReturn().getResponse().getContentAsString();
			String messageId = JsonPath.read(body, "$.results[0].messageId");
			mvc.perform(get(path + "/" + messageId).header("Authorization", "Bearer " + agency.agent().token()))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.analysis.risk.components.value").value(Double.parseDouble(sent[1])))
				.andExpect(jsonPath("$.analysis.risk.weights.value").value(Double.parseDouble(sent[2])));
		}
	}

	@Test
	void aSaturatedServerAnswers429WithRetryAfter() throws Exception {
		List<IngestGate.Place> held = new ArrayList<>();
		try {
			for (IngestGate.Place place = gate.enter(); place != null; place = gate.enter()) {
				held.add(place);
			}
			send(message(id(), "later")).andExpect(status().isTooManyRequests())
				.andExpect(header().string("Retry-After", "1"))
				.andExpect(jsonPath("$.type").value("/problems/too-many-requests"));
		}
		finally {
			held.forEach(IngestGate.Place::close);
		}
		send(message(id(), "now")).andExpect(status().isOk());
	}

	@Test
	void pagesNeverSkipOrRepeatAMessageWhileNewOnesArrive() throws Exception {
		String brandPath = "/api/v1/brands/" + agency.otherBrand().slug() + "/messages";
		String owner = "Bearer " + agency.owner().token();
		List<String> batch = new ArrayList<>();
		for (int i = 0; i < 25; i++) {
			batch.add(message("page-" + i, "message " + i));
		}
		mvc.perform(post(brandPath).header("Authorization", owner)
			.contentType("application/json")
			.content("[" + String.join(",", batch) + "]")).andExpect(status().isOk());
		Set<String> seen = new HashSet<>();
		List<String> order = new ArrayList<>();
		String cursor = null;
		int pages = 0;
		do {
			String body = mvc
				.perform(get(brandPath).param("limit", "10")
					.param("cursor", cursor == null ? "" : cursor)
					.header("Authorization", owner))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
			List<String> ids = JsonPath.read(body, "$.items[*].externalId");
			ids.forEach(i -> assertThat(seen.add(i)).as("seen twice: " + i).isTrue());
			order.addAll(ids);
			cursor = JsonPath.read(body, "$.nextCursor");
			if (pages++ == 0) { // new messages arrive while the client pages
				mvc.perform(post(brandPath).header("Authorization", owner)
					.contentType("application/json")
					.content("[" + message("late-1", "late") + "," + message("late-2", "late") + "]"));
			}
		}
		while (cursor != null);
		assertThat(order).hasSize(27).startsWith("page-0", "page-1").endsWith("late-1", "late-2");
		mvc.perform(get(brandPath).param("cursor", "garbage!").header("Authorization", owner))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("cursor"));
	}

	@Test
	void statsCountWhatWasStored() throws Exception {
		String statsPath = "/api/v1/brands/" + agency.brand().slug() + "/stats";
		String before = mvc.perform(get(statsPath).header("Authorization", "Bearer " + agency.viewer().token()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		int messages = JsonPath.read(before, "$.messages");
		send("[" + message(id(), "a") + "," + message(id(), "b") + "]");
		mvc.perform(get(statsPath).header("Authorization", "Bearer " + agency.viewer().token()))
			.andExpect(jsonPath("$.messages").value(messages + 2))
			.andExpect(jsonPath("$.conversations").isNumber())
			.andExpect(jsonPath("$.customers").isNumber());
	}

}
