package app.rightly.analysis.training;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Customer messages written for Rightly ({@code /analysis/care-messages.tsv}), each with
 * the sentiment and the intent a care lead reads in it: thousands of different people
 * writing to companies in eight industries, where the templates give variations of a few
 * hundred sentences. Training data for the shipped sentiment and complaint models.
 */
public final class CareMessages {

	/** A message and its two labels. */
	public record Message(String text, String sentiment, String intent) {
	}

	private CareMessages() {
	}

	public static List<Message> all() {
		List<Message> out = new ArrayList<>();
		try (InputStream in = CareMessages.class.getResourceAsStream("/analysis/care-messages.tsv");
				BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				if (line.isBlank() || line.startsWith("#")) {
					continue;
				}
				String[] parts = line.split("\t", -1);
				if (parts.length != 3) {
					throw new IllegalStateException("care-messages.tsv: not sentiment, intent and text: " + line);
				}
				out.add(new Message(parts[2], parts[0], parts[1]));
			}
		}
		catch (IOException | NullPointerException ex) {
			throw new UncheckedIOException(new IOException("the care messages are missing from the jar", ex));
		}
		return out;
	}

}
