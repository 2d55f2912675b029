package app.rightly.analysis.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
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
			"hadn't", "nothing", "without", "hardly", "zero", "dont", "didnt", "doesnt", "isnt", "wasnt", "cant",
			"wont");

	private record Entry(String category, float weight, String phrase) {
	}

	/** Each category's number, in the order first seen. */
	private final Map<String, Integer> categories = new HashMap<>();

	/** First token → phrases starting with it (longest first). */
	private final Map<String, List<Phrase>> byFirst = new HashMap<>();

	/**
	 * The same phrases as looked up while matching: by the first token, then by the
	 * second, so a common first word ("no", "never", "i") does not try all its phrases.
	 */
	private WordMap<Starts> starts;

	/**
	 * The phrases starting with one token: those of two tokens or more by their second
	 * (longest first), and the one-token phrase.
	 */
	private record Starts(WordMap<List<Phrase>> bySecond, List<Phrase> single) {
	}

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
		NEGATORS.stream().filter(w -> w.chars().allMatch(Character::isLetter)).forEach(splitWords::add);
		longestSplitWord = splitWords.stream().mapToInt(String::length).max().orElse(0);
		byFirst.values().forEach(l -> l.sort((a, b) -> b.tokens().length - a.tokens().length));
		Map<String, Starts> byStart = new HashMap<>();
		byFirst.forEach((first, phrases) -> {
			Map<String, List<Phrase>> bySecond = new HashMap<>();
			List<Phrase> single = new ArrayList<>();
			for (Phrase p : phrases) {
				if (p.tokens().length == 1) {
					single.add(p);
				}
				else {
					bySecond.computeIfAbsent(p.tokens()[1], k -> new ArrayList<>()).add(p);
				}
			}
			byStart.put(first, new Starts(WordMap.of(bySecond), single));
		});
		starts = WordMap.of(byStart);
		return this;
	}

	/** Calls back with each line of a resource that is neither blank nor a # comment. */
	public static void lines(String resource, ObjIntConsumer<String> each) {
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
			if (norms.length == 1 && norms[0].length() >= 3 && HASHTAG_CATEGORIES.contains(entry.category())
					&& Math.abs(entry.weight()) >= 1 && norms[0].chars().allMatch(Character::isLetter)) {
				splitWords.add(norms[0]);
			}
		}
	}

	/**
	 * The cues in a message, in order. Each category gets its longest phrase at each
	 * place, so "still waiting" is a failure while its "still" also says the customer is
	 * writing again.
	 */
	public List<Cue> match(List<Token> message) {
		List<Token> tokens = withHashtagWords(message);
		List<Cue> found = new ArrayList<>();
		int[] coveredUntil = new int[categories.size()]; // by category: where its last
															// phrase ends
		int n = tokens.size();
		for (int i = 0; i < n; i++) {
			Starts candidates = starts.get(tokens.get(i).norm());
			if (candidates != null) {
				// longest first, as every longer phrase has a second token
				List<Phrase> longer = i + 1 < n ? candidates.bySecond().get(tokens.get(i + 1).norm()) : null;
				for (int k = 0; longer != null && k < longer.size(); k++) {
					Phrase p = longer.get(k);
					if (matches(p.tokens(), tokens, i)) {
						record(found, coveredUntil, p, tokens, i, p.tokens().length);
					}
				}
				for (int k = 0; k < candidates.single().size(); k++) {
					record(found, coveredUntil, candidates.single().get(k), tokens, i, 1);
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

	/**
	 * The tokens with each hashtag that is no phrase of its own read as its words, all
	 * spanning the hashtag: "#WorstAirlineEver" by its capitals, "#usairwayssucks" and
	 * "#nothappy" by the cue words it starts or ends with (splitWords).
	 */
	private List<Token> withHashtagWords(List<Token> tokens) {
		List<Token> out = null;
		for (int i = 0; i < tokens.size(); i++) {
			Token t = tokens.get(i);
			boolean split = t.kind() == Token.Kind.HASHTAG && !byFirst.containsKey(t.norm());
			List<String> words = split ? wordsOfHashtag(t.raw().substring(1)) : List.of();
			if (words.size() > 1 && out == null) {
				out = new ArrayList<>(tokens.subList(0, i));
			}
			if (words.size() > 1) {
				for (String w : words) {
					out.add(new Token(w, w, Token.Kind.WORD, t.start(), t.end()));
				}
			}
			else if (out != null) {
				out.add(t);
			}
		}
		return out == null ? tokens : out;
	}

	/**
	 * The words of a hashtag's text: split where capitals start words, or else (one run
	 * of letters) by the cue words it starts and ends with.
	 */
	private List<String> wordsOfHashtag(String body) {
		List<String> words = new ArrayList<>();
		int from = 0;
		for (int i = 1; i <= body.length(); i++) {
			boolean end = i == body.length();
			if (!end) {
				char c = body.charAt(i);
				char before = body.charAt(i - 1);
				boolean next = i + 1 < body.length() && Character.isLowerCase(body.charAt(i + 1));
				end = Character.isUpperCase(c)
						&& (Character.isLowerCase(before) || next && Character.isUpperCase(before))
						|| Character.isDigit(c) != Character.isDigit(before) || c == '_';
			}
			if (end) {
				String part = body.substring(from, i).replace("_", "").toLowerCase(java.util.Locale.ROOT);
				if (!part.isEmpty()) {
					words.add(part);
				}
				from = i;
			}
		}
		if (words.size() == 1) {
			words.clear();
			peel(body.toLowerCase(java.util.Locale.ROOT), words);
		}
		return words;
	}

	/**
	 * Splits off the cue words a run of small letters starts and ends with:
	 * "usairwayssucks" → usairways, sucks; "nothappy" → not, happy.
	 */
	private void peel(String part, List<String> words) {
		if (HASHTAG_EXCEPTIONS.contains(part)) {
			words.add(part);
			return;
		}
		int from = 0;
		int to = part.length();
		List<String> tail = new ArrayList<>();
		int start = words.size();
		for (String w = longestKnown(part, from, to, true); w != null; w = longestKnown(part, from, to, true)) {
			words.add(w);
			from += w.length();
		}
		if (from < to && words.size() > start && NEGATORS.contains(words.get(words.size() - 1))
				&& !byFirst.containsKey(part.substring(from, to))) {
			// a negation only before a word it denies: "#nothappy", not "#nowplaying"
			from -= words.remove(words.size() - 1).length();
		}
		for (String w = longestKnown(part, from, to, false); w != null; w = longestKnown(part, from, to, false)) {
			tail.add(0, w);
			to -= w.length();
		}
		if (from < to) {
			words.add(part.substring(from, to));
		}
		words.addAll(tail);
	}

	/**
	 * The longest hashtag word at the start (or end) of part[from, to), leaving either
	 * nothing or three letters or more.
	 */
	private String longestKnown(String part, int from, int to, boolean atStart) {
		for (int length = Math.min(to - from, longestSplitWord); length >= 2; length--) {
			int left = to - from - length;
			if (left > 0 && left < 3) {
				continue;
			}
			String w = atStart ? part.substring(from, from + length) : part.substring(to - length, to);
			boolean known = splitWords.contains(w) && (length >= 4 || atStart && SHORT_HASHTAG_WORDS.contains(w));
			if (known) {
				return w;
			}
		}
		return null;
	}

	/**
	 * Words of fewer than four letters a hashtag is split by, only at its start: shorter
	 * cue words hide in too many others ("ugh" in "enough", "mad" in "madison").
	 */
	private static final Set<String> SHORT_HASHTAG_WORDS = Set.of("bad", "not", "no");

	/** Hashtags that start with a cue word but mean something else. */
	private static final Set<String> HASHTAG_EXCEPTIONS = Set.of("thanksgiving", "badminton", "nothingbutnet");

	/**
	 * Words a hashtag is split by: the strong one-word phrases of the sentiment
	 * categories (HASHTAG_CATEGORIES, weight 1 or more: "worst", "sucks", "fail", "love",
	 * not "line") and the negations.
	 */
	private final Set<String> splitWords = new HashSet<>();

	/**
	 * The length of the longest of them: a long hashtag costs no more than a short one.
	 */
	private int longestSplitWord;

	private static final Set<String> HASHTAG_CATEGORIES = Set.of("failure", "praise", "gratitude", "sarcasm", "relief");

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

	/**
	 * Words a negation does not reach past. Not "how": "can't believe how fast" is
	 * praise, but "don't see how this is fair" is not.
	 */
	public static final Set<String> SCOPE_ENDS = Set.of("but");

	/**
	 * Words that open a clause of their own: "if this isn't fixed I'm cancelling" denies
	 * the fix, not the cancelling.
	 */
	private static final Set<String> CLAUSE_OPENERS = Set.of("i'm", "i'll", "i've", "i'd", "we're", "we'll", "we've",
			"we'd");

	/**
	 * A negation within the three words before, with no clause break, "but" or new
	 * subject in between ("nothing but great"); never of an emoji.
	 */
	private static boolean negated(List<Token> tokens, int at) {
		if (tokens.get(at).kind() == Token.Kind.EMOJI) {
			return false; // a negation denies words, not the emoji after them ("can't
							// fault it 👏")
		}
		for (int back = 1; back <= 3 && at - back >= 0; back++) {
			Token t = tokens.get(at - back);
			if (t.kind() == Token.Kind.PUNCT && (".,;!?".contains(t.norm())) || SCOPE_ENDS.contains(t.norm())
					|| CLAUSE_OPENERS.contains(t.norm())) {
				return false;
			}
			if (NEGATORS.contains(t.norm())) {
				// "can't believe how helpful", "couldn't believe how rude": astonishment,
				// not denial
				return !astonished(tokens, at - back);
			}
		}
		return false;
	}

	private static final Set<String> ASTONISHED = Set.of("can't", "cannot", "cant", "couldn't", "couldnt");

	/** The negation at {@code at} is "can't believe", followed by what astonished. */
	static boolean astonished(List<Token> tokens, int at) {
		return ASTONISHED.contains(tokens.get(at).norm()) && at + 1 < tokens.size()
				&& tokens.get(at + 1).norm().equals("believe");
	}

}
