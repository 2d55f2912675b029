package app.rightly.analysis.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits customer text into tokens, knowing what social text holds: URLs, @mentions,
 * #hashtags, emoji (including joined sequences and skin tones), emoticons like
 * {@code :(}, contractions ({@code don't}, {@code I'm}), numbers with separators and
 * times ({@code 3:30}). One pass over the chars, no regular expressions: this runs for
 * every message.
 */
public final class Tokenizer {

	private static final String[] EMOTICONS = { ":-)", ":)", ":-(", ":(", ":-D", ":D", ";-)", ";)", ":'(", ":/", ":-/",
			":P", ":p", ":-P", "<3", ":|", ":o", ":O", "D:", "xD", "XD", ":*", "^^", "^_^", "-_-", "=)", "=(" };

	/** The first characters of the emoticons: a quick no for every other char. */
	private static final String EMOTICON_STARTS = firstChars();

	private static String firstChars() {
		StringBuilder chars = new StringBuilder();
		for (String e : EMOTICONS) {
			if (chars.indexOf(e.substring(0, 1)) < 0) {
				chars.append(e.charAt(0));
			}
		}
		return chars.toString();
	}

	private Tokenizer() {
	}

	public static List<Token> tokens(String text) {
		List<Token> out = new ArrayList<>(Math.max(8, text.length() / 4));
		int n = text.length();
		int i = 0;
		while (i < n) {
			char c = text.charAt(i);
			if (Character.isWhitespace(c)) {
				i++;
				continue;
			}
			int end;
			if ((end = url(text, i)) > i) {
				out.add(new Token("<url>", text.substring(i, end), Token.Kind.URL, i, end));
			}
			else if ((c == '@' || c == '#') && i + 1 < n && isWordChar(text.codePointAt(i + 1))) {
				end = i + 1;
				while (end < n && (isWordChar(text.codePointAt(end)) || text.charAt(end) == '_')) {
					end += Character.charCount(text.codePointAt(end));
				}
				String raw = text.substring(i, end);
				if (c == '@') {
					out.add(new Token("<user>", raw, Token.Kind.MENTION, i, end));
				}
				else {
					out.add(new Token("#" + shorten(raw.substring(1).toLowerCase(Locale.ROOT)), raw, Token.Kind.HASHTAG,
							i, end));
				}
			}
			else if ((end = emoticon(text, i)) > i) {
				out.add(new Token(text.substring(i, end), text.substring(i, end), Token.Kind.EMOJI, i, end));
			}
			else if (Character.isDigit(c)) {
				end = i + 1;
				while (end < n && (Character.isDigit(text.charAt(end))
						|| ((text.charAt(end) == '.' || text.charAt(end) == ',' || text.charAt(end) == ':')
								&& end + 1 < n && Character.isDigit(text.charAt(end + 1))))) {
					end++;
				}
				// "2hrs", "5pm": the number and the unit are two tokens
				out.add(new Token("<num>", text.substring(i, end), Token.Kind.NUMBER, i, end));
			}
			else if (isWordChar(text.codePointAt(i))) {
				end = i;
				while (end < n) {
					int cp = text.codePointAt(end);
					if (isWordChar(cp) && !Character.isDigit(cp)) {
						end += Character.charCount(cp);
					}
					else if ((cp == '\'' || cp == '\u2019') && end + 1 < n && Character.isLetter(text.charAt(end + 1))
							&& end > i) {
						end++; // don't, I'm, customer's
					}
					else {
						break;
					}
				}
				String raw = text.substring(i, end);
				out.add(new Token(wordNorm(raw), raw, Token.Kind.WORD, i, end));
			}
			else if (isEmoji(text.codePointAt(i))) {
				end = i + Character.charCount(text.codePointAt(i));
				// modifiers, variation selectors and joined sequences belong to the same
				// emoji
				while (end < n) {
					int cp = text.codePointAt(end);
					if (cp == 0xFE0F || cp == 0x200D || (cp >= 0x1F3FB && cp <= 0x1F3FF)
							|| (text.charAt(end - 1) == '\u200D' && isEmoji(cp))) {
						end += Character.charCount(cp);
					}
					else {
						break;
					}
				}
				String raw = text.substring(i, end);
				out.add(new Token(baseEmoji(raw), raw, Token.Kind.EMOJI, i, end));
			}
			else {
				end = i + Character.charCount(text.codePointAt(i));
				String raw = text.substring(i, end);
				out.add(new Token(raw, raw, Token.Kind.PUNCT, i, end));
			}
			i = end;
		}
		return out;
	}

	private static int url(String text, int i) {
		char c = text.charAt(i);
		if (c != 'h' && c != 'w'
				|| !(text.startsWith("http://", i) || text.startsWith("https://", i) || text.startsWith("www.", i))) {
			return i;
		}
		int end = i;
		while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
			end++;
		}
		return end;
	}

	private static int emoticon(String text, int i) {
		if (EMOTICON_STARTS.indexOf(text.charAt(i)) < 0) {
			return i;
		}
		for (String e : EMOTICONS) {
			if (text.startsWith(e, i)) {
				int end = i + e.length();
				// an emoticon stands alone: not the ":D" of "http:D" or the ":p" of
				// ":people"
				if ((end >= text.length() || !Character.isLetterOrDigit(text.charAt(end)))
						&& (i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)))) {
					return end;
				}
			}
		}
		return i;
	}

	/** Which ASCII chars are letters or digits: the common case, from a table. */
	private static final boolean[] ASCII_WORD = new boolean[128];

	static {
		for (int c = 0; c < 128; c++) {
			ASCII_WORD[c] = Character.isLetterOrDigit(c);
		}
	}

	static boolean isWordChar(int cp) {
		if (cp < 128) {
			return ASCII_WORD[cp];
		}
		return Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.NON_SPACING_MARK
				|| Character.getType(cp) == Character.COMBINING_SPACING_MARK;
	}

	static boolean isEmoji(int cp) {
		return (cp >= 0x1F300 && cp <= 0x1FAFF) || (cp >= 0x2600 && cp <= 0x27BF) || (cp >= 0x1F000 && cp <= 0x1F2FF)
				|| cp == 0x2B50 || cp == 0x2B55 || cp == 0x203C || cp == 0x2049 || cp == 0x2764;
	}

	/** The emoji without skin tone or presentation selector: 👍🏽 counts as 👍. */
	private static String baseEmoji(String raw) {
		StringBuilder out = new StringBuilder();
		raw.codePoints().filter(cp -> cp != 0xFE0F && !(cp >= 0x1F3FB && cp <= 0x1F3FF)).forEach(out::appendCodePoint);
		return out.toString();
	}

	/**
	 * A word's normalised form: lower case, the typographic apostrophe made plain, long
	 * runs of a letter shortened. Most words already are so, and are kept as they are.
	 */
	private static String wordNorm(String raw) {
		for (int i = 0; i < raw.length(); i++) {
			char c = raw.charAt(i);
			if (c >= 128 || c >= 'A' && c <= 'Z' || i >= 2 && c == raw.charAt(i - 1) && c == raw.charAt(i - 2)) {
				return shorten(raw.replace('\u2019', '\'').toLowerCase(Locale.ROOT));
			}
		}
		return raw;
	}

	/**
	 * "soooooo" → "soo", "!!!!" stays a run of tokens: letters repeated three or more
	 * times are cut to two.
	 */
	static String shorten(String word) {
		int n = word.length();
		if (n < 3) {
			return word;
		}
		StringBuilder out = null;
		int run = 1;
		for (int i = 1; i < n; i++) {
			char c = word.charAt(i);
			run = c == word.charAt(i - 1) ? run + 1 : 1;
			if (run >= 3 && Character.isLetter(c)) {
				if (out == null) {
					out = new StringBuilder(word.substring(0, i));
				}
				continue;
			}
			if (out != null) {
				out.append(c);
			}
		}
		return out == null ? word : out.toString();
	}

}
