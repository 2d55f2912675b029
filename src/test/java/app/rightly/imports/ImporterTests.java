package app.rightly.imports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import app.rightly.channels.ChannelKey;
import app.rightly.shared.Tenant;
import app.rightly.tenancy.ApiTokens;
import app.rightly.tenancy.TenancyFixtures;
import app.rightly.tenancy.TenancyManagement;
import app.rightly.testing.RightlyIntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Files in, byte for byte: quoting, newlines, BOM, emoji, right-to-left text; rejects;
 * reruns.
 */
@RightlyIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImporterTests {

	static final String HOSTILE = "Hello, \"quoted\" world,\nsecond line\r\nthird 🙂👍🏽 مرحبا بالعالم <script>x</script>";

	@Autowired
	Importer importer;

	@Autowired
	TenancyManagement tenancy;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path dir;

	Tenant tenant;

	@BeforeAll
	void brand() {
		tenant = new TenancyFixtures(tenancy, tokens).anAgencyWithTwoBrands().brand().tenant();
	}

	static String csvField(String value) {
		return "\"" + value.replace("\"", "\"\"") + "\"";
	}

	Importer.Report run(Path file, String format, Map<String, String> mapping) throws IOException {
		List<Importer.Progress> seen = new ArrayList<>();
		Importer.Report report = importer.run(tenant,
				new Importer.Request(file, format, mapping, new ChannelKey("import", file.getFileName().toString()),
						ZoneId.of("UTC"), Importer.Request.defaultRejects(file)),
				seen::add);
		assertThat(seen).isNotEmpty();
		assertThat(seen.get(seen.size() - 1).done()).isTrue();
		return report;
	}

	String storedText(String externalId) {
		return jdbc.sql("SELECT text FROM message WHERE brand_id = :b AND external_id = :e")
			.param("b", tenant.brand().value())
			.param("e", externalId)
			.query(String.class)
			.single();
	}

	@Test
	void csvEdgeCasesSurviveByteForByte() throws IOException {
		Path file = dir.resolve("edge.csv");
		String csv = "\uFEFFid,text,user,created_at\r\n" + "edge-1," + csvField(HOSTILE)
				+ ",@maya,2026-11-01T10:00:00Z\r\n" + "edge-2,\"commas, inside\",@tom,2026-11-01T11:00:00Z\n"
				+ "edge-3,plain,@ana,1761994800\n";
		Files.writeString(file, csv, StandardCharsets.UTF_8);
		Importer.Report report = run(file, null, Map.of());
		assertThat(report.progress().created()).isEqualTo(3);
		assertThat(report.progress().rejected()).isZero();
		assertThat(storedText("edge-1")).isEqualTo(HOSTILE);
		assertThat(storedText("edge-2")).isEqualTo("commas, inside");
		assertThat(report.mapping()).contains("externalId=id"); // the BOM did not stick
																// to the first column
	}

	@Test
	void rejectedRowsGoToTheRejectsFileWithLineAndReasonAndTheRestIsImported() throws IOException {
		Path file = dir.resolve("mixed.csv");
		Files.writeString(file, """
				id,text,user,created_at
				ok-1,"fine",@a,2026-11-01T10:00:00Z
				bad-1,"no date that I can read",@b,the day before yesterday
				ok-2,"multi
				line",@c,2026-11-01T12:00:00Z
				bad-2,,@d,2026-11-01T13:00:00Z
				bad-3,"too, many",@e,2026-11-01T13:00:00Z,extra
				""", StandardCharsets.UTF_8);
		Importer.Report report = run(file, "csv", Map.of());
		assertThat(report.progress().rows()).isEqualTo(5);
		assertThat(report.progress().created()).isEqualTo(2);
		assertThat(report.progress().rejected()).isEqualTo(3);
		List<String> rejects = Files.readAllLines(report.rejects());
		assertThat(rejects.get(0)).isEqualTo("line,reason,id,text,user,created_at");
		assertThat(rejects.get(1)).startsWith("3,createdAt cannot read the date").contains("bad-1");
		assertThat(rejects.get(2)).startsWith("6,text is required");
		assertThat(rejects.get(3)).startsWith("7,record has 5 fields where the header has 4");
	}

	@Test
	void runningTheSameImportAgainCreatesNothing() throws IOException {
		Path file = dir.resolve("again.csv");
		StringBuilder csv = new StringBuilder("text,handle,date\n");
		for (int i = 0; i < 2500; i++) { // more than two batches, no ids: fingerprints
											// make them stable
			csv.append("message ")
				.append(i)
				.append(",@user")
				.append(i % 40)
				.append(",2026-11-0")
				.append(1 + i % 9)
				.append("T10:00:00Z\n");
		}
		Files.writeString(file, csv);
		assertThat(run(file, null, Map.of()).progress().created()).isEqualTo(2500);
		Importer.Report again = run(file, null, Map.of());
		assertThat(again.progress().created()).isZero();
		assertThat(again.progress().duplicates()).isEqualTo(2500);
	}

	@Test
	void jsonLinesAreReadWithNestedFields() throws IOException {
		Path file = dir.resolve("export.jsonl");
		Files.writeString(file,
				"""
						{"id": "j-1", "text": "%s", "user": {"screen_name": "@maya", "followers_count": 1200}, "created_at": "Tue Feb 24 19:35:52 +0000 2015", "likes": 3}

						{"id": "j-2", "text": "second", "user": {"screen_name": "@tom"}, "created_at": "2015-02-24 11:35:52 -0800"}
						not json at all
						"""
					.formatted(HOSTILE.replace("\\", "\\\\")
						.replace("\"", "\\\"")
						.replace("\n", "\\n")
						.replace("\r", "\\r")),
				StandardCharsets.UTF_8);
		Importer.Report report = run(file, null,
				Map.of("author.handle", "user.screen_name", "author.followers", "user.followers_count"));
		assertThat(report.progress().created()).isEqualTo(2);
		assertThat(report.progress().rejected()).isEqualTo(1);
		assertThat(storedText("j-1")).isEqualTo(HOSTILE);
		assertThat(Files.readAllLines(report.rejects()).get(1)).startsWith("4,").contains("record is not valid JSON");
	}

	@Test
	void rowsWithBytesThatAreNotUtf8AreRejectedWithTheirLine() throws IOException {
		Path file = dir.resolve("latin1.csv");
		Files.write(file, "text,handle\nok,@a\ncaf\u00e9,@b\nfine,@c\n".getBytes(StandardCharsets.ISO_8859_1));
		Importer.Report report = run(file, null, Map.of());
		assertThat(report.progress().created()).isEqualTo(2);
		assertThat(Files.readAllLines(report.rejects()).get(1)).startsWith("3,")
			.contains("text holds bytes that are not UTF-8")
			.contains("caf\uFFFD");
	}

	@Test
	void aPreviewShowsColumnsFirstRowsAndTheMappingThatWouldBeUsed() throws IOException {
		Path file = dir.resolve("preview.csv");
		Files.writeString(file, "tweet_id,text,name\n1,hello,@a\n2,world,@b\n3,third,@c\n");
		Importer.Preview preview = importer.preview(file, null, 2);
		assertThat(preview.columns()).containsExactly("tweet_id", "text", "name");
		assertThat(preview.rows()).hasSize(2);
		assertThat(preview.mapping()).containsEntry("externalId", "tweet_id").containsEntry("author.name", "name");
	}

}
