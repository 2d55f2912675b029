package app.rightly.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A command that fails says why in words a user can act on, on standard error, and exits
 * with 1 — not an exception's bare name or message.
 */
class RightlyCommandLineTests {

	@Test
	void aMissingFileIsNamed(@TempDir Path dir) {
		Path missing = dir.resolve("nowhere.txt");
		Failure f = run("analyze", missing.toString());
		assertThat(f.exit()).isEqualTo(1);
		assertThat(f.err()).isEqualTo("error: no such file: " + missing + "\n");
	}

	@Test
	void aFileThatIsNotUtf8IsSaidToBeSo(@TempDir Path dir) throws Exception {
		Path latin1 = dir.resolve("latin1.txt");
		Files.write(latin1, new byte[] { 'c', 'a', 'f', (byte) 0xE9, '\n' });
		Failure f = run("analyze", latin1.toString());
		assertThat(f.exit()).isEqualTo(1);
		assertThat(f.err()).startsWith("error: the file is not UTF-8 text").contains("save it as UTF-8");
	}

	@Test
	void aLabelledFileThatIsNotUtf8IsSaidToBeSo(@TempDir Path dir) throws Exception {
		Path latin1 = dir.resolve("labels.csv");
		Files.write(latin1,
				new byte[] { 't', 'e', 'x', 't', ',', 'l', '\n', 'c', 'a', 'f', (byte) 0xE9, ',', 'x', '\n' });
		Failure f = run("eval", "--task", "sentiment", "--labels", latin1.toString(), "--text-column", "text",
				"--label-column", "l");
		assertThat(f.exit()).isEqualTo(1);
		assertThat(f.err()).startsWith("error: the file is not UTF-8 text");
	}

	@Test
	void trainingOnAFileWithNothingLabelledIsRefusedBeforeAnyBrandIsTouched(@TempDir Path dir) throws Exception {
		Path broken = dir.resolve("labels.jsonl");
		Files.writeString(broken, "{not json\n{\"text\": \"no label\"}\n");
		Failure f = run("train", "--brand", "any", "--task", "sentiment", "--labels", broken.toString(),
				"--text-column", "text", "--label-column", "label", "--data-dir", dir.resolve("data").toString());
		assertThat(f.exit()).isEqualTo(1);
		assertThat(f.err()).isEqualTo("error: no labelled rows in " + broken + "\n");
		assertThat(dir.resolve("data")).doesNotExist();
	}

	private record Failure(int exit, String err) {
	}

	private static Failure run(String... args) {
		CommandLine cli = RightlyCommandLine.commandLine();
		StringWriter err = new StringWriter();
		cli.setErr(new PrintWriter(err, true));
		cli.setOut(new PrintWriter(new StringWriter(), true));
		int exit = cli.execute(args);
		return new Failure(exit, err.toString().replace(System.lineSeparator(), "\n"));
	}

}
