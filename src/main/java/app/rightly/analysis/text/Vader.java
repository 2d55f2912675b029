package app.rightly.analysis.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * VADER's valence rules (Hutto &amp; Gilbert, ICWSM 2014) over our tokens: the lexicon of
 * human ratings, boosters and dampeners, negation within three words (not reaching past
 * "but": "nothing but great" is great, and not in "can't believe how": departures from
 * VADER), "but" shifting the weight to what follows, capitals and exclamation marks for
 * emphasis. Gives a compound score in [-1, 1]. The lexicon is VADER's (MIT; see
 * docs/models.md).
 */
public final class Vader {

	private static final Set<String> NEGATIONS = Set.of("aint", "arent", "cannot", "cant", "couldnt", "darent", "didnt",
			"doesnt", "ain't", "aren't", "can't", "couldn't", "daren't", "didn't", "doesn't", "dont", "hadnt", "hasnt",
			"havent", "isnt", "mightnt", "mustnt", "neither", "don't", "hadn't", "hasn't", "haven't", "isn't",
			"mightn't", "mustn't", "neednt", "needn't", "never", "none", "nope", "nor", "not", "nothing", "nowhere",
			"oughtnt", "shant", "shouldnt", "wasnt", "werent", "oughtn't", "shan't", "shouldn't", "wasn't", "weren't",
			"without", "wont", "wouldnt", "won't", "wouldn't", "rarely", "seldom", "no");

	private static final Map<String, Double> BOOSTERS = new HashMap<>();

	static {
		for (String w : ("absolutely amazingly awfully completely considerably decidedly deeply effing enormously "
				+ "entirely especially exceptionally extremely fabulously flipping flippin fricking frickin frigging "
				+ "friggin fully fucking greatly hella highly hugely incredibly intensely majorly more most "
				+ "particularly purely quite really remarkably so substantially thoroughly totally tremendously uber "
				+ "unbelievably unusually utterly very")
			.split(" ")) {
			BOOSTERS.put(w, 0.293);
		}
		for (String w : ("almost barely hardly kinda kindof less little marginally occasionally partly scarcely slightly "
				+ "somewhat sorta sortof")
			.split(" ")) {
			BOOSTERS.put(w, -0.293);
		}
	}

	/**
	 * What VADER's rules need to know of a word, found with one look-up per token: its
	 * rated valence (if rated), its boost, and whether it negates or ends a negation's
	 * reach.
	 */
	private record Word(boolean rated, float valence, boolean booster, double boost, boolean negation,
			boolean scopeEnd) {
	}

	private final WordMap<Word> words;

	private Vader(Map<String, Float> lexicon) {
		Set<String> all = new HashSet<>(lexicon.keySet());
		all.addAll(BOOSTERS.keySet());
		all.addAll(NEGATIONS);
		all.addAll(CueLexicon.SCOPE_ENDS);
		Map<String, Word> words = new HashMap<>();
		for (String w : all) {
			Float valence = lexicon.get(w);
			Double boost = BOOSTERS.get(w);
			words.put(w, new Word(valence != null, valence == null ? 0 : valence, boost != null,
					boost == null ? 0 : boost, NEGATIONS.contains(w), CueLexicon.SCOPE_ENDS.contains(w)));
		}
		this.words = WordMap.of(words);
	}

	public static Vader load() {
		Map<String, Float> lexicon = new HashMap<>(16_000);
		try (InputStream in = Vader.class.getResourceAsStream("/analysis/vader_lexicon.txt");
				BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				int tab = line.indexOf('\t');
				int tab2 = line.indexOf('\t', tab + 1);
				if (tab > 0) {
					lexicon.put(line.substring(0, tab),
							Float.parseFloat(line.substring(tab + 1, tab2 < 0 ? line.length() : tab2)));
				}
			}
		}
		catch (IOException | NullPointerException ex) {
			throw new UncheckedIOException(new IOException("the VADER lexicon is missing from the jar", ex));
		}
		return new Vader(lexicon);
	}

	/** The rated valence of a word, or 0. */
	public float valence(String norm) {
		Word w = words.get(norm);
		return w == null ? 0 : w.valence();
	}

	/** The compound score of a message in [-1, 1]. */
	public double compound(List<Token> tokens, String text) {
		int n = tokens.size();
		Word[] known = new Word[n];
		boolean[] shouted = new boolean[n];
		boolean someCaps = false;
		boolean allCaps = true;
		for (int i = 0; i < n; i++) {
			Token t = tokens.get(i);
			known[i] = words.get(t.norm());
			if (t.kind() == Token.Kind.WORD) {
				boolean shout = shouted[i] = t.shouted();
				someCaps |= shout;
				allCaps &= shout;
			}
		}
		boolean capsDiffer = someCaps && !allCaps;
		double[] s = new double[n];
		int but = -1;
		for (int i = 0; i < n; i++) {
			Word w = known[i];
			if (w == null) {
				continue;
			}
			if (tokens.get(i).norm().equals("but")) {
				but = i;
			}
			if (!w.rated() || w.booster()) {
				continue;
			}
			double v = w.valence();
			if (capsDiffer && shouted[i]) {
				v += v > 0 ? 0.733 : -0.733;
			}
			for (int back = 1; back <= 3 && i - back >= 0; back++) {
				Word p = known[i - back];
				if (p != null && p.scopeEnd()) {
					break; // "nothing but great"
				}
				if (p != null && p.booster()) {
					double b = v > 0 ? p.boost() : -p.boost();
					if (capsDiffer && shouted[i - back]) {
						b += v > 0 ? 0.733 : -0.733;
					}
					v += b * (back == 1 ? 1 : back == 2 ? 0.95 : 0.9);
				}
				if ((p != null && p.negation() || tokens.get(i - back).norm().endsWith("n't"))
						&& !CueLexicon.astonished(tokens, i - back)) {
					v *= -0.74;
				}
			}
			s[i] = v;
		}
		double total = 0;
		for (int i = 0; i < n; i++) {
			total += but < 0 ? s[i] : i < but ? s[i] * 0.5 : i > but ? s[i] * 1.5 : s[i];
		}
		if (total != 0) {
			int exclamations = Math.min(4, count(text, '!'));
			int questions = count(text, '?');
			double emphasis = exclamations * 0.292 + (questions > 1 ? (questions <= 3 ? questions * 0.18 : 0.96) : 0);
			total += total > 0 ? emphasis : -emphasis;
		}
		return total / Math.sqrt(total * total + 15);
	}

	private static int count(String text, char c) {
		int n = 0;
		for (int i = 0; i < text.length(); i++) {
			n += text.charAt(i) == c ? 1 : 0;
		}
		return n;
	}

}
