package app.rightly.analysis.text;

import java.util.Arrays;
import java.util.List;

/**
 * Turns tokens into hashed features: words, word pairs, and the 3- to 5-letter pieces of
 * words (which carry misspellings, inflections and hashtag compounds). The hash is FNV-1a
 * over the chars with a namespace per feature kind, spread by a multiplicative mix:
 * stable across JVMs and releases, so a model trained once keeps working.
 */
public final class FeatureHasher {

	/** Bits of the hashed feature space: 2^16 = 65,536 features. */
	public static final int BITS = 16;

	public static final int DIM = 1 << BITS;

	static final int MAXN = 4;

	private FeatureHasher() {
	}

	public static FeatureVector vector(List<Token> tokens, float[] dense) {
		int[] raw = new int[Math.max(16, tokens.size() * 16)];
		int n = 0;
		String previous = "<s>";
		for (Token t : tokens) {
			if (t.kind() == Token.Kind.PUNCT && !isTelling(t.norm())) {
				previous = t.norm();
				continue;
			}
			String w = t.norm();
			raw = grow(raw, n + 20 + 3 * w.length());
			raw[n++] = hash('w', w);
			raw[n++] = hash('b', previous, w);
			if (t.kind() == Token.Kind.HASHTAG && w.length() > 1) {
				raw[n++] = hash('w', w.substring(1)); // #delayed also says delayed
			}
			if (t.kind() == Token.Kind.WORD || t.kind() == Token.Kind.HASHTAG) {
				String padded = " " + (t.kind() == Token.Kind.HASHTAG ? w.substring(1) : w) + " ";
				// the 3-, 4- and 5-letter pieces starting at each place, hashed in one
				// pass
				for (int i = 0; i + 3 <= padded.length(); i++) {
					int h = fnv(0x811C9DC5 ^ 'c', padded, i, i + 3);
					raw[n++] = spread(h);
					for (int end = i + 3; end < Math.min(i + MAXN, padded.length()); end++) {
						h = (h ^ padded.charAt(end)) * 0x01000193;
						raw[n++] = spread(h);
					}
				}
			}
			previous = w;
		}
		return normalised(raw, n, dense);
	}

	/** Punctuation that says something: questions, exclamations, emoticon-ish marks. */
	private static boolean isTelling(String p) {
		return p.equals("?") || p.equals("!");
	}

	private static int[] grow(int[] a, int need) {
		return need <= a.length ? a : Arrays.copyOf(a, Math.max(need, a.length * 2));
	}

	/** Per thread: an open-addressing table that counts features without sorting them. */
	private static final ThreadLocal<int[][]> SCRATCH = ThreadLocal.withInitial(() -> new int[][] { new int[1024] });

	/**
	 * Counts each distinct feature and scales the counts to unit length. The features
	 * come out in the order first seen, not sorted (LIBLINEAR's training sorts its own
	 * copy).
	 */
	private static FeatureVector normalised(int[] raw, int n, float[] dense) {
		int[][] scratch = SCRATCH.get();
		int size = scratch[0].length;
		while (size < 2 * n) {
			size *= 2;
		}
		if (size != scratch[0].length) {
			scratch[0] = new int[size];
		}
		int[] slots = scratch[0]; // 0: empty; else the position in idx, plus one
		int mask = size - 1;
		int[] idx = new int[n];
		float[] val = new float[n];
		int m = 0;
		for (int i = 0; i < n; i++) {
			int key = raw[i];
			int h = (key * 0x9E3779B1) >>> 16 & mask;
			while (slots[h] != 0 && idx[slots[h] - 1] != key) {
				h = (h + 1) & mask;
			}
			if (slots[h] == 0) {
				slots[h] = m + 1;
				idx[m] = key;
				val[m++] = 1;
			}
			else {
				val[slots[h] - 1] += 1;
			}
		}
		for (int i = 0; i < m; i++) {
			int h = (idx[i] * 0x9E3779B1) >>> 16 & mask;
			while (slots[h] != 0) {
				slots[h] = 0;
				h = (h + 1) & mask;
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
		return new FeatureVector(Arrays.copyOf(idx, m), Arrays.copyOf(val, m), dense == null ? new float[0] : dense);
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
