package app.rightly.imports;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

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
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Settings → Import: upload, map with a preview, import in the background, download the
 * rejects.
 */
@RightlyIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TenancyManagement tenancy;

	@Autowired
	ApiTokens tokens;

	@Autowired
	ImportJobs jobs;

	TenancyFixtures.Agency agency;

	@BeforeAll
	void agency() {
		agency = new TenancyFixtures(tenancy, tokens).anAgencyWithTwoBrands();
	}

	@Test
	void aFileIsUploadedMappedImportedAndItsRejectsDownloaded() throws Exception {
		MockHttpSession owner = Sessions.signIn(mvc, agency.owner());
		String base = "/brands/" + agency.brand().slug() + "/imports";
		String csv = "tweet_id,text,name,tweet_created\nw-1,\"<b>bold</b> where is my bag\",maya,2015-02-24 11:35:52 -0800\n"
				+ "w-2,fine,tom,2015-02-24 12:00:00 -0800\nw-3,no date,ana,someday\n";
		String location = mvc
			.perform(multipart(base)
				.file(new MockMultipartFile("file", "web.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
				.session(owner)
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		UUID id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));

		String mapping = mvc.perform(get(location).session(owner))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(mapping).contains("&lt;b&gt;bold&lt;/b&gt; where is my bag") // the
																				// preview
																				// shows
																				// markup
																				// as text
			.doesNotContain("<b>bold</b>")
			.contains("<option value=\"tweet_id\" selected=\"selected\">tweet_id</option>");

		mvc.perform(post(location + "/start").session(owner)
			.with(csrf())
			.param("map.text", "text")
			.param("map.externalId", "tweet_id")
			.param("map.createdAt", "tweet_created")
			.param("map.author.handle", "name")
			.param("channelKind", "x")
			.param("channelName", "@brand")).andExpect(status().is3xxRedirection());

		ImportJobs.Job job = waitFor(id);
		assertThat(job.status()).isEqualTo("done");
		assertThat(job.created()).isEqualTo(2);
		assertThat(job.rejected()).isEqualTo(1);
		mvc.perform(get(location + "/progress").session(owner))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-testid=\"download-rejects\"")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("hx-trigger"))));
		mvc.perform(get(location + "/rejects.csv").session(owner))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", containsString("web.csv.rejects.csv")))
			.andExpect(content().string(containsString("4,createdAt cannot read the date 'someday'")));
	}

	@Test
	void aMappingToAColumnTheFileDoesNotHaveIsShownWithTheField() throws Exception {
		MockHttpSession owner = Sessions.signIn(mvc, agency.owner());
		String base = "/brands/" + agency.brand().slug() + "/imports";
		String location = mvc
			.perform(multipart(base).file(new MockMultipartFile("file", "small.csv", "text/csv",
					"text\nhello\n".getBytes(StandardCharsets.UTF_8)))
				.session(owner)
				.with(csrf()))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		mvc.perform(post(location + "/start").session(owner)
			.with(csrf())
			.param("map.text", "nonexistent")
			.param("channelKind", "import"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("which the file does not have")));
	}

	@Test
	void anEmptyUploadIsRefusedWithAReason() throws Exception {
		MockHttpSession owner = Sessions.signIn(mvc, agency.owner());
		mvc.perform(multipart("/brands/" + agency.brand().slug() + "/imports")
			.file(new MockMultipartFile("file", "empty.csv", "text/csv", new byte[0]))
			.session(owner)
			.with(csrf())).andExpect(status().isOk()).andExpect(content().string(containsString("choose a CSV")));
	}

	@Test
	void agentsAndViewersMayNotImport() throws Exception {
		mvc.perform(get("/brands/" + agency.brand().slug() + "/imports").session(Sessions.signIn(mvc, agency.agent())))
			.andExpect(status().isForbidden());
		mvc.perform(get("/brands/" + agency.brand().slug() + "/imports").session(Sessions.signIn(mvc, agency.viewer())))
			.andExpect(status().isForbidden());
	}

	ImportJobs.Job waitFor(UUID id) throws InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
		ImportJobs.Job job = jobs.job(agency.brand().tenant(), id);
		while (!job.finished() && Instant.now().isBefore(deadline)) {
			Thread.sleep(100);
			job = jobs.job(agency.brand().tenant(), id);
		}
		return job;
	}

}
