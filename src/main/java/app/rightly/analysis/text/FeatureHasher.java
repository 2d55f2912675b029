package app.rightly.analysis.text;

import java.util.Arrays;
import java.util.List;

/**
 * Turns tokens into hashed features: words, word pairs, and the 3- and 4-letter pieces of
 * words (which carry misspellings, inflections and hashtag compounds). The hash is FNV-1a
 * over the chars with a namespace per feature kind, spread by a multiplicative mix:
 * stable across JVMs and releases, so a model trained once keeps working.
 */
public final class FeatureHasher {

	/** Bits of the hashed feature space: 2^16 = 65,536 features. */
	public static final int BITS = 16;

	public static final int DIM = 1 << BITS;

	private FeatureHasher() {
	}

	public static FeatureVector vector(List<Token> tokens, float[] dense) {
		Scratch scratch = SCRATCH.get();
		int[] raw = scratch.raw;
		int n = 0;
		String previous = "<s>";
		for (Token t : tokens) {
			if (t.kind() == Token.Kind.PUNCT && !isTelling(t.norm())) {
				previous = t.norm();
				continue;
			}
			String w = t.norm();
			if (n + 20 + 3 * w.length() > raw.length) {
				raw = scratch.raw = Arrays.copyOf(raw, Math.max(n + 20 + 3 * w.length(), raw.length * 2));
			}
			raw[n++] = hash('w', w);
			raw[n++] = hash('b', previous, w);
			boolean hashtag = t.kind() == Token.Kind.HASHTAG;
			if (hashtag && w.length() > 1) {
				raw[n++] = spread(fnv(0x811C9DC5 ^ 'w', w, 1, w.length())); // #delayed
																			// also
																			// says
																			// delayed
			}
			if (t.kind() == Token.Kind.WORD || hashtag) {
				// the 3- and 4-letter pieces of " word ", starting at each place, hashed
				// in one pass from the padded chars
				int from = hashtag ? 1 : 0;
				int length = w.length() - from + 2;
				char[] padded = scratch.chars;
				if (padded.length < length) {
					padded = scratch.chars = new char[Math.max(length, 2 * padded.length)];
				}
				padded[0] = ' ';
				w.getChars(from, w.length(), padded, 1);
				padded[length - 1] = ' ';
				for (int i = 0; i + 3 <= length; i++) {
					int h = ((((0x811C9DC5 ^ 'c') ^ padded[i]) * 0x01000193 ^ padded[i + 1]) * 0x01000193
							^ padded[i + 2]) * 0x01000193;
					raw[n++] = spread(h);
					if (i + 3 < length) {
						raw[n++] = spread((h ^ padded[i + 3]) * 0x01000193);
					}
				}
			}
			previous = w;
		}
		return normalised(scratch, n, dense);
	}

	/** Punctuation that says something: questions, exclamations, emoticon-ish marks. */
	private static boolean isTelling(String p) {
		return p.equals("?") || p.equals("!");
	}

	/**
	 * Per thread: the raw feature hashes, and an open-addressing table that counts them
	 * without sorting. A slot is in use when its stamp is this message's; a new message
	 * takes a new stamp instead of clearing the table.
	 */
	private static final class Scratch {

		int[] raw = new int[1024];

		char[] chars = new char[64];

		int[] keys = new int[1024];

		int[] stamps = new int[1024];

		int[] at = new int[1024]; // the feature's position in idx

		int stamp;

		int[] idx = new int[512];

		float[] val = new float[512];

	}

	private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

	private static final float[] NO_DENSE = new float[0];

	/**
	 * Counts each distinct feature and scales the counts to unit length. The features
	 * come out in the order first seen, not sorted (LIBLINEAR's training sorts its own
	 * copy).
	 */
	private static FeatureVector normalised(Scratch scratch, int n, float[] dense) {
		int[] raw = scratch.raw;
		int size = scratch.keys.length;
		while (size < 2 * n) {
			size *= 2;
		}
		if (size != scratch.keys.length || scratch.stamp == Integer.MAX_VALUE) {
			scratch.keys = new int[size];
			scratch.stamps = new int[size];
			scratch.at = new int[size];
			scratch.stamp = 0;
		}
		if (scratch.idx.length < n) {
			scratch.idx = new int[n];
			scratch.val = new float[n];
		}
		int stamp = ++scratch.stamp;
		int[] keys = scratch.keys;
		int[] stamps = scratch.stamps;
		int[] at = scratch.at;
		int mask = size - 1;
		int[] idx = scratch.idx;
		float[] val = scratch.val;
		int m = 0;
		for (int i = 0; i < n; i++) {
			int key = raw[i];
			int h = (key * 0x9E3779B1) >>> 16 & mask;
			while (stamps[h] == stamp && keys[h] != key) {
				h = (h + 1) & mask;
			}
			if (stamps[h] != stamp) {
				stamps[h] = stamp;
				keys[h] = key;
				at[h] = m;
				idx[m] = key;
				val[m++] = 1;
			}
			else {
				val[at[h]] += 1;
			}
		}
		double norm = 0;
		for (int i = 0; i < m; i++) {
			norm += val[i] * val[i];
		}
		float scale = norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
		for (int i = 0; i < m; i++) {
			val[i] *= scale;
		}
		return new FeatureVector(Arrays.copyOf(idx, m), Arrays.copyOf(val, m), dense == null ? NO_DENSE : dense, scale);
	}

	static int hash(char kind, String a, String b) {
		int h = fnv(0x811C9DC5 ^ kind, a, 0, a.length());
		h = (h ^ ' ') * 0x01000193;
		return spread(fnv(h, b, 0, b.length()));
	}

	static int hash(char kind, String s) {
		return spread(fnv(0x811C9DC5 ^ kind, s, 0, s.length()));
	}

	private static int fnv(int h, String s, int from, int to) {
		for (int i = from; i < to; i++) {
			h = (h ^ s.charAt(i)) * 0x01000193;
		}
		return h;
	}

	private static int spread(int h) {
		return (h * 0x9E3779B1) >>> (32 - BITS);
	}

}
