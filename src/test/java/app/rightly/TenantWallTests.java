package app.rightly;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import app.rightly.channels.ChannelKey;
import app.rightly.conversations.IncomingMessage;
import app.rightly.conversations.MessageIngestion;
import app.rightly.tenancy.ApiTokens;
import app.rightly.tenancy.Brand;
import app.rightly.tenancy.TenancyFixtures;
import app.rightly.tenancy.TenancyManagement;
import app.rightly.testing.RightlyIntegrationTest;
import app.rightly.testing.Sessions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * The walls between tenants, proven for every route the application registers — not a
 * list kept by hand, so a new endpoint is covered the day it is added. Every path
 * variable must be known here (the test fails on an unknown one): add the other tenant's
 * resource of that kind to {@link #resourcesOf}.
 */
@RightlyIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantWallTests {

	/** Routes anyone may call, whose path variables name nothing a tenant owns. */
	static final Set<String> PUBLIC = Set.of("/problems/{type}", "/invite/{token}");

	/** What a user does for themselves only, not to brand data: a viewer may do it. */
	static final Set<String> PERSONAL = Set.of("/api/v1/tokens", "/api/v1/tokens/{token}", "/settings/tokens",
			"/settings/tokens/{token}/revoke", "/settings/password", "/brands/switch", "/logout", "/login");

	private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(:[^}]*)?}");

	@Autowired
	MockMvc mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	TenancyManagement tenancy;

	@Autowired
	ApiTokens tokens;

	@Autowired
	MessageIngestion ingestion;

	@Autowired
	app.rightly.channels.Channels channels;

	@Autowired
	app.rightly.conversations.SavedReplies savedReplies;

	@Autowired
	app.rightly.imports.ImportJobs imports;

	@Autowired
	app.rightly.analysis.BrandTopics topics;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Autowired
	app.rightly.conversations.SavedViews savedViews;

	TenancyFixtures.Agency ours;

	TenancyFixtures.Agency theirs;

	@BeforeAll
	void twoAgencies() {
		var fixtures = new TenancyFixtures(tenancy, tokens);
		ours = fixtures.anAgencyWithTwoBrands();
		theirs = fixtures.anAgencyWithTwoBrands();
	}

	/** The resources of an agency's brand that a route's path variables can name. */
	Map<String, String> resourcesOf(TenancyFixtures.Agency agency, Brand brand) {
		Map<String, String> ids = new HashMap<>();
		ids.put("brand", brand.id().value().toString());
		ids.put("token", tokens.list(agency.owner().user()).get(0).id().toString());
		ids.put("invitation", agency.invitation().toString());
		var ingested = ingestion
			.ingest(brand.tenant(),
					List.of(new IncomingMessage(new ChannelKey("api", "walls"), "wall-" + java.util.UUID.randomUUID(),
							IncomingMessage.Direction.INBOUND, new IncomingMessage.Sender("@wall", null, null, null),
							"hello", java.time.Instant.now(), IncomingMessage.Visibility.PUBLIC, null, null, Map.of())))
			.get(0);
		ids.put("message", ingested.messageId().toString());
		ids.put("conversation", ingested.conversationId().toString());
		ids.put("id", ingested.conversationId().toString()); // the inbox's conversation
																// pages
		ids.put("reply", java.util.UUID.randomUUID().toString());
		ids.put("kind", "email"); // a channel kind's response targets
		ids.put("savedReply",
				savedReplies.save(brand.tenant(), null, "Wall " + java.util.UUID.randomUUID(), "Hello")
					.id()
					.toString());
		ids.put("channel", channels.find(brand.tenant(), new ChannelKey("api", "walls")).orElseThrow().id().toString());
		try {
			ids.put("import",
					imports
						.upload(brand.tenant(), agency.owner().id(), "walls.csv",
								new java.io.ByteArrayInputStream(
										"text\nhello\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
						.id()
						.toString());
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		ids.put("topic",
				topics
					.create(brand.tenant(),
							new app.rightly.analysis.BrandTopics.TopicInput("promise",
									"Wall " + java.util.UUID.randomUUID(), null, List.of("on time")))
					.id()
					.toString());
		ids.put("task", "sentiment");
		ids.put("view",
				savedViews.create(brand.tenant(), agency.owner().id(), "Wall", "status=open", true).id().toString());
		ids.put("customer",
				jdbc.sql("SELECT customer_id FROM conversation WHERE id = :id")
					.param("id", ingested.conversationId())
					.query(java.util.UUID.class)
					.single()
					.toString());
		return ids;
	}

	record Route(HttpMethod method, String pattern, boolean jsonList) {

		boolean api() {
			return pattern.startsWith("/api/");
		}

		List<String> variables() {
			List<String> names = new ArrayList<>();
			Matcher m = VARIABLE.matcher(pattern);
			while (m.find()) {
				names.add(m.group(1));
			}
			return names;
		}

		String url(Map<String, String> values) {
			Matcher m = VARIABLE.matcher(pattern);
			StringBuilder out = new StringBuilder();
			while (m.find()) {
				String value = values.get(m.group(1));
				assertThat(value)
					.as("TenantWallTests knows no resource for {%s} in %s %s; add one to resourcesOf", m.group(1),
							method, pattern)
					.isNotNull();
				m.appendReplacement(out, Matcher.quoteReplacement(value));
			}
			m.appendTail(out);
			return out.toString();
		}

	}

	List<Route> routes() {
		List<Route> routes = new ArrayList<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
			RequestMappingInfo info = e.getKey();
			if (info.getPathPatternsCondition() == null) {
				continue;
			}
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			boolean jsonList = false;
			for (MethodParameter p : e.getValue().getMethodParameters()) {
				if (p.hasParameterAnnotation(RequestBody.class) && List.class.isAssignableFrom(p.getParameterType())) {
					jsonList = true;
				}
			}
			for (String pattern : info.getPathPatternsCondition().getPatternValues()) {
				if (pattern.startsWith("/v3/") || pattern.startsWith("/swagger") || pattern.equals("/error")) {
					continue; // springdoc and the container's error page
				}
				for (RequestMethod m : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
					routes.add(new Route(HttpMethod.valueOf(m.name()), pattern, jsonList));
				}
			}
		}
		assertThat(routes).as("routes found").hasSizeGreaterThan(10);
		return routes;
	}

	@Test
	void anotherOrganisationsResourcesAreNotFound() throws Exception {
		MockHttpSession session = Sessions.signIn(mvc, ours.owner());
		int checked = 0;
		for (Route route : routes()) {
			if (PUBLIC.contains(route.pattern()) || route.variables().isEmpty()) {
				continue;
			}
			String url = route.url(resourcesOf(theirs, theirs.brand()));
			int status = call(route, url, ours.owner(), session);
			assertThat(status).as("%s %s as the owner of another organisation", route.method(), url).isEqualTo(404);
			checked++;
		}
		assertThat(checked).as("routes with path variables checked").isGreaterThan(3);
	}

	@Test
	void aBrandTheCallerIsNotAMemberOfIsNotFound() throws Exception {
		MockHttpSession session = Sessions.signIn(mvc, ours.agent());
		int checked = 0;
		for (Route route : routes()) {
			if (!route.variables().contains("brand")) {
				continue;
			}
			String url = route.url(resourcesOf(ours, ours.otherBrand()));
			int status = call(route, url, ours.agent(), session);
			assertThat(status).as("%s %s as an agent who is not a member of the brand", route.method(), url)
				.isEqualTo(404);
			checked++;
		}
		assertThat(checked).as("brand-scoped routes checked").isPositive();
	}

	@Test
	void aViewerCannotChangeAnything() throws Exception {
		MockHttpSession session = Sessions.signIn(mvc, ours.viewer());
		int checked = 0;
		for (Route route : routes()) {
			if (route.method() == HttpMethod.GET || route.method() == HttpMethod.HEAD
					|| PUBLIC.contains(route.pattern()) || PERSONAL.contains(route.pattern())) {
				continue;
			}
			String url = route.url(resourcesOf(ours, ours.brand()));
			int status = call(route, url, ours.viewer(), session);
			assertThat(status).as("%s %s as a viewer", route.method(), url).isEqualTo(403);
			checked++;
		}
		assertThat(checked).as("routes that change something").isGreaterThan(3);
	}

	int call(Route route, String url, TenancyFixtures.Person person, MockHttpSession session) throws Exception {
		MockHttpServletRequestBuilder request = request(route.method(), url);
		if (route.api()) {
			request.header("Authorization", "Bearer " + person.token())
				.contentType("application/json")
				.content(route.jsonList() ? "[]" : "{}");
		}
		else {
			request.session(session).with(csrf());
		}
		return mvc.perform(request).andReturn().getResponse().getStatus();
	}

}
