package app.rightly.analysis.text;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What customers write about (delay, luggage, damage, staff, booking, money…), from the
 * team's lexicon {@code analysis/aspects.tsv}. Brand models see the aspects a message
 * touches, so a brand label with few examples ("Damaged Luggage") still has something to
 * go on: the words of every message about damage.
 */
public final class Aspects {

	private static final Aspects DEFAULT = load("/analysis/aspects.tsv");

	private final List<String> names;

	private final CueLexicon lexicon;

	private Aspects(List<String> names, CueLexicon lexicon) {
		this.names = names;
		this.lexicon = lexicon;
	}

	public static Aspects get() {
		return DEFAULT;
	}

	static Aspects load(String resource) {
		Map<String, List<String>> terms = new LinkedHashMap<>();
		CueLexicon.lines(resource, (line, number) -> {
			String[] parts = line.split("\t");
			if (parts.length != 2) {
				throw new IllegalStateException(resource + ":" + number + " is not aspect<TAB>terms");
			}
			List<String> list = terms.computeIfAbsent(parts[0], k -> new ArrayList<>());
			for (String term : parts[1].split(",")) {
				if (!term.isBlank()) {
					list.add(term.strip());
				}
			}
		});
		return new Aspects(List.copyOf(terms.keySet()), CueLexicon.of(terms));
	}

	public List<String> names() {
		return names;
	}

	/**
	 * Which aspects the tokens touch: 1 or 0 per aspect, in the order of
	 * {@link #names()}.
	 */
	public float[] of(List<Token> tokens) {
		float[] out = new float[names.size()];
		for (Cue c : lexicon.match(tokens)) {
			out[names.indexOf(c.category())] = 1;
		}
		return out;
	}

}
