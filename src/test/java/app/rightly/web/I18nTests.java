package app.rightly.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * User-visible text lives in messages.properties: a template with literal text between
 * tags, or naming a key that does not exist, fails the build. (Placeholder text inside an
 * element that has th:text is replaced at render time and is fine.)
 */
class I18nTests {

	static final Path TEMPLATES = Path.of("src/main/resources/templates");

	private static final Pattern KEY = Pattern.compile("#\\{([a-zA-Z0-9_.\\-]+)[}(]");

	private static final Pattern ELEMENT = Pattern.compile("<([a-zA-Z][a-zA-Z0-9]*)([^>]*)>([^<]*)");

	@Test
	void templatesHaveNoLiteralText() throws IOException {
		List<String> literals = new ArrayList<>();
		for (Path template : templates()) {
			String html = Files.readString(template)
				.replaceAll("(?s)<!--.*?-->", "")
				.replaceAll("(?s)<script[^>]*>.*?</script>", "")
				.replaceAll("(?s)<svg.*?</svg>", "");
			Matcher m = ELEMENT.matcher(html);
			while (m.find()) {
				String attributes = m.group(2);
				String text = m.group(3).strip();
				boolean replaced = attributes.contains("th:text") || attributes.contains("th:utext")
						|| attributes.contains("th:replace") || attributes.contains("th:insert");
				if (!replaced && text.matches(".*\\p{L}{2,}.*")) {
					literals.add(TEMPLATES.relativize(template) + ": <" + m.group(1) + "> " + text);
				}
			}
		}
		assertThat(literals).as("literal text in templates; use th:text=\"#{key}\"").isEmpty();
	}

	@Test
	void everyKeyTheTemplatesUseExists() throws IOException {
		Properties messages = new Properties();
		try (InputStream in = Files.newInputStream(Path.of("src/main/resources/messages.properties"))) {
			messages.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
		}
		List<String> missing = new ArrayList<>();
		for (Path template : templates()) {
			Matcher m = KEY.matcher(Files.readString(template));
			while (m.find()) {
				if (!messages.containsKey(m.group(1))) {
					missing.add(TEMPLATES.relativize(template) + ": " + m.group(1));
				}
			}
		}
		assertThat(missing).as("message keys used in templates but missing from messages.properties").isEmpty();
	}

	private static List<Path> templates() throws IOException {
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			return files.filter(p -> p.toString().endsWith(".html")).toList();
		}
	}

}
