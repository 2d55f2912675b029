package app.rightly.analysis.training;

import java.util.ArrayList;
import java.util.List;

import app.rightly.analysis.text.CueLexicon;

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
		CueLexicon.lines("/analysis/care-messages.tsv", (line, number) -> {
			String[] parts = line.split("\t", -1);
			if (parts.length != 3) {
				throw new IllegalStateException(
						"care-messages.tsv:" + number + " is not sentiment<TAB>intent<TAB>text");
			}
			out.add(new Message(parts[2], parts[0], parts[1]));
		});
		return out;
	}

}
