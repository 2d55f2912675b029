package app.rightly.testing;

import app.rightly.tenancy.TenancyFixtures;

import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;

/** A signed-in web session for MockMvc, through the real sign-in form. */
public final class Sessions {

	private Sessions() {
	}

	public static MockHttpSession signIn(MockMvc mvc, TenancyFixtures.Person person) throws Exception {
		return (MockHttpSession) mvc.perform(formLogin().user(person.email()).password(person.password()))
			.andReturn()
			.getRequest()
			.getSession();
	}

}
