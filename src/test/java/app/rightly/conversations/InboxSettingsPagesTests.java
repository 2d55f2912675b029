package app.rightly.conversations;

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

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Settings → Inbox: response targets, the assignment rule and saved replies by form. */
@RightlyIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InboxSettingsPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TenancyManagement tenancy;

	@Autowired
	ApiTokens tokens;

	@Autowired
	SlaPolicies slas;

	@Autowired
	AutoAssignment assignment;

	@Autowired
	SavedReplies savedReplies;

	TenancyFixtures.Agency agency;

	String page;

	@BeforeAll
	void agency() {
		agency = new TenancyFixtures(tenancy, tokens).anAgencyWithTwoBrands();
		page = "/brands/" + agency.brand().slug() + "/inbox-settings";
	}

	@Test
	void aManagerSetsTargetsTheRuleAndSavedReplies() throws Exception {
		MockHttpSession session = Sessions.signIn(mvc, agency.owner());
		mvc.perform(get(page).session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Automatic assignment")));
		mvc.perform(post(page + "/sla").session(session)
			.with(csrf())
			.param("firstHigh", "30")
			.param("firstMedium", "120")
			.param("firstLow", "600")
			.param("nextHigh", "45")
			.param("nextMedium", "240")
			.param("nextLow", "1440")
			.param("businessHours", "true")
			.param("timeZone", "Europe/Paris")
			.param("workDays", "1", "2", "3", "4", "5")
			.param("dayStart", "08:00")
			.param("dayEnd", "18:00")).andExpect(redirectedUrl(page));
		SlaPolicy policy = slas.of(agency.brand().tenant());
		assertThat(policy.firstHigh()).isEqualTo(30);
		assertThat(policy.businessHours()).isTrue();
		assertThat(policy.workDays()).containsExactly(1, 2, 3, 4, 5);
		// bad values come back named, nothing saved
		mvc.perform(post(page + "/sla").session(session)
			.with(csrf())
			.param("firstHigh", "0")
			.param("timeZone", "Mars/Olympus")
			.param("dayStart", "8 o'clock"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("has-error")));
		mvc.perform(post(page + "/sla").session(session)
			.with(csrf())
			.param("firstHigh", "0")
			.param("firstMedium", "1")
			.param("firstLow", "1")
			.param("nextHigh", "1")
			.param("nextMedium", "1")
			.param("nextLow", "1")
			.param("timeZone", "Mars/Olympus")
			.param("workDays", "1")
			.param("dayStart", "09:00")
			.param("dayEnd", "17:00"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("must be a time zone")))
			.andExpect(content().string(containsString("must be 1 to 525,600 minutes")));
		assertThat(slas.of(agency.brand().tenant()).firstHigh()).isEqualTo(30);
		// a channel kind's own targets: set, kept by the band form, refused when unknown,
		// removed
		mvc.perform(post(page + "/sla/channels").session(session)
			.with(csrf())
			.param("kind", "email")
			.param("first", "1440")
			.param("next", "720")).andExpect(redirectedUrl(page + "#sla"));
		assertThat(slas.of(agency.brand().tenant()).channels()).containsEntry("email",
				new SlaPolicy.ChannelTarget(1440, 720));
		assertThat(slas.of(agency.brand().tenant()).firstHigh()).isEqualTo(30);
		mvc.perform(get(page).session(session))
			.andExpect(content().string(containsString("email: first reply 1,440 min, next reply 720 min")));
		mvc.perform(post(page + "/sla/channels").session(session)
			.with(csrf())
			.param("kind", "pigeon")
			.param("first", "0")
			.param("next", "60"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("is not a channel kind")));
		mvc.perform(post(page + "/sla/channels").session(session)
			.with(csrf())
			.param("kind", "x")
			.param("first", "0")
			.param("next", "60"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("must be 1 to 525,600 minutes")));
		assertThat(slas.of(agency.brand().tenant()).channels()).containsOnlyKeys("email");
		mvc.perform(post(page + "/sla/channels/email/delete").session(session).with(csrf()))
			.andExpect(redirectedUrl(page + "#sla"));
		assertThat(slas.of(agency.brand().tenant()).channels()).isEmpty();

		mvc.perform(post(page + "/assignment").session(session)
			.with(csrf())
			.param("mode", "least_loaded")
			.param("cap", "5")
			.param("agents", agency.agent().id().value().toString())).andExpect(redirectedUrl(page));
		assertThat(assignment.rule(agency.brand().tenant()).mode()).isEqualTo("least_loaded");
		assertThat(assignment.rule(agency.brand().tenant()).agents()).containsExactly(agency.agent().id().value());
		mvc.perform(post(page + "/assignment").session(session).with(csrf()).param("mode", "round_robin"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("name at least one agent")));

		mvc.perform(post(page + "/saved-replies").session(session)
			.with(csrf())
			.param("name", "Apology <b>")
			.param("text", "Sorry {{customer.name}}, {{agent.name}} here."))
			.andExpect(redirectedUrl(page + "#saved-replies"));
		mvc.perform(get(page).session(session))
			.andExpect(content().string(containsString("Apology &lt;b&gt;")))
			.andExpect(content().string(not(containsString("Apology <b>"))));
		mvc.perform(post(page + "/saved-replies").session(session)
			.with(csrf())
			.param("name", "Bad")
			.param("text", "Hi {{customer.phone}}"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("unknown variable")));
		var saved = savedReplies.list(agency.brand().tenant(), "Apology").get(0);
		mvc.perform(post(page + "/saved-replies/" + saved.id() + "/delete").session(session).with(csrf()))
			.andExpect(redirectedUrl(page + "#saved-replies"));
		assertThat(savedReplies.list(agency.brand().tenant(), "Apology")).isEmpty();
	}

	@Test
	void anAgentMayNotChangeTheInboxSettingsAndAnotherBrandIsNotFound() throws Exception {
		MockHttpSession agent = Sessions.signIn(mvc, agency.agent());
		mvc.perform(get(page).session(agent)).andExpect(status().isForbidden());
		mvc.perform(post(page + "/sla/channels").session(agent)
			.with(csrf())
			.param("kind", "email")
			.param("first", "60")
			.param("next", "60")).andExpect(status().isForbidden());
		mvc.perform(post(page + "/sla/channels/email/delete").session(agent).with(csrf()))
			.andExpect(status().isForbidden());
		mvc.perform(get("/brands/" + agency.otherBrand().slug() + "/inbox-settings").session(agent))
			.andExpect(status().isNotFound());
	}

}
