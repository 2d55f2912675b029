package app.rightly.analysis.training;

import java.nio.file.Files;
import java.nio.file.Path;

import app.rightly.shared.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Labelled files for {@code train} and {@code eval}: CSV with a header or JSON Lines,
 * labels renamed and rows chosen as asked, and every record left out counted with its
 * reason.
 */
class LabelledFileTests {

	@Test
	void readsACsvWithQuotedTextAndRenamesLabels(@TempDir Path dir) throws Exception {
		Path file = dir.resolve("labels.csv");
		Files.writeString(file, """
				id,text,label,airline
				1,"my bag, again, is lost",1,united
				2,"she said ""hi"" and left",0,delta
				3,lovely crew,0,united
				""");
		LabelledFile.Read read = LabelledFile.readCounted(file, "text", "label", "1=complaint,0=other", null);
		assertThat(read.rows()).containsExactly(new LabelledFile.Row("my bag, again, is lost", "complaint"),
				new LabelledFile.Row("she said \"hi\" and left", "other"),
				new LabelledFile.Row("lovely crew", "other"));
		assertThat(read.summary()).isNull();

		LabelledFile.Read united = LabelledFile.readCounted(file, "text", "label", null, "airline=united");
		assertThat(united.rows()).extracting(LabelledFile.Row::label).containsExactly("1", "0");
		assertThat(united.summary()).isEqualTo("skipped 1 of 3 records: 1 not matching --where");
	}

	@Test
	void countsEveryRecordLeftOutAndWhy(@TempDir Path dir) throws Exception {
		Path file = dir.resolve("labels.csv");
		Files.writeString(file, """
				text,label
				no label here,
				,positive
				great,positive
				bad,negative,one field too many
				meh,neutral
				""");
		LabelledFile.Read read = LabelledFile.readCounted(file, "text", "label", "neutral=", null);
		assertThat(read.rows()).containsExactly(new LabelledFile.Row("great", "positive"));
		assertThat(read.records()).isEqualTo(5);
		assertThat(read.summary()).isEqualTo("skipped 4 of 5 records: 1 without a text, 1 without a label, "
				+ "1 mapped to no label by --label-map, 1 malformed (line 5)");
	}

	@Test
	void readsJsonLinesWithNestedFieldsAndCountsBrokenLines(@TempDir Path dir) throws Exception {
		Path file = dir.resolve("labels.jsonl");
		Files.writeString(file, """
				{"message": {"body": "where is my refund?"}, "gold": "complaint"}
				{broken json

				{"message": {"body": "thanks!"}, "gold": "praise", "score": 3}
				[1, 2]
				""");
		LabelledFile.Read read = LabelledFile.readCounted(file, "message.body", "gold", null, null);
		assertThat(read.rows()).containsExactly(new LabelledFile.Row("where is my refund?", "complaint"),
				new LabelledFile.Row("thanks!", "praise"));
		assertThat(read.summary()).isEqualTo("skipped 2 of 4 records: 2 malformed (lines 2, 5)");
		assertThat(LabelledFile.readCounted(file, "message.body", "score", null, null).rows())
			.containsExactly(new LabelledFile.Row("thanks!", "3"));
	}

	@Test
	void aBrokenRecordIsNamedByTheLineItStartsOnAndBlankLinesAreNoRecords(@TempDir Path dir) throws Exception {
		Path file = dir.resolve("labels.csv");
		Files.writeString(file,
				"text,label\n\ngood,positive\n\"a text\nover two lines\",negative,extra\nok,neutral\n\n");
		LabelledFile.Read read = LabelledFile.readCounted(file, "text", "label", null, null);
		assertThat(read.rows()).extracting(LabelledFile.Row::text).containsExactly("good", "ok");
		assertThat(read.summary()).isEqualTo("skipped 1 of 3 records: 1 malformed (line 4)");
	}

	@Test
	void textThatIsNotUtf8IsSaidToBeSoWhereverItIs(@TempDir Path dir) throws Exception {
		Path file = dir.resolve("labels.csv");
		StringBuilder fine = new StringBuilder("text,label\n");
		while (fine.length() < 20_000) {
			fine.append("all good here,positive\n");
		}
		byte[] head = fine.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
		byte[] latin1 = { 'c', 'a', 'f', (byte) 0xE9, ',', 'x', '\n' };
		byte[] all = java.util.Arrays.copyOf(head, head.length + latin1.length);
		System.arraycopy(latin1, 0, all, head.length, latin1.length);
		Files.write(file, all);
		assertThatThrownBy(() -> LabelledFile.readCounted(file, "text", "label", null, null))
			.isInstanceOf(java.nio.charset.CharacterCodingException.class);
	}

	@Test
	void aMissingColumnOrAnUnclosedQuoteIsAnErrorNamingIt(@TempDir Path dir) throws Exception {
		Path file = dir.resolve("labels.csv");
		Files.writeString(file, "text,label\nfine,positive\n\"never closed,negative\n");
		assertThatThrownBy(() -> LabelledFile.readCounted(file, "txt", "label", null, null))
			.isInstanceOf(InvalidInputException.class)
			.hasMessage("column: the file has no column 'txt' (it has: text, label)");
		assertThatThrownBy(() -> LabelledFile.readCounted(file, "text", "label", null, null))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageStartingWith("labels: the file is not valid CSV")
			.hasMessageContaining("line 3");
		assertThatThrownBy(() -> LabelledFile.readCounted(file, "text", "label", "oops", null))
			.isInstanceOf(InvalidInputException.class)
			.hasMessage("label-map: 'oops' is not FROM=TO");
	}

}
