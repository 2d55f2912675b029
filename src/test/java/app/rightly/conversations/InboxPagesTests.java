package app.rightly.conversations;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.rightly.channels.ChannelKey;
import app.rightly.tenancy.ApiTokens;
import app.rightly.tenancy.TenancyFixtures;
import app.rightly.tenancy.TenancyManagement;
import app.rightly.testing.RightlyIntegrationTest;
import app.rightly.testing.Sessions;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The inbox page: its filters survive paging and saving a view; a conversation's messages
 * carry their chips.
 */
@RightlyIntegrationTest
class InboxPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TenancyManagement tenancy;

	@Autowired
	ApiTokens tokens;

	@Autowired
	MessageIngestion ingestion;

	@Autowired
	ConversationWork work;

	@Test
	void theNextPageAndASavedViewKeepEveryFilter() throws Exception {
		TenancyFixtures.Agency agency = new TenancyFixtures(tenancy, tokens).anAgencyWithTwoBrands();
		List<IncomingMessage> complaints = new ArrayList<>();
		for (int i = 0; i < 51; i++) {
			complaints.add(new IncomingMessage(new ChannelKey("api", "pages"), "p-" + UUID.randomUUID(),
					IncomingMessage.Direction.INBOUND, new IncomingMessage.Sender("@pages" + i, null, null, null),
					"my bag never arrived, third time I ask", Instant.now(), IncomingMessage.Visibility.PUBLIC, null,
					null, Map.of()));
		}
		ingestion.ingest(agency.brand().tenant(), complaints);
		MockHttpSession session = Sessions.signIn(mvc, agency.agent());
		mvc.perform(post("/brands/switch").session(session).with(csrf()).param("brand", agency.brand().slug()));
		mvc.perform(get("/inbox").session(session).param("intent", "complaint"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("intent=complaint&amp;cursor=50")));
		// a conversation opens beside the list the agent came from
		// (the riskiest of them: equal risks are ordered by id, random within a
		// millisecond)
		String first = work
			.list(agency.brand().tenant(), agency.agent().id(),
					ConversationWork.Filter.of(Map.of("status", "open", "intent", "complaint"), 0, 1))
			.items()
			.get(0)
			.id()
			.toString();
		mvc.perform(get("/inbox/conversations/" + first).session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-testid=\"queue\"")))
			.andExpect(content().string(containsString("is-current")))
			.andExpect(
					content().string(containsString("href=\"/inbox?sort=risk&amp;status=open&amp;intent=complaint\"")));
		mvc.perform(get("/inbox").session(session).param("view", "mine").param("intent", "complaint"))
			.andExpect(content().string(containsString(
					"name=\"query\" value=\"sort=risk&amp;status=open&amp;assignee=me&amp;intent=complaint\"")));
	}

	@Test
	void aMessageIsMarkedAbusiveForAbuseOfAPersonNotForAToxicReading() throws Exception {
		TenancyFixtures.Agency agency = new TenancyFixtures(tenancy, tokens).anAgencyWithTwoBrands();
		List<IncomingMessage> messages = new ArrayList<>();
		for (String[] m : new String[][] { { "@rude", "@SkyAir you stupid idiots" },
				{ "@asking", "@SkyAir any luck?" } }) {
			messages.add(new IncomingMessage(new ChannelKey("api", "chips"), "c-" + UUID.randomUUID(),
					IncomingMessage.Direction.INBOUND, new IncomingMessage.Sender(m[0], null, null, null), m[1],
					Instant.now(), IncomingMessage.Visibility.PUBLIC, null, null, Map.of()));
		}
		ingestion.ingest(agency.brand().tenant(), messages);
		MockHttpSession session = Sessions.signIn(mvc, agency.agent());
		mvc.perform(post("/brands/switch").session(session).with(csrf()).param("brand", agency.brand().slug()));
		String chip = "<span class=\"chip chip--late\">abusive</span>";
		List<ConversationWork.Item> items = work
			.list(agency.brand().tenant(), agency.agent().id(),
					ConversationWork.Filter.of(Map.of("status", "open"), 0, 10))
			.items();
		assertThat(items).extracting(i -> i.customer().handle()).containsExactlyInAnyOrder("@rude", "@asking");
		for (ConversationWork.Item item : items) {
			boolean rude = item.customer().handle().equals("@rude");
			mvc.perform(get("/inbox/conversations/" + item.id()).session(session))
				.andExpect(status().isOk())
				.andExpect(content().string(rude ? containsString(chip) : not(containsString(chip))))
				.andExpect(content().string(not(containsString("Flagged as abusive"))));
		}
	}

}
