package app.rightly.analysis;

import app.rightly.tenancy.ApiTokens;
import app.rightly.tenancy.TenancyFixtures;
import app.rightly.tenancy.TenancyManagement;
import app.rightly.testing.RightlyIntegrationTest;
import app.rightly.testing.Sessions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Settings → Analysis: topics by form, trying the analysis, and who may see the page. */
@RightlyIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnalysisPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TenancyManagement tenancy;

	@Autowired
	ApiTokens tokens;

	TenancyFixtures.Agency agency;

	String page;

	@BeforeAll
	void agency() {
		agency = new TenancyFixtures(tenancy, tokens).anAgencyWithTwoBrands();
		page = "/brands/" + agency.brand().slug() + "/analysis";
	}

	@Test
	void aManagerAddsAPolicyAndTriesTheAnalysis() throws Exception {
		MockHttpSession session = Sessions.signIn(mvc, agency.owner());
		mvc.perform(get(page).session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Topics, promises and policies")));
		mvc.perform(post(page + "/topics").session(session)
			.with(csrf())
			.param("kind", "policy")
			.param("name", "No refunds <after> 24 hours")
			.param("phrases", "no refund\n\n  refund policy  \n")).andExpect(redirectedUrl(page));
		mvc.perform(get(page).session(session))
			.andExpect(content().string(containsString("No refunds &lt;after&gt; 24 hours")))
			.andExpect(content().string(containsString("no refund · refund policy")));
		// a bad form comes back with the field named, not a 500
		mvc.perform(post(page + "/topics").session(session).with(csrf()).param("kind", "policy").param("name", ""))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("has-error")));
		mvc.perform(post(page + "/try").session(session)
			.with(csrf())
			.param("text", "@air your refund policy is a joke, I will sue <script>"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("legal threat")))
			.andExpect(content().string(containsString("No refunds &lt;after&gt; 24 hours")))
			.andExpect(content().string(not(containsString("<script>"))));
	}

	@Test
	void anAgentMayNotChangeTheAnalysisAndAnotherBrandIsNotFound() throws Exception {
		MockHttpSession agent = Sessions.signIn(mvc, agency.agent());
		mvc.perform(get(page).session(agent)).andExpect(status().isForbidden());
		mvc.perform(get("/brands/" + agency.otherBrand().slug() + "/analysis").session(agent))
			.andExpect(status().isNotFound());
	}

}
