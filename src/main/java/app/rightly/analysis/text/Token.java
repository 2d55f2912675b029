package app.rightly.analysis.text;

/**
 * A token of a message: its normalised form, its kind, and where it is in the original
 * text (so evidence can point at the exact characters).
 *
 * @param norm lower-case form with long letter repetitions shortened ("sooooo" → "soo");
 * URLs are {@code <url>}, mentions {@code <user>}, numbers {@code <num>}
 * @param raw the text as written
 * @param kind what it is
 * @param start offset of its first char in the text
 * @param end offset after its last char
 */
public record Token(String norm, String raw, Kind kind, int start, int end) {

	public enum Kind {

		WORD, NUMBER, HASHTAG, MENTION, URL, EMOJI, PUNCT

	}

	/**
	 * Written all in capitals (and long enough to be shouting, not an acronym like "DM").
	 */
	public boolean shouted() {
		if (kind != Kind.WORD || raw.length() < 3) {
			return false;
		}
		boolean letter = false;
		for (int i = 0; i < raw.length(); i++) {
			char c = raw.charAt(i);
			if (c < 0x80) { // ASCII, without the Unicode tables
				if (c >= 'a' && c <= 'z') {
					return false;
				}
				letter |= c >= 'A' && c <= 'Z';
				continue;
			}
			if (Character.isLowerCase(c)) {
				return false;
			}
			letter |= Character.isLetter(c);
		}
		return letter;
	}

}
