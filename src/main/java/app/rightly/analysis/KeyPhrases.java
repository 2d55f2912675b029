package app.rightly.analysis;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import app.rightly.analysis.text.Token;

/**
 * The phrases that carry what a message is about, found without a model (RAKE: runs of
 * content words between stop words and punctuation, scored by how connected their words
 * are). "my bag never arrived in lisbon" gives "bag", "arrived", "lisbon".
 */
final class KeyPhrases {

	static final Set<String> STOP = new HashSet<>(List.of("a", "an", "the", "and", "or", "but", "if", "so", "to", "of",
			"in", "on", "at", "for", "with", "from", "by", "about", "as", "into", "over", "after", "before", "is",
			"are", "was", "were", "be", "been", "being", "am", "i", "me", "my", "mine", "we", "us", "our", "you",
			"your", "yours", "he", "she", "it", "its", "they", "them", "their", "this", "that", "these", "those",
			"there", "here", "what", "which", "who", "whom", "when", "where", "why", "how", "do", "does", "did", "done",
			"have", "has", "had", "can", "could", "will", "would", "shall", "should", "may", "might", "must", "not",
			"no", "yes", "just", "now", "then", "than", "too", "very", "really", "also", "all", "any", "some", "more",
			"most", "such", "only", "own", "same", "other", "again", "still", "even", "ever", "never", "please",
			"thanks", "thank", "hi", "hello", "hey", "i'm", "i've", "i'd", "i'll", "don't", "didn't", "doesn't",
			"can't", "won't", "it's", "that's", "you're", "we're", "get", "got", "go", "going", "one", "u", "ur", "im",
			"lol", "ok", "okay", "via", "amp", "rt", "dm", "out", "up", "down", "off", "let", "make", "made", "way",
			"much", "many", "well", "back", "today", "yet", "let's", "gt", "lt", "s", "t"));

	private KeyPhrases() {
	}

	/**
	 * The best {@code max} phrases, best first (ties in the order they appear). A phrase
	 * is at most three words; a word's score is its degree (the length of the phrases it
	 * is in) over its frequency; a phrase's, the sum of its words'.
	 */
	static List<String> of(List<Token> tokens, int max) {
		int n = tokens.size();
		// the content words in order, each with its phrase (phrases are numbered from
		// 1, and a phrase's words are next to each other here)
		String[] words = new String[n];
		int[] phraseOf = new int[n];
		int[] phraseLength = new int[n + 1];
		int m = 0;
		int phrases = 0;
		int run = 0;
		for (int i = 0; i < n; i++) {
			Token t = tokens.get(i);
			boolean content = (t.kind() == Token.Kind.WORD || t.kind() == Token.Kind.HASHTAG) && t.norm().length() > 1
					&& !STOP.contains(t.norm());
			if (!content) {
				run = 0;
				continue;
			}
			if (run == 0 || run == 3) {
				phrases++;
				run = 0;
			}
			run++;
			words[m] = t.kind() == Token.Kind.HASHTAG ? t.norm().substring(1) : t.norm();
			phraseOf[m++] = phrases;
			phraseLength[phrases]++;
		}
		if (phrases == 0) {
			return List.of();
		}
		double[] score = new double[phrases + 1];
		int[] hashes = new int[m];
		for (int a = 0; a < m; a++) {
			hashes[a] = words[a].hashCode();
		}
		for (int a = 0; a < m; a++) {
			int frequency = 0;
			int degree = 0;
			for (int b = 0; b < m; b++) {
				if (hashes[b] == hashes[a] && words[b].equals(words[a])) {
					frequency++;
					degree += phraseLength[phraseOf[b]];
				}
			}
			score[phraseOf[a]] += (double) degree / frequency;
		}
		// where each phrase's words start
		int[] first = new int[phrases + 1];
		for (int a = m - 1; a >= 0; a--) {
			first[phraseOf[a]] = a;
		}
		// a phrase's text is built only when it is the best left: most are never needed
		List<String> best = new ArrayList<>(max);
		boolean[] taken = new boolean[phrases + 1];
		while (best.size() < max) {
			int top = -1;
			for (int p = 1; p <= phrases; p++) {
				if (!taken[p] && (top < 0 || score[p] > score[top])) {
					top = p;
				}
			}
			if (top < 0) {
				break;
			}
			taken[top] = true;
			String phrase = words[first[top]];
			for (int a = first[top] + 1; a < first[top] + phraseLength[top]; a++) {
				phrase = phrase + " " + words[a];
			}
			if (!best.contains(phrase)) { // the same words again: the next best instead
				best.add(phrase);
			}
		}
		return best;
	}

}
