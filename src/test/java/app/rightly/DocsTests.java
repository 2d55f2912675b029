package app.rightly;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The docs stay true: files they name exist, and every RIGHTLY_* setting is in the
 * README.
 */
class DocsTests {

	private static final Pattern SOURCE_PATH = Pattern.compile("`?(src/(?:main|test)/[A-Za-z0-9_./-]+)`?");

	private static final Pattern ENV = Pattern.compile("\\$\\{(RIGHTLY_[A-Z_]+)");

	@Test
	void everySourceFileTheDocsNameExists() throws IOException {
		List<String> missing = new ArrayList<>();
		for (Path doc : docs()) {
			Matcher m = SOURCE_PATH.matcher(Files.readString(doc));
			while (m.find()) {
				String path = m.group(1).replaceAll("[.,;:)]+$", "");
				if (!Files.exists(Path.of(path))) {
					missing.add(doc + ": " + path);
				}
			}
		}
		assertThat(missing).as("files named in the docs that do not exist").isEmpty();
	}

	@Test
	void theReadmeListsEverySetting() throws IOException {
		String readme = Files.readString(Path.of("README.md"));
		Matcher m = ENV.matcher(Files.readString(Path.of("src/main/resources/application.properties")));
		TreeSet<String> undocumented = new TreeSet<>();
		while (m.find()) {
			if (!m.group(1).equals("RIGHTLY_MODE") && !readme.contains("`" + m.group(1) + "`")) {
				undocumented.add(m.group(1));
			}
		}
		assertThat(undocumented).as("settings missing from the README's configuration table").isEmpty();
	}

	private static List<Path> docs() throws IOException {
		List<Path> docs = new ArrayList<>(List.of(Path.of("README.md")));
		try (Stream<Path> files = Files.list(Path.of("docs"))) {
			files.filter(p -> p.toString().endsWith(".md")).forEach(docs::add);
		}
		return docs;
	}

}
