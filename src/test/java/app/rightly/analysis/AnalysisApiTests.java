package app.rightly.analysis;

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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What a brand teaches the analysis, through the API: topics, promises and policies
 * (validated, matched to messages, walled per brand), agents' corrections and training
 * again.
 */
@RightlyIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnalysisApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TenancyManagement tenancy;

	@Autowired
	ApiTokens tokens;

	TenancyFixtures.Agency agency;

	TenancyFixtures.Agency other;

	String base;

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

	@Test
	void aPromiseIsDefinedMatchedToMessagesAndChanged() throws Exception {
		String created = call(post(base + "/topics"), agency.owner(), """
				{"kind": "promise", "name": "Bags on the belt in 20 minutes",
				 "description": "Our baggage promise", "phrases": ["bags on the belt", "waiting for my bag"]}""")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.kind").value("promise"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String id = JsonPath.read(created, "$.id");

		call(post(base + "/analyse"), agency.agent(), """
				{"text": "@air 40 minutes waiting for my bag, what happened to your promise?", "followers": 1200}""")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.topics[0].kind").value("promise"))
			.andExpect(jsonPath("$.topics[0].id").value(id))
			.andExpect(jsonPath("$.risk.components.reach").isNumber());

		call(put(base + "/topics/" + id), agency.owner(), """
				{"kind": "promise", "name": "Bags within 20 minutes", "phrases": ["bags on the belt"]}""")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value("Bags within 20 minutes"));
		call(get(base + "/topics?kind=promise"), agency.agent(), null).andExpect(status().isOk())
			.andExpect(jsonPath("$[0].name").value("Bags within 20 minutes"));

		// another organisation sees nothing of it, and cannot change it
		String theirs = "/api/v1/brands/" + agency.brand().id().value() + "/topics/" + id;
		call(get(theirs), other.owner(), null).andExpect(status().isNotFound());
		call(delete(theirs), other.owner(), null).andExpect(status().isNotFound());
		// nor can this organisation's other brand reach it by id
		call(get("/api/v1/brands/" + agency.otherBrand().slug() + "/topics/" + id), agency.owner(), null)
			.andExpect(status().isNotFound());

		call(delete(base + "/topics/" + id), agency.agent(), null).andExpect(status().isForbidden());
		call(delete(base + "/topics/" + id), agency.owner(), null).andExpect(status().isNoContent());
		call(get(base + "/topics/" + id), agency.owner(), null).andExpect(status().isNotFound());
	}

	@Test
	void badTopicsAreRefusedWithTheFieldNamed() throws Exception {
		call(post(base + "/topics"), agency.owner(), """
				{"kind": "rumour", "name": ""}""").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("/problems/invalid-input"))
			.andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.hasItems("kind", "name")));
		call(post(base + "/topics"), agency.owner(), """
				{"name": "%s"}""".formatted("x".repeat(101))).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("name"));
		call(post(base + "/topics"), agency.owner(), """
				{"name": "Refunds", "phrases": ["%s"]}""".formatted("y".repeat(201))).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("phrases[0]"));
		call(post(base + "/topics"), agency.owner(), """
				{"name": "Duplicates"}""").andExpect(status().isCreated());
		call(post(base + "/topics"), agency.owner(), """
				{"name": "duplicates"}""").andExpect(status().is4xxClientError());
		call(post(base + "/analyse"), agency.agent(), """
				{"text": "  "}""").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("text"));
		call(post(base + "/analyse"), agency.agent(), """
				{"text": "my bag is lost", "customerValue": -5}""").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("customerValue"));
		call(post(base + "/analyse"), agency.agent(), """
				{"text": "my bag is lost", "customerValue": 10000}""").andExpect(status().isOk())
			.andExpect(jsonPath("$.risk.components.value").value(0.8))
			.andExpect(jsonPath("$.risk.weights.value").value(0.1));
	}

	@Test
	void correctionsAreKeptAndTrainTheBrandsModel() throws Exception {
		String messages = base + "/messages";
		String[][] examples = { { "the lounge smelled like wet socks", "negative" },
				{ "the lounge is a sauna again", "negative" }, { "lounge staff were rude and slow", "negative" },
				{ "the lounge was a delight", "positive" }, { "loved the lounge today, so calm", "positive" },
				{ "lounge staff went above and beyond", "positive" } };
		String lastId = null;
		for (String[] e : examples) {
			String body = """
					{"channel": {"kind": "api", "name": "labels"}, "externalId": "%s", "direction": "inbound",
					 "author": {"handle": "@tester"}, "text": "%s", "createdAt": "2026-11-20T10:15:00Z"}"""
				.formatted(UUID.randomUUID(), e[0]);
			String result = call(post(messages), agency.agent(), body).andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
			lastId = JsonPath.read(result, "$.results[0].messageId");
			call(post(messages + "/" + lastId + "/labels"), agency.agent(), """
					{"task": "sentiment", "label": "%s"}""".formatted(e[1])).andExpect(status().isCreated())
				.andExpect(jsonPath("$.task").value("sentiment"));
		}
		// a second correction of the same message replaces the first
		call(post(messages + "/" + lastId + "/labels"), agency.agent(), """
				{"task": "sentiment", "label": "positive"}""").andExpect(status().isCreated())
			.andExpect(jsonPath("$.examples").value(6));
		call(post(messages + "/" + lastId + "/labels"), agency.agent(), """
				{"task": "mood", "label": "positive"}""").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("task"));
		call(post(messages + "/" + lastId + "/labels"), agency.agent(), """
				{"task": "sentiment", "label": "meh"}""").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("label"));
		// another organisation cannot label this brand's message
		call(post("/api/v1/brands/" + agency.brand().id().value() + "/messages/" + lastId + "/labels"), other.owner(),
				"""
						{"task": "sentiment", "label": "positive"}""")
			.andExpect(status().isNotFound());

		call(post(base + "/models/sentiment/train"), agency.agent(), null).andExpect(status().isForbidden());
		call(post(base + "/models/sentiment/train"), agency.owner(), null).andExpect(status().isOk())
			.andExpect(jsonPath("$.examples").value(6))
			.andExpect(jsonPath("$.corrections").value(6));
		String models = call(get(base + "/models"), agency.agent(), null).andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(JsonPath.<java.util.List<String>>read(models, "$.models[*].task")).contains("sentiment");
		call(post(base + "/analyse"), agency.agent(), """
				{"text": "the lounge was rude and slow"}""").andExpect(status().isOk())
			.andExpect(jsonPath("$.sentiment.label").value("negative"))
			.andExpect(jsonPath("$.evidence[*].text")
				.value(org.hamcrest.Matchers.hasItem("the brand's own sentiment model")));
		call(delete(base + "/models/sentiment"), agency.owner(), null).andExpect(status().isNoContent());
		call(delete(base + "/models/sentiment"), agency.owner(), null).andExpect(status().isNotFound());
	}

}
