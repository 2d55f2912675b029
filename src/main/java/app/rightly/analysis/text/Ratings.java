package app.rightly.analysis.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A rating given in a message — "5 stars", "4/5", "10/10", "2 out of 5", "one star",
 * "⭐⭐⭐⭐⭐", "★★★★☆" — read as praise when it is high (four fifths or more of the scale)
 * and as a failure when it is low (two fifths or less); a middling one says neither.
 * Reviews and app-store posts often carry one, and it says more about how the customer
 * feels than the problems the review tells of ("5 stars. Wrong order delivered, a fresh
 * one came in 25 minutes"). Not ratings: a hotel's class ("a 5 star hotel"), dates
 * ("ordered 5/5", "10/10/2024"), shares ("4 out of 5 of my deliveries", "9/10 times"),
 * stars as decoration ("you're both stars ⭐⭐").
 */
public final class Ratings {

	/**
	 * The weight of a rating's cue: stronger than any word, as it is the customer's own
	 * verdict.
	 */
	static final float WEIGHT = 2.5f;

	/** The phrase of a rating's cue. */
	public static final String PHRASE = "rating";

	private static final Map<String, Integer> WORDS = Map.of("zero", 0, "no", 0, "one", 1, "two", 2, "three", 3, "four",
			4, "five", 5);

	/**
	 * Words before "5/10" or "10/10" that make it a date ("on 5/10", "ordered 5/5"), not
	 * a rating.
	 */
	private static final Set<String> BEFORE_A_DATE = Set.of("on", "from", "to", "until", "till", "by", "before",
			"after", "since", "the", "for", "dated", "due", "ordered", "booked", "bought", "paid", "placed",
			"delivered", "shipped", "arrived", "flew", "flying", "travel", "travelling", "traveling", "returned",
			"sent", "called", "date", "order");

	/**
	 * Words after "4/5" or "2 out of 5" that make it a share of something ("9/10 times",
	 * "4 out of 5 of my deliveries") or a date ("10/10/2024"), not a rating.
	 */
	private static final Set<String> AFTER_A_SHARE = Set.of("/", "of", "times", "time", "people", "customers", "orders",
			"deliveries", "days", "calls", "flights", "visits", "weeks", "months", "years");

	private Ratings() {
	}

	/** The ratings in a message as cues: praise or failure, over the rating's words. */
	public static List<Cue> of(String text, List<Token> tokens) {
		// most messages rate nothing: a look at the text spares them the tokens
		if (text.indexOf("star") < 0 && text.indexOf("Star") < 0 && text.indexOf("STAR") < 0
				&& text.indexOf("out of") < 0 && text.indexOf("OUT OF") < 0 && text.indexOf('⭐') < 0
				&& text.indexOf('★') < 0 && !aNumberOverAnother(text)) {
			return List.of();
		}
		return of(tokens);
	}

	/**
	 * A digit, a slash and a digit, maybe with spaces between ("4/5", "4 / 5"), not the
	 * slashes of a link.
	 */
	private static boolean aNumberOverAnother(String text) {
		for (int i = text.indexOf('/'); i >= 0; i = text.indexOf('/', i + 1)) {
			int before = i - 1;
			while (before >= 0 && text.charAt(before) == ' ') {
				before--;
			}
			int after = i + 1;
			while (after < text.length() && text.charAt(after) == ' ') {
				after++;
			}
			if (before >= 0 && after < text.length() && Character.isDigit(text.charAt(before))
					&& Character.isDigit(text.charAt(after))) {
				return true;
			}
		}
		return false;
	}

	static List<Cue> of(List<Token> tokens) {
		List<Cue> out = null;
		int n = tokens.size();
		for (int i = 0; i < n; i++) {
			Token t = tokens.get(i);
			double value = -1;
			double scale = 5;
			int last = i;
			if (t.kind() == Token.Kind.EMOJI && isStar(t)) {
				int filled = 0;
				int empty = 0;
				while (last < n && (isStar(tokens.get(last)) || isEmptyStar(tokens.get(last)))) {
					filled += isStar(tokens.get(last)) ? 1 : 0;
					empty += isEmptyStar(tokens.get(last)) ? 1 : 0;
					last++;
				}
				last--;
				// a scale of stars ("★★★★☆"), or three or more: one or two stars are
				// decoration or praise of a person ("you're both stars ⭐⭐")
				if (empty > 0 && filled + empty == 5 || empty == 0 && filled >= 3) {
					value = filled;
					scale = empty > 0 ? 5 : Math.max(5, filled);
				}
			}
			else if ((t.kind() == Token.Kind.NUMBER || numberWord(t)) && i + 1 < n) {
				double v = number(t);
				String next = tokens.get(i + 1).norm();
				// "5 stars", "1 star"; not "a 5 star hotel" (its class, not a rating)
				if (next.equals("stars") || next.equals("star") && v <= 1) {
					value = v;
					last = i + 1;
					if (last + 3 < n && tokens.get(last + 1).norm().equals("out")
							&& tokens.get(last + 2).norm().equals("of")) {
						scale = number(tokens.get(last + 3));
						last += 3;
					}
				}
				else if (t.kind() == Token.Kind.NUMBER && (next.equals("/") || next.equals("out"))
						&& !afterDateWord(tokens, i)) {
					int denominator = next.equals("/") ? i + 2
							: i + 3 < n && tokens.get(i + 2).norm().equals("of") ? i + 3 : -1;
					if (denominator > 0 && denominator < n && tokens.get(denominator).kind() == Token.Kind.NUMBER
							&& !(denominator + 1 < n && AFTER_A_SHARE.contains(tokens.get(denominator + 1).norm()))) {
						double d = number(tokens.get(denominator));
						if ((d == 5 || d == 10) && v <= d) {
							value = v;
							scale = d;
							last = denominator;
						}
					}
				}
			}
			if (value >= 0 && scale > 0 && value <= scale) {
				double share = value / scale;
				if (share >= 0.8 || share <= 0.4) {
					out = out == null ? new ArrayList<>() : out;
					boolean high = share >= 0.8;
					out.add(new Cue(high ? "praise" : "failure", high ? WEIGHT : -WEIGHT, PHRASE, t.start(),
							tokens.get(last).end(), false));
				}
			}
			i = Math.max(i, last);
		}
		return out == null ? List.of() : out;
	}

	/** "one", "five", "zero", "no": looked up only when it could be one of them. */
	private static boolean numberWord(Token t) {
		String w = t.norm();
		return w.length() >= 2 && w.length() <= 5 && "zonetf".indexOf(w.charAt(0)) >= 0 && WORDS.containsKey(w);
	}

	/** A full star, with or without the emoji variation selector ("⭐️"). */
	private static boolean isStar(Token t) {
		return t.norm().startsWith("⭐") || t.norm().startsWith("★");
	}

	private static boolean isEmptyStar(Token t) {
		return t.norm().startsWith("☆");
	}

	private static boolean afterDateWord(List<Token> tokens, int i) {
		return i > 0 && BEFORE_A_DATE.contains(tokens.get(i - 1).norm());
	}

	private static double number(Token t) {
		Integer word = WORDS.get(t.norm());
		if (word != null) {
			return word;
		}
		try {
			return Double.parseDouble(t.raw().replace(',', '.'));
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

}
