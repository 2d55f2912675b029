package app.rightly.tenancy;

import java.time.Instant;

import app.rightly.testing.RightlyIntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@RightlyIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiAuthenticationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TenancyManagement tenancy;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	TenancyFixtures.Agency agency;

	@BeforeAll
	void agency() {
		agency = new TenancyFixtures(tenancy, tokens).anAgencyWithTwoBrands();
	}

	@Test
	void withoutATokenTheApiAnswers401AsAProblem() throws Exception {
		mvc.perform(get("/api/v1/me"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Bearer")))
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.type").value("/problems/unauthorized"))
			.andExpect(jsonPath("$.status").value(401));
	}

	@Test
	void aWrongTokenIsRefused() throws Exception {
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer rly_thisIsNotAToken"))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"));
		mvc.perform(get("/api/v1/me").header("Authorization", "Basic dXNlcjpwYXNz"))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void aRevokedTokenIsRefused() throws Exception {
		var issued = tokens.create(agency.owner().user(), "to revoke", null);
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + issued.secret())).andExpect(status().isOk());
		mvc.perform(delete("/api/v1/tokens/" + issued.id()).header("Authorization", "Bearer " + issued.secret()))
			.andExpect(status().isNoContent());
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + issued.secret()))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void anExpiredTokenIsRefused() throws Exception {
		var issued = tokens.create(agency.owner().user(), "to expire", Instant.now().plusSeconds(60));
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + issued.secret())).andExpect(status().isOk());
		jdbc.sql("UPDATE api_token SET expires_at = now() - interval '1 second' WHERE id = :id")
			.param("id", issued.id())
			.update();
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + issued.secret()))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void tokensAreStoredOnlyAsAFingerprint() {
		var issued = tokens.create(agency.owner().user(), "stored", null);
		long plain = jdbc.sql("SELECT count(*) FROM api_token WHERE encode(token_hash, 'escape') LIKE :t OR name = :t")
			.param("t", issued.secret())
			.query(Long.class)
			.single();
		org.assertj.core.api.Assertions.assertThat(plain).isZero();
	}

	@Test
	void meDescribesTheCallerTheirOrganisationAndTheirBrands() throws Exception {
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + agency.agent().token()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.user.email").value(agency.agent().email()))
			.andExpect(jsonPath("$.user.role").value("agent"))
			.andExpect(jsonPath("$.organisation.name").value(agency.organisation().name()))
			.andExpect(jsonPath("$.brands.length()").value(1))
			.andExpect(jsonPath("$.brands[0].slug").value(agency.brand().slug()));
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + agency.owner().token()))
			.andExpect(jsonPath("$.brands.length()").value(2));
	}

	@Test
	void aTokenCreatedThroughTheApiWorksAndIsShownOnce() throws Exception {
		String body = mvc
			.perform(post("/api/v1/tokens").header("Authorization", "Bearer " + agency.viewer().token())
				.contentType("application/json")
				.content("{\"name\": \"reporting\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.token").value(org.hamcrest.Matchers.startsWith("rly_")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String token = com.jayway.jsonpath.JsonPath.read(body, "$.token");
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token)).andExpect(status().isOk());
		mvc.perform(get("/api/v1/tokens").header("Authorization", "Bearer " + token))
			.andExpect(jsonPath("$[0].token").doesNotExist())
			.andExpect(jsonPath("$[0].prefix").value(org.hamcrest.Matchers.startsWith("rly_")));
	}

	@Test
	void badInputIsAProblemNamingTheField() throws Exception {
		mvc.perform(post("/api/v1/tokens").header("Authorization", "Bearer " + agency.owner().token())
			.contentType("application/json")
			.content("{\"name\": \"  \"}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.type").value("/problems/invalid-input"))
			.andExpect(jsonPath("$.errors[0].field").value("name"));
		mvc.perform(post("/api/v1/tokens").header("Authorization", "Bearer " + agency.owner().token())
			.contentType("application/json")
			.content("{\"name\": \"x\", \"expiresAt\": \"tomorrow\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("expiresAt"));
		mvc.perform(post("/api/v1/tokens").header("Authorization", "Bearer " + agency.owner().token())
			.contentType("application/json")
			.content("{\"name\": "))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("/problems/malformed-request"));
	}

	@Test
	void anUnknownApiPathIsAProblem404() throws Exception {
		mvc.perform(get("/api/v1/nothing-here").header("Authorization", "Bearer " + agency.owner().token()))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"));
	}

	@Test
	void theActuatorHealthIsPublicAndMetricsNeedAnAdminToken() throws Exception {
		mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
		mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
		mvc.perform(get("/actuator/prometheus").header("Authorization", "Bearer " + agency.agent().token()))
			.andExpect(status().isForbidden());
	}

}
