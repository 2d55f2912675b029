package app.rightly.tenancy;

import app.rightly.testing.RightlyIntegrationTest;
import app.rightly.testing.Sessions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@RightlyIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignInTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TenancyManagement tenancy;

	@Autowired
	ApiTokens tokens;

	TenancyFixtures.Agency agency;

	@BeforeAll
	void agency() {
		agency = new TenancyFixtures(tenancy, tokens).anAgencyWithTwoBrands();
	}

	@Test
	void pagesNeedASignIn() throws Exception {
		mvc.perform(get("/inbox")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
	}

	@Test
	void theRightPasswordSignsIn() throws Exception {
		MvcResult result = mvc.perform(formLogin().user(agency.agent().email()).password(TenancyFixtures.PASSWORD))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/"))
			.andReturn();
		MockHttpSession session = (MockHttpSession) result.getRequest().getSession();
		mvc.perform(get("/inbox").session(session)).andExpect(status().isOk());
	}

	@Test
	void theEmailIsNotCaseSensitive() throws Exception {
		mvc.perform(formLogin().user(agency.viewer().email().toUpperCase()).password(TenancyFixtures.PASSWORD))
			.andExpect(redirectedUrl("/"));
	}

	@Test
	void aWrongPasswordFails() throws Exception {
		mvc.perform(formLogin().user(agency.owner().email()).password("not the password"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/login?error"));
	}

	@Test
	void anUnknownUserFailsTheSameWay() throws Exception {
		mvc.perform(formLogin().user("nobody@example.com").password("whatever"))
			.andExpect(redirectedUrl("/login?error"));
	}

	@Test
	void repeatedFailuresPauseTheAccountEvenForTheRightPassword() throws Exception {
		var person = new TenancyFixtures(tenancy, tokens).person(agency.organisation(), "locked",
				"x" + System.nanoTime(), Role.AGENT, true, java.util.List.of());
		for (int i = 0; i < 5; i++) {
			mvc.perform(formLogin().user(person.email()).password("wrong " + i))
				.andExpect(redirectedUrl("/login?error"));
		}
		mvc.perform(formLogin().user(person.email()).password(TenancyFixtures.PASSWORD))
			.andExpect(redirectedUrl("/login?error"));
	}

	@Test
	void aSuccessfulSignInResetsTheFailureCount() throws Exception {
		var person = new TenancyFixtures(tenancy, tokens).person(agency.organisation(), "reset",
				"y" + System.nanoTime(), Role.AGENT, true, java.util.List.of());
		for (int round = 0; round < 2; round++) {
			for (int i = 0; i < 4; i++) {
				mvc.perform(formLogin().user(person.email()).password("wrong"))
					.andExpect(redirectedUrl("/login?error"));
			}
			mvc.perform(formLogin().user(person.email()).password(TenancyFixtures.PASSWORD))
				.andExpect(redirectedUrl("/"));
		}
	}

	@Test
	void formsRefuseAPostWithoutTheCsrfToken() throws Exception {
		MockHttpSession session = Sessions.signIn(mvc, agency.owner());
		mvc.perform(post("/settings/tokens").session(session).param("name", "no csrf"))
			.andExpect(status().isForbidden());
		mvc.perform(post("/settings/tokens").session(session).param("name", "with csrf").with(csrf()))
			.andExpect(status().is3xxRedirection());
	}

	@Test
	void theSignInFormItselfNeedsTheCsrfToken() throws Exception {
		mvc.perform(
				post("/login").param("username", agency.owner().email()).param("password", TenancyFixtures.PASSWORD))
			.andExpect(status().isForbidden());
	}

	@Test
	void signingOutEndsTheSession() throws Exception {
		MockHttpSession session = Sessions.signIn(mvc, agency.owner());
		mvc.perform(post("/logout").session(session).with(csrf())).andExpect(redirectedUrl("/login?signedOut"));
		mvc.perform(get("/inbox").session(session)).andExpect(redirectedUrl("/login"));
	}

	@Test
	void pagesCarryAStrictContentSecurityPolicy() throws Exception {
		String csp = mvc.perform(get("/login"))
			.andExpect(status().isOk())
			.andExpect(header().exists("Content-Security-Policy"))
			.andReturn()
			.getResponse()
			.getHeader("Content-Security-Policy");
		assertThat(csp).contains("script-src 'self'").doesNotContain("unsafe-inline");
	}

}
