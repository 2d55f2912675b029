package app.rightly.analysis.text;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which language a message is in, enough to know whether the analysis can read it: the
 * script of its letters first (Arabic, Cyrillic, Han …), then, for Latin letters, which
 * language's most common words it uses. A message with no telling words (often a short
 * one) is taken as English. Hand-written rather than a language-detection library: it
 * must cost microseconds per message, and only "English or not" drives a decision.
 */
public final class LanguageGuess {

	private static final Map<String, Set<String>> COMMON = ordered("en",
			Set.of("the", "and", "is", "are", "was", "to", "of", "for", "my", "you", "your", "it", "this", "that",
					"with", "have", "not", "but", "what", "why", "how", "can", "will", "just", "they", "we", "me",
					"i'm", "don't", "thanks", "please", "on", "in", "at", "be", "been", "has", "had", "no", "so", "get",
					"got"),
			"es",
			Set.of("el", "la", "los", "las", "que", "de", "y", "es", "por", "para", "con", "no", "una", "un", "mi",
					"pero", "muy", "gracias", "está", "estoy", "hola", "su", "del", "al", "lo", "como", "más"),
			"fr",
			Set.of("le", "la", "les", "et", "est", "je", "pas", "de", "des", "une", "un", "pour", "avec", "mon", "vous",
					"merci", "bonjour", "très", "du", "ce", "qui", "sur", "mais", "au", "c'est", "j'ai"),
			"de",
			Set.of("der", "die", "das", "und", "ist", "nicht", "ich", "ein", "eine", "mit", "für", "auf", "den", "von",
					"zu", "es", "sie", "danke", "bitte", "mein", "aber", "noch", "wie", "sehr", "kein"),
			"pt",
			Set.of("o", "os", "que", "de", "e", "é", "não", "um", "uma", "para", "com", "meu", "minha", "obrigado",
					"obrigada", "muito", "mas", "do", "da", "em", "por", "você", "está"),
			"it",
			Set.of("il", "che", "di", "e", "è", "non", "un", "una", "per", "con", "mio", "grazie", "sono", "della",
					"ma", "molto", "del", "gli", "questo", "ciao"),
			"nl",
			Set.of("de", "het", "een", "en", "is", "niet", "ik", "van", "met", "voor", "op", "mijn", "dank", "maar",
					"wel", "nog", "zijn", "dat", "je", "bedankt"),
			"id",
			Set.of("yang", "dan", "di", "tidak", "saya", "ini", "itu", "dengan", "untuk", "sudah", "belum", "terima",
					"kasih", "tolong", "apa", "ada"),
			"tr", Set.of("ve", "bir", "bu", "için", "çok", "ne", "değil", "ben", "sen", "teşekkürler", "lütfen", "ama",
					"daha", "gibi"));

	/**
	 * The languages in a fixed order (English first), and per word the languages using
	 * it.
	 */
	private static final String[] LANGUAGES = COMMON.keySet().toArray(new String[0]);

	private static final Map<String, Integer> WORDS = words();

	private LanguageGuess() {
	}

	private static Map<String, Set<String>> ordered(Object... pairs) {
		Map<String, Set<String>> map = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			@SuppressWarnings("unchecked")
			Set<String> words = (Set<String>) pairs[i + 1];
			map.put((String) pairs[i], words);
		}
		return map;
	}

	private static Map<String, Integer> words() {
		Map<String, Integer> words = new HashMap<>();
		for (int l = 0; l < LANGUAGES.length; l++) {
			int bit = 1 << l;
			COMMON.get(LANGUAGES[l]).forEach(w -> words.merge(w, bit, (a, b) -> a | b));
		}
		return words;
	}

	public static String guess(List<Token> tokens) {
		int letters = 0;
		int latin = 0;
		String script = null;
		for (Token t : tokens) {
			if (t.kind() != Token.Kind.WORD) {
				continue;
			}
			String w = t.raw();
			for (int i = 0; i < w.length();) {
				int cp = w.codePointAt(i);
				i += Character.charCount(cp);
				if (!Character.isLetter(cp)) {
					continue;
				}
				letters++;
				// Latin-1 and Latin Extended A and B need no look-up
				Character.UnicodeScript s = cp < 0x250 ? Character.UnicodeScript.LATIN : Character.UnicodeScript.of(cp);
				if (s == Character.UnicodeScript.LATIN) {
					latin++;
				}
				else if (script == null) {
					script = scriptLanguage(s);
				}
			}
		}
		if (letters == 0) {
			return "en"; // emoji, numbers, links: nothing to tell; the analysis copes
		}
		if (latin * 2 < letters) {
			return script == null ? "und" : script;
		}
		int[] counts = new int[LANGUAGES.length];
		for (Token t : tokens) {
			Integer languages = t.kind() == Token.Kind.WORD ? WORDS.get(t.norm()) : null;
			if (languages != null) {
				for (int l = 0; l < LANGUAGES.length; l++) {
					counts[l] += (languages >> l) & 1;
				}
			}
		}
		String best = "en";
		int bestCount = 0;
		int english = counts[0];
		for (int l = 0; l < LANGUAGES.length; l++) {
			if (counts[l] > bestCount) {
				best = LANGUAGES[l];
				bestCount = counts[l];
			}
		}
		// English wins ties: "no" and "me" are common in Spanish too
		return bestCount >= 2 && bestCount > english ? best : "en";
	}

	private static String scriptLanguage(Character.UnicodeScript script) {
		return switch (script) {
			case ARABIC -> "ar";
			case CYRILLIC -> "ru";
			case HAN -> "zh";
			case HIRAGANA, KATAKANA -> "ja";
			case HANGUL -> "ko";
			case HEBREW -> "he";
			case GREEK -> "el";
			case THAI -> "th";
			case DEVANAGARI -> "hi";
			default -> "und";
		};
	}

}
