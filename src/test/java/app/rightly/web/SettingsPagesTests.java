package app.rightly.web;

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
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Settings forms: a bad field is shown next to it, the rest of the form still renders.
 */
@RightlyIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SettingsPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TenancyManagement tenancy;

	@Autowired
	ApiTokens tokens;

	TenancyFixtures.Agency agency;

	MockHttpSession owner;

	@BeforeAll
	void signIn() throws Exception {
		agency = new TenancyFixtures(tenancy, tokens).anAgencyWithTwoBrands();
		owner = (MockHttpSession) mvc
			.perform(formLogin().user(agency.owner().email()).password(agency.owner().password()))
			.andReturn()
			.getRequest()
			.getSession();
	}

	@Test
	void everySettingsPageRenders() throws Exception {
		for (String page : new String[] { "/settings", "/settings/tokens", "/settings/brands", "/settings/users",
				"/brands/" + agency.brand().slug() + "/imports", "/inbox", "/customers", "/insights" }) {
			mvc.perform(get(page).session(owner)).andExpect(status().isOk());
		}
	}

	@Test
	void anInvitationWithABadAddressShowsTheErrorByTheField() throws Exception {
		mvc.perform(post("/settings/invitations").session(owner)
			.with(csrf())
			.param("email", "not-an-address")
			.param("role", "agent"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("must be an e-mail address")));
	}

	@Test
	void anInvitationLinkIsShownOnceAndLetsTheInviteeJoin() throws Exception {
		String email = "new-" + System.nanoTime() + "@example.com";
		var result = mvc
			.perform(post("/settings/invitations").session(owner)
				.with(csrf())
				.param("email", email)
				.param("role", "agent")
				.param("brands", agency.brand().slug()))
			.andExpect(redirectedUrl("/settings/users"))
			.andExpect(flash().attributeExists("inviteLink"))
			.andReturn();
		String link = (String) result.getFlashMap().get("inviteLink");
		String path = link.substring(link.indexOf("/invite/"));
		mvc.perform(get(path)).andExpect(status().isOk()).andExpect(content().string(containsString(email)));
		mvc.perform(post(path).with(csrf())
			.param("name", "New Agent")
			.param("password", "short")
			.param("confirmPassword", "short"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("at least 10 characters")));
		mvc.perform(post(path).with(csrf())
			.param("name", "New Agent")
			.param("password", "a long enough pass")
			.param("confirmPassword", "a long enough pass")).andExpect(redirectedUrl("/login"));
		mvc.perform(formLogin().user(email).password("a long enough pass")).andExpect(redirectedUrl("/"));
		mvc.perform(get(path)).andExpect(status().isNotFound()); // used once
	}

	@Test
	void aBrandWithoutANameIsRefusedByTheField() throws Exception {
		mvc.perform(post("/settings/brands").session(owner).with(csrf()).param("name", " "))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("must not be blank")));
	}

	@Test
	void aPasswordChangeNeedsTheCurrentPasswordAndAMatchingRepeat() throws Exception {
		mvc.perform(post("/settings/password").session(owner)
			.with(csrf())
			.param("currentPassword", "wrong")
			.param("newPassword", "another long one")
			.param("confirmPassword", "another long one"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("is not your current password")));
		mvc.perform(post("/settings/password").session(owner)
			.with(csrf())
			.param("currentPassword", agency.owner().password())
			.param("newPassword", "another long one")
			.param("confirmPassword", "does not match"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("does not match")))
			.andExpect(content().string(not(containsString("is not your current password"))));
	}

}
