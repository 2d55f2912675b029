package app.rightly.analysis.training;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Customer-care messages from the team's own templates
 * ({@code /analysis/care-templates.txt}): what problem reports, questions and thanks look
 * like when written to a company, across industries. Expanded with a fixed seed, so the
 * training data, and the model, are the same on every build.
 */
public final class CareTemplates {

	private CareTemplates() {
	}

	public static List<PermissiveData.Labelled> expand(int perTemplate, long seed) {
		Map<String, String[]> slots = new HashMap<>();
		List<String[]> templates = new ArrayList<>();
		try (InputStream in = CareTemplates.class.getResourceAsStream("/analysis/care-templates.txt");
				BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				if (line.isBlank() || line.startsWith("#")) {
					continue;
				}
				String[] parts = line.split("\t", 2);
				if (parts[0].startsWith("@")) {
					slots.put(parts[0].substring(1), parts[1].split("\\|", -1));
				}
				else {
					templates.add(parts);
				}
			}
		}
		catch (IOException | NullPointerException ex) {
			throw new UncheckedIOException(new IOException("the care templates are missing from the jar", ex));
		}
		Random random = new Random(seed);
		List<PermissiveData.Labelled> out = new ArrayList<>();
		for (String[] template : templates) {
			for (int i = 0; i < perTemplate; i++) {
				out.add(new PermissiveData.Labelled(fill(template[1], slots, random), template[0]));
			}
		}
		return out;
	}

	static String fill(String template, Map<String, String[]> slots, Random random) {
		StringBuilder out = new StringBuilder();
		int i = 0;
		while (i < template.length()) {
			char c = template.charAt(i);
			if (c == '{') {
				int end = template.indexOf('}', i);
				String[] values = slots.get(template.substring(i + 1, end));
				if (values == null) {
					throw new IllegalStateException("no slot " + template.substring(i, end + 1));
				}
				out.append(values[random.nextInt(values.length)]);
				i = end + 1;
			}
			else if (c == '[') {
				// [a|b] picks one of the choices; [x|] may leave it out
				int end = template.indexOf(']', i);
				String[] choices = template.substring(i + 1, end).split("\\|", -1);
				out.append(choices[random.nextInt(choices.length)]);
				i = end + 1;
			}
			else {
				out.append(c);
				i++;
			}
		}
		return out.toString().replaceAll(" +", " ").strip();
	}

}
