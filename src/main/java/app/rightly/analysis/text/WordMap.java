package app.rightly.analysis.text;

import java.util.Map;

/**
 * A read-only map from words to values for the look-ups every token makes (a lexicon's
 * valence, the phrases a word starts): open addressing over plain arrays, each word's
 * hash kept beside it, so a word that is not there (most are not) is answered without
 * reading any other string, and one that is costs one string comparison.
 *
 * @param <V> the values
 */
public final class WordMap<V> {

	private final String[] keys;

	private final int[] hashes;

	private final Object[] values;

	private final int mask;

	private final int shift;

	private WordMap(Map<String, ? extends V> map) {
		int size = 4;
		while (size < 2 * map.size()) {
			size *= 2;
		}
		keys = new String[size];
		hashes = new int[size];
		values = new Object[size];
		mask = size - 1;
		shift = 32 - Integer.numberOfTrailingZeros(size);
		map.forEach((word, value) -> {
			int h = word.hashCode();
			int i = slot(h);
			while (keys[i] != null) {
				i = (i + 1) & mask;
			}
			keys[i] = word;
			hashes[i] = h;
			values[i] = value;
		});
	}

	/** The map's entries, looked up as fast as this can. */
	public static <V> WordMap<V> of(Map<String, ? extends V> map) {
		return new WordMap<>(map);
	}

	private int slot(int hash) {
		return (hash * 0x9E3779B1) >>> shift; // the top bits: the best mixed
	}

	/** The word's value, or null. */
	@SuppressWarnings("unchecked")
	public V get(String word) {
		int h = word.hashCode();
		for (int i = slot(h); keys[i] != null; i = (i + 1) & mask) {
			if (hashes[i] == h && keys[i].equals(word)) {
				return (V) values[i];
			}
		}
		return null;
	}

}
