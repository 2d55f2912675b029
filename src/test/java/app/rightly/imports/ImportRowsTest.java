package app.rightly.imports;

import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import app.rightly.channels.ChannelKey;
import app.rightly.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImportRowsTest {

	static final ChannelKey CHANNEL = new ChannelKey("import", "file.csv");

	static SourceRecord record(Map<String, String> values) {
		return new SourceRecord(2, values, List.copyOf(values.values()));
	}

	@Test
	void columnsNamedLikeOurFieldsOrTheirAliasesMapThemselves() {
		ImportRows rows = ImportRows
			.resolve(List.of("tweet_id", "text", "created_at", "screen_name", "followers_count", "stars"), Map.of());
		assertThat(rows.fields()).containsEntry("externalId", "tweet_id")
			.containsEntry("text", "text")
			.containsEntry("createdAt", "created_at")
			.containsEntry("author.handle", "screen_name")
			.containsEntry("author.followers", "followers_count");
		assertThat(rows.metadata()).containsEntry("stars", "stars");
	}

	@Test
	void anExplicitMappingWins() {
		ImportRows rows = ImportRows
			.resolve(List.of("tweet_id", "text", "name", "tweet_created", "airline_sentiment"), ImportRows.parseSpec(
					"text=text,externalId=tweet_id,author.handle=name,createdAt=tweet_created,metadata.label=airline_sentiment"));
		assertThat(rows.fields()).containsEntry("author.handle", "name").doesNotContainKey("author.name");
		assertThat(rows.metadata()).containsEntry("label", "airline_sentiment");
	}

	@Test
	void aMappingToAMissingColumnOrAnUnknownFieldIsNamed() {
		assertThatThrownBy(() -> ImportRows.resolve(List.of("body"), Map.of("text", "content")))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("text")
			.hasMessageContaining("content");
		assertThatThrownBy(() -> ImportRows.resolve(List.of("body"), Map.of("txet", "body")))
			.hasMessageContaining("txet");
		assertThatThrownBy(() -> ImportRows.resolve(List.of("a", "b"), Map.of())).hasMessageContaining("text");
		assertThatThrownBy(() -> ImportRows.parseSpec("text")).hasMessageContaining("FIELD=COLUMN");
	}

	@Test
	void aRowBecomesAMessage() {
		ImportRows rows = ImportRows.resolve(List.of("id", "text", "date", "user", "followers", "rating", "kind"),
				Map.of());
		Map<String, String> values = new LinkedHashMap<>();
		values.put("id", "42");
		values.put("text", "  spaces and \"quotes\" stay  ");
		values.put("date", "2015-02-24 11:35:52 -0800");
		values.put("user", "@Maya");
		values.put("followers", "1,234");
		values.put("rating", "4");
		values.put("kind", "review");
		ImportRows.Row row = rows.convert(record(values), CHANNEL, ZoneId.of("UTC"), Instant.now());
		assertThat(row.errors()).isEmpty();
		assertThat(row.message().externalId()).isEqualTo("42");
		assertThat(row.message().text()).isEqualTo("  spaces and \"quotes\" stay  ");
		assertThat(row.message().createdAt()).isEqualTo(Instant.parse("2015-02-24T19:35:52Z"));
		assertThat(row.message().author().followers()).isEqualTo(1234L);
		assertThat(row.message().metadata()).containsEntry("rating", 4L).containsEntry("kind", "review");
		assertThat(row.message().channel()).isEqualTo(CHANNEL);
	}

	@Test
	void aRowWithoutAnIdGetsTheSameIdEachTime() {
		ImportRows rows = ImportRows.resolve(List.of("text", "user"), Map.of());
		Map<String, String> values = Map.of("text", "hello", "user", "@a");
		String first = rows.convert(record(values), CHANNEL, ZoneId.of("UTC"), Instant.now()).message().externalId();
		String again = rows.convert(record(values), CHANNEL, ZoneId.of("UTC"), Instant.now().plusSeconds(5))
			.message()
			.externalId();
		assertThat(first).startsWith("sha:").isEqualTo(again);
	}

	@Test
	void aCustomersLifetimeValueIsReadAndABadOneNamed() {
		ImportRows rows = ImportRows.resolve(List.of("text", "ltv"), Map.of());
		assertThat(rows.fields()).containsEntry("author.value", "ltv");
		assertThat(
				rows.convert(record(Map.of("text", "x", "ltv", "12,500.50")), CHANNEL, ZoneId.of("UTC"), Instant.now())
					.message()
					.author()
					.value())
			.isEqualTo(12_500.5);
		ImportRows.Row bad = rows.convert(record(Map.of("text", "x", "ltv", "-3")), CHANNEL, ZoneId.of("UTC"),
				Instant.now());
		assertThat(bad.message()).isNull();
		assertThat(bad.errors()).extracting(e -> e.field()).containsExactly("author.value");
	}

	@Test
	void aBadValueIsNamedWithTheField() {
		ImportRows rows = ImportRows.resolve(List.of("text", "date", "followers", "direction"), Map.of());
		ImportRows.Row row = rows.convert(
				record(Map.of("text", "x", "date", "soon", "followers", "many", "direction", "up")), CHANNEL,
				ZoneId.of("UTC"), Instant.now());
		assertThat(row.message()).isNull();
		assertThat(row.errors()).extracting(e -> e.field())
			.containsExactly("createdAt", "direction", "author.followers");
	}

}
