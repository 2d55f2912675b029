package app.rightly.analysis.text;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which language a message is in, enough to know whether the analysis can read it: the
 * script of its letters first (Arabic, Cyrillic, Han …), then, for Latin letters, which
 * language's most common words it uses and which its accented letters point to (ñ, ã, ß…,
 * and Spanish ¿ ¡). A message with no telling words (often a short one) is taken as
 * English. Hand-written rather than a language-detection library: it must cost
 * microseconds per message, and only "English or not" drives a decision.
 */
public final class LanguageGuess {

	private static final Map<String, Set<String>> COMMON = ordered("en",
			Set.of("the", "and", "is", "are", "was", "to", "of", "for", "my", "you", "your", "it", "this", "that",
					"with", "have", "not", "but", "what", "why", "how", "can", "will", "just", "they", "we", "me",
					"i'm", "don't", "thanks", "please", "on", "in", "at", "be", "been", "has", "had", "no", "so", "get",
					"got"),
			"es",
			Set.of("el", "la", "los", "las", "que", "de", "y", "es", "por", "para", "con", "no", "una", "un", "mi",
					"pero", "muy", "gracias", "está", "estoy", "hola", "su", "del", "al", "lo", "como", "más", "nunca",
					"pueden", "puede", "tengo", "nos", "porque", "cuando", "también", "fue", "este", "esta", "eso",
					"bien", "qué", "ayuda", "hasta", "desde", "sus", "tiene", "ser", "dijo", "mucho", "ningún"),
			"fr",
			Set.of("le", "la", "les", "et", "est", "je", "pas", "de", "des", "une", "un", "pour", "avec", "mon", "vous",
					"merci", "bonjour", "très", "du", "ce", "qui", "sur", "mais", "au", "c'est", "j'ai", "ne", "jamais",
					"toujours", "sont", "suis", "avez", "pouvez", "votre", "vos", "mes", "nous", "il", "elle", "ils",
					"été", "fait", "ça", "où", "dans", "rien", "aussi", "encore", "depuis", "quand", "leur", "cette"),
			"de",
			Set.of("der", "die", "das", "und", "ist", "nicht", "ich", "ein", "eine", "mit", "für", "auf", "den", "von",
					"zu", "es", "sie", "danke", "bitte", "mein", "aber", "noch", "wie", "sehr", "kein", "nie", "habe",
					"haben", "wir", "ihr", "ihre", "können", "kann", "wurde", "sind", "auch", "nur", "schon", "immer",
					"mir", "mich", "dem", "bei", "nach", "wenn", "dass", "keine", "nichts", "helfen", "meine"),
			"pt",
			Set.of("o", "os", "que", "de", "e", "é", "não", "um", "uma", "para", "com", "meu", "minha", "obrigado",
					"obrigada", "muito", "mas", "do", "da", "em", "por", "você", "está", "nunca", "podem", "pode",
					"tenho", "foi", "são", "estou", "ainda", "já", "também", "quando", "isso", "seu", "sua", "ajuda",
					"ajudar", "nenhum"),
			"it",
			Set.of("il", "che", "di", "e", "è", "non", "un", "una", "per", "con", "mio", "grazie", "sono", "della",
					"ma", "molto", "del", "gli", "questo", "ciao", "mai", "potete", "può", "hanno", "sempre", "ancora",
					"anche", "nel", "alla", "sul", "mia", "questa", "tutto", "niente", "perché", "aiuto", "aiutarmi"),
			"nl",
			Set.of("de", "het", "een", "en", "is", "niet", "ik", "van", "met", "voor", "op", "mijn", "dank", "maar",
					"wel", "nog", "zijn", "dat", "je", "bedankt", "nooit", "kunnen", "kan", "heb", "hebben", "jullie",
					"wij", "ook", "geen", "niets", "waar", "wanneer", "omdat", "naar", "uit"),
			"id",
			Set.of("yang", "dan", "di", "tidak", "saya", "ini", "itu", "dengan", "untuk", "sudah", "belum", "terima",
					"kasih", "tolong", "apa", "ada"),
			"tr", Set.of("ve", "bir", "bu", "için", "çok", "ne", "değil", "ben", "sen", "teşekkürler", "lütfen", "ama",
					"daha", "gibi"));

	/**
	 * The languages in a fixed order (English first), and per word the languages using
	 * it.
	 */
	/**
	 * What customers write about in each language (flights, bags, orders, deliveries,
	 * refunds, accounts, cards, hours), which short messages use more than the common
	 * words: "meu voo atrasou 5 horas". None is an English word.
	 */
	private static final Map<String, Set<String>> CARE = Map.of("es",
			Set.of("vuelo", "maleta", "equipaje", "retraso", "pedido", "entrega", "reembolso", "cancelado", "horas",
					"cuenta", "tarjeta", "dinero", "nadie"),
			"pt",
			Set.of("voo", "mala", "bagagem", "atrasou", "atrasado", "pedido", "entrega", "reembolso", "cancelado",
					"horas", "conta", "cartão", "dinheiro", "ninguém"),
			"fr",
			Set.of("valise", "bagage", "retard", "commande", "livraison", "remboursement", "annulé", "heures", "compte",
					"argent"),
			"de",
			Set.of("flug", "koffer", "gepäck", "verspätung", "bestellung", "lieferung", "rückerstattung", "storniert",
					"stunden", "konto", "karte", "geld", "niemand"),
			"it",
			Set.of("volo", "valigia", "bagaglio", "ritardo", "ordine", "consegna", "rimborso", "cancellato", "conto",
					"soldi", "nessuno"),
			"nl", Set.of("vlucht", "koffer", "bagage", "vertraging", "bestelling", "levering", "terugbetaling",
					"geannuleerd", "uur", "rekening", "geld", "niemand"));

	private static final String[] LANGUAGES = COMMON.keySet().toArray(new String[0]);

	private static final WordMap<Integer> WORDS = WordMap.of(words());

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
			CARE.getOrDefault(LANGUAGES[l], Set.of()).forEach(w -> words.merge(w, bit, (a, b) -> a | b));
		}
		return words;
	}

	public static String guess(List<Token> tokens) {
		int letters = 0;
		int latin = 0;
		String script = null;
		// one pass: the letters' scripts, and the languages whose common words and
		// accented letters the message uses (a word's accents are looked at only when it
		// has letters beyond ASCII)
		int[] counts = new int[LANGUAGES.length];
		for (Token t : tokens) {
			int languages = 0;
			if (t.kind() == Token.Kind.WORD) {
				String w = t.raw();
				boolean beyondAscii = false;
				for (int i = 0; i < w.length();) {
					char c = w.charAt(i);
					if (c < 0x80) { // ASCII: a Latin letter or none, without a look-up
						i++;
						if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
							letters++;
							latin++;
						}
						continue;
					}
					beyondAscii = true;
					int cp = w.codePointAt(i);
					i += Character.charCount(cp);
					if (!Character.isLetter(cp)) {
						continue;
					}
					letters++;
					// Latin-1 and Latin Extended A and B need no look-up
					Character.UnicodeScript s = cp < 0x250 ? Character.UnicodeScript.LATIN
							: Character.UnicodeScript.of(cp);
					if (s == Character.UnicodeScript.LATIN) {
						latin++;
					}
					else if (script == null) {
						script = scriptLanguage(s);
					}
				}
				Integer common = WORDS.get(t.norm());
				languages = (common == null ? 0 : common) | (beyondAscii ? accents(t.norm()) : 0);
			}
			else if (t.kind() == Token.Kind.PUNCT && (t.norm().indexOf('¿') >= 0 || t.norm().indexOf('¡') >= 0)) {
				languages = SPANISH;
			}
			for (int l = 0; languages != 0 && l < LANGUAGES.length; l++) {
				counts[l] += (languages >> l) & 1;
			}
		}
		if (letters == 0) {
			return "en"; // emoji, numbers, links: nothing to tell; the analysis copes
		}
		if (latin * 2 < letters) {
			return script == null ? "und" : script;
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

	private static final int SPANISH = bits("es");

	/** Letters that English words do not use, and the languages that do. */
	private static final Map<Character, Integer> ACCENTS = accentTable();

	private static Map<Character, Integer> accentTable() {
		Map<Character, Integer> table = new HashMap<>();
		String[][] rows = { { "ñ", "es" }, { "ãõ", "pt" }, { "ç", "fr pt" }, { "ßäö", "de" }, { "ü", "de tr" },
				{ "ışğ", "tr" }, { "èàùìò", "fr it" }, { "êâîôû", "fr pt" }, { "é", "fr es pt it" },
				{ "áíóú", "es pt it" } };
		for (String[] row : rows) {
			for (char c : row[0].toCharArray()) {
				table.put(c, bits(row[1].split(" ")));
			}
		}
		return table;
	}

	private static int bits(String... languages) {
		int bits = 0;
		for (String language : languages) {
			bits |= 1 << java.util.Arrays.asList(LANGUAGES).indexOf(language);
		}
		return bits;
	}

	/** The languages a word's accented letters point to ("llegó": es, pt, it). */
	private static int accents(String word) {
		int languages = 0;
		for (int i = 0; i < word.length(); i++) {
			char c = word.charAt(i);
			if (c >= 0xC0) {
				Integer l = ACCENTS.get(c);
				languages |= l == null ? 0 : l;
			}
		}
		return languages;
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
