package app.rightly.analysis.text;

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
import java.util.Set;
import java.util.function.ObjIntConsumer;

/**
 * Phrases that mean something in customer care, each with a category and a weight:
 * {@code weight<TAB>category<TAB>phrase} per line. A phrase is matched on normalised
 * tokens; {@code <num>} matches any number, a trailing {@code *} any word starting so.
 * The longest phrase starting at a token wins. A phrase right after a negation ("not
 * helpful"), or a problem right before "free" ("hassle free"), is marked negated.
 */
public final class CueLexicon {

	private static final Set<String> NEGATORS = Set.of("not", "no", "never", "don't", "didn't", "doesn't", "isn't",
			"wasn't", "aren't", "weren't", "won't", "can't", "cannot", "couldn't", "wouldn't", "haven't", "hasn't",
			"hadn't", "nothing", "without", "hardly", "dont", "didnt", "doesnt", "isnt", "wasnt", "cant", "wont");

	private record Entry(String category, float weight, String phrase) {
	}

	/** Each category's number, in the order first seen. */
	private final Map<String, Integer> categories = new HashMap<>();

	/** First token → phrases starting with it (longest first). */
	private final Map<String, List<Phrase>> byFirst = new HashMap<>();

	/**
	 * Phrases of one word ending in '*', by the word's first char (ASCII) or in the last
	 * slot.
	 */
	@SuppressWarnings("unchecked")
	private final List<Phrase>[] prefixes = new List[129];

	/** A phrase as matched: its tokens, its entry and its category's number. */
	private record Phrase(String[] tokens, Entry entry, boolean prefix, int category) {
	}

	private CueLexicon() {
	}

	public static CueLexicon load(String resource) {
		CueLexicon lexicon = new CueLexicon();
		lines(resource, (line, number) -> {
			String[] parts = line.split("\t");
			if (parts.length != 3) {
				throw new IllegalStateException(resource + ":" + number + " is not weight<TAB>category<TAB>phrase");
			}
			lexicon.add(new Entry(parts[1], Float.parseFloat(parts[0]), parts[2]));
		});
		return lexicon.sorted();
	}

	/** A lexicon of categories with their phrases, each of weight 1. */
	static CueLexicon of(Map<String, List<String>> phrasesByCategory) {
		CueLexicon lexicon = new CueLexicon();
		phrasesByCategory.forEach((category, phrases) -> phrases.forEach(p -> lexicon.add(new Entry(category, 1, p))));
		return lexicon.sorted();
	}

	private CueLexicon sorted() {
		byFirst.values().forEach(l -> l.sort((a, b) -> b.tokens().length - a.tokens().length));
		return this;
	}

	/** Calls back with each line of a resource that is neither blank nor a # comment. */
	static void lines(String resource, ObjIntConsumer<String> each) {
		try (InputStream in = CueLexicon.class.getResourceAsStream(resource);
				BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			int number = 0;
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				number++;
				if (!line.isBlank() && !line.startsWith("#")) {
					each.accept(line, number);
				}
			}
		}
		catch (IOException | NullPointerException ex) {
			throw new UncheckedIOException(new IOException(resource + " is missing from the jar", ex));
		}
	}

	private void add(Entry entry) {
		String phrase = entry.phrase();
		boolean prefix = phrase.endsWith("*") && phrase.indexOf(' ') < 0;
		String text = (prefix ? phrase.substring(0, phrase.length() - 1) : phrase).replace("<num>", "9");
		List<Token> tokens = Tokenizer.tokens(text);
		String[] norms = tokens.stream().map(Token::norm).toArray(String[]::new);
		Phrase p = new Phrase(norms, entry, prefix,
				categories.computeIfAbsent(entry.category(), c -> categories.size()));
		if (prefix) {
			int slot = slot(p.tokens()[0].charAt(0));
			if (prefixes[slot] == null) {
				prefixes[slot] = new ArrayList<>();
			}
			prefixes[slot].add(p);
		}
		else {
			byFirst.computeIfAbsent(norms[0], k -> new ArrayList<>()).add(p);
		}
	}

	/**
	 * The cues in a message, in order. Each category gets its longest phrase at each
	 * place, so "still waiting" is a failure while its "still" also says the customer is
	 * writing again.
	 */
	public List<Cue> match(List<Token> tokens) {
		List<Cue> found = new ArrayList<>();
		int[] coveredUntil = new int[categories.size()]; // by category: where its last
															// phrase ends
		int n = tokens.size();
		for (int i = 0; i < n; i++) {
			List<Phrase> candidates = byFirst.get(tokens.get(i).norm());
			if (candidates != null) {
				for (Phrase p : candidates) {
					if (matches(p.tokens(), tokens, i)) {
						record(found, coveredUntil, p, tokens, i, p.tokens().length);
					}
				}
			}
			if (tokens.get(i).kind() == Token.Kind.WORD) {
				String w = tokens.get(i).norm();
				List<Phrase> starting = prefixes[slot(w.charAt(0))];
				for (Phrase p : starting == null ? List.<Phrase>of() : starting) {
					String start = p.tokens()[0];
					if (w.length() >= start.length() && w.charAt(0) == start.charAt(0) && w.startsWith(start)) {
						record(found, coveredUntil, p, tokens, i, 1);
					}
				}
			}
		}
		return found;
	}

	private static int slot(char c) {
		return c < 128 ? c : 128;
	}

	private static void record(List<Cue> found, int[] coveredUntil, Phrase p, List<Token> tokens, int at, int length) {
		String category = p.entry().category();
		if (coveredUntil[p.category()] > at) {
			return; // inside a longer phrase of the same category
		}
		coveredUntil[p.category()] = at + length;
		Token first = tokens.get(at);
		Token last = tokens.get(at + length - 1);
		found.add(new Cue(category, p.entry().weight(), p.entry().phrase(), first.start(), last.end(),
				negated(tokens, at) || (p.entry().weight() < 0 && freeOf(tokens, at + length))));
	}

	/** "hassle free", "trouble-free": a problem denied by what follows it. */
	private static boolean freeOf(List<Token> tokens, int after) {
		int i = after < tokens.size() && tokens.get(after).norm().equals("-") ? after + 1 : after;
		return i < tokens.size() && tokens.get(i).norm().equals("free");
	}

	private static boolean matches(String[] phrase, List<Token> tokens, int at) {
		if (at + phrase.length > tokens.size()) {
			return false;
		}
		for (int j = 0; j < phrase.length; j++) {
			if (!phrase[j].equals(tokens.get(at + j).norm())) {
				return false;
			}
		}
		return true;
	}

	/** A negation within the three words before, with no clause break in between. */
	private static boolean negated(List<Token> tokens, int at) {
		for (int back = 1; back <= 3 && at - back >= 0; back++) {
			Token t = tokens.get(at - back);
			if (t.kind() == Token.Kind.PUNCT && (".,;!?".contains(t.norm()))) {
				return false;
			}
			if (NEGATORS.contains(t.norm())) {
				return true;
			}
		}
		return false;
	}

}
