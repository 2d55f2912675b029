package app.rightly.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/**
 * Reads an agent's draft reply with the conversation before it goes out: what would hurt
 * (blame, curtness, hiding behind policy, sarcasm, shouting, no acknowledgement of an
 * upset customer, no next step, promises the brand cannot keep, personal data in public,
 * too long for the channel) and what is good (an apology, empathy, a next step, the
 * customer's name). Each finding names its span and a suggestion. The rules are
 * documented in docs/respond.md.
 */
@Component
public class ReplyCoach {

	/** What the coach needs to know besides the draft. */
	public record Context(String customerText, Analysis customerAnalysis, String customerName, boolean publicReply,
			int maxLength, List<String> policies) {
	}

	/**
	 * A problem: {@code type} one of {@link #TYPES}; {@code severity} {@code high} (a
	 * second click is needed to send) or {@code medium}.
	 */
	public record Finding(String type, String severity, Integer start, Integer end, String message, String suggestion) {

		public boolean serious() {
			return "high".equals(severity);
		}

	}

	/** Something the draft does well. */
	public record Good(String type, Integer start, Integer end, String message) {
	}

	public record Coaching(List<Finding> findings, List<Good> good) {

		public boolean serious() {
			return findings.stream().anyMatch(Finding::serious);
		}

	}

	public static final List<String> TYPES = List.of("blame", "curt", "policy", "sarcasm", "caps", "no_empathy",
			"no_next_step", "overpromise", "personal_data", "too_long");

	private static Pattern words(String... phrases) {
		return Pattern.compile("(?i)(?<![\\p{L}])(" + String.join("|", phrases) + ")(?![\\p{L}])");
	}

	static final Pattern BLAME = words("you should have", "you should've", "you shouldn't have", "you should not have",
			"you didn't read", "you did not read", "you failed to", "your (own )?fault", "you need to read",
			"as you (were|have been) told", "as we (already )?told you", "if you had (read|checked|followed)",
			"you were supposed to", "you must have", "you obviously", "you clearly", "user error",
			"you (did|have done) (it|this|that) wrong", "you forgot to", "you ignored",
			"read the (terms|rules|fine print)");

	static final Pattern POLICY = words("per our policy", "as per (our )?policy", "our policy (states|says|is)",
			"company policy", "that['’]?s (our|the) policy", "policy is policy",
			"according to (our|the) (terms|policy|rules)", "against (our|company) policy",
			"(due to|because of) (our )?policy", "it is (our )?policy", "rules are rules", "nothing (we|i) can do");

	static final Pattern ALTERNATIVE = words("because", "so that", "instead", "alternatively", "what (i|we) can do",
			"(i|we) can offer", "(i|we)['’]?d be happy to", "option", "here['’]?s what", "(i|we) could", "the reason");

	static final Pattern SARCASM = words("calm down", "good luck with that", "with all due respect",
			"as i (already )?said", "as i (already )?mentioned", "sorry (that|if) you feel", "sorry you feel",
			"thanks for nothing", "congratulations", "whatever", "obviously", "clearly you", "no offense",
			"if you say so", "sure,? buddy", "nice try", "some people");

	static final Pattern APOLOGY = words("sorry", "apologi[sz]e", "apologies", "my apologies", "our apologies");

	static final Pattern EMPATHY = words("i understand", "we understand", "understandabl[ey]", "frustrat\\w*",
			"i hear you", "i can see", "i can imagine", "that['’]?s not (ok|okay|acceptable|right)", "disappoint\\w*",
			"inconvenien\\w*", "thank you for (your patience|letting us know|telling us|flagging|reaching out)",
			"appreciate", "must be (stressful|annoying|upsetting|worrying)", "upsetting", "stressful");

	static final Pattern NEXT_STEP = words("i['’]ll", "we['’]ll", "i will", "we will", "i['’]ve", "i have", "we['’]ve",
			"we have (escalated|sent|refunded|booked|rebooked|credited|passed|raised|opened|started)", "let me",
			"please (dm|send|reply|share|message|follow|check|try|call|email|e-mail|click|visit|use)", "follow up",
			"escalat\\w*", "here['’]?s how", "you can (now )?(find|track|see|use|call|book|rebook|request|claim)",
			"by (\\d{1,2}(:\\d\\d)?\\s?(am|pm)?|tomorrow|tonight|today|monday|tuesday|wednesday|thursday|friday|end of day)",
			"within \\d+", "(is|are) on (its|their|the) way", "has been (refunded|sent|booked|rebooked|credited|fixed)",
			"https?://\\S+");

	static final Pattern OVERPROMISE = words("guarantee[ds]?", "i promise", "we promise", "promise you", "never again",
			"(will|won['’]?t) never happen again", "won['’]?t happen again", "100 ?%", "definitely will", "always will",
			"will always", "immediately refund", "full refund guaranteed");

	static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(\\.[\\w-]+)*\\.[a-zA-Z]{2,}");

	static final Pattern PHONE = Pattern.compile("(?<![\\w+])\\+?\\d[\\d ().-]{7,}\\d(?!\\w)");

	static final Pattern CARD = Pattern.compile("(?<!\\d)(?:\\d[ -]?){13,19}(?!\\d)");

	static final Pattern ORDER = Pattern.compile(
			"(?i)(order|booking|reservation|confirmation|account|ticket|case)\\s*(number|no\\.?|#|ref(erence)?)?\\s*:?\\s*#?([A-Z0-9][A-Z0-9-]{3,})");

	static final Pattern CAPS_WORD = Pattern.compile("(?<![\\p{L}])\\p{Lu}{3,}(?![\\p{L}])");

	/** Capitalised words that are not shouting. */
	static final Set<String> ACRONYMS = Set.of("FAQ", "URL", "ETA", "ASAP", "USA", "GDPR", "PIN", "SMS", "ATM", "API",
			"CEO", "VIP", "PDF", "DM", "UK", "EU", "NYC", "LAX", "JFK", "SFO", "ORD", "LHR", "BOS", "ATL", "DFW",
			"IBAN", "CVV", "OK", "TV", "ID", "USB", "GPS");

	public Coaching coach(String draft, Context context) {
		List<Finding> findings = new ArrayList<>();
		List<Good> good = new ArrayList<>();
		// typographic apostrophes read as plain ones; the offsets stay the same
		String text = draft == null ? "" : draft.replace('\u2019', '\'');
		Analysis customer = context.customerAnalysis();
		boolean upset = customer != null && customer.analysed() && (customer.sentiment().label().equals("negative")
				|| customer.intent().label().equals("complaint") || customer.intent().label().equals("abuse"));
		boolean needsAction = customer != null
				&& List.of("complaint", "request", "question", "abuse").contains(customer.intent().label());

		each(BLAME, text,
				(m) -> findings.add(new Finding("blame", "high", m.start(), m.end(),
						"\u201c" + m.group() + "\u201d blames the customer.",
						"Say what happened and what you will do, not what they did wrong.")));
		Matcher policy = POLICY.matcher(text);
		if (policy.find()) {
			boolean alternative = ALTERNATIVE.matcher(text).find();
			findings.add(new Finding("policy", alternative ? "medium" : "high", policy.start(), policy.end(),
					"\u201c" + policy.group() + "\u201d hides behind policy"
							+ (alternative ? "." : " without a reason or an alternative."),
					"Give the reason the rule exists and offer what you can do instead."));
		}
		each(SARCASM, text,
				(m) -> findings.add(new Finding("sarcasm", "high", m.start(), m.end(),
						"\u201c" + m.group() + "\u201d reads as sarcastic or dismissive.",
						"Say it plainly and kindly; the customer cannot hear your tone.")));
		caps(text, findings);
		if (upset && context.customerText() != null && context.customerText().length() >= 100
				&& text.strip().length() < 60) {
			findings.add(new Finding("curt", "medium", 0, text.length(),
					"A very short reply to a long, upset message reads as a brush-off.",
					"Acknowledge what they told you and say what happens next."));
		}
		Matcher apology = APOLOGY.matcher(text);
		Matcher empathy = EMPATHY.matcher(text);
		boolean apologised = apology.find();
		boolean empathised = empathy.find();
		if (apologised) {
			good.add(new Good("apology", apology.start(), apology.end(), "Apologises."));
		}
		if (empathised) {
			good.add(new Good("empathy", empathy.start(), empathy.end(), "Acknowledges how the customer feels."));
		}
		if (upset && !apologised && !empathised) {
			findings.add(new Finding("no_empathy", "medium", null, null,
					"The customer is upset and the reply does not acknowledge it.",
					"Start by naming their feeling or apologising: \u201cI'm sorry, that's frustrating.\u201d"));
		}
		Matcher next = NEXT_STEP.matcher(text);
		if (next.find()) {
			good.add(new Good("next_step", next.start(), next.end(), "Says what happens next."));
		}
		else if (needsAction) {
			findings.add(new Finding("no_next_step", "medium", null, null, "The reply gives no next step and no owner.",
					"Say who does what by when: \u201cI'll check with the baggage team and reply here by 5pm.\u201d"));
		}
		each(OVERPROMISE, text,
				(m) -> findings.add(new Finding("overpromise", "high", m.start(), m.end(),
						"\u201c" + m.group() + "\u201d promises what the brand may not be able to keep.",
						"Promise what you control: the next step and when you will be back.")));
		contradictions(text, context.policies(), findings);
		personalData(text, context, findings);
		if (text.length() > context.maxLength()) {
			findings.add(new Finding("too_long", "high", context.maxLength(), text.length(),
					"The reply has " + text.length() + " characters; this channel takes " + context.maxLength() + ".",
					"Shorten it, or take the conversation to a private channel."));
		}
		else if (context.customerText() != null && text.length() > 600
				&& text.length() > 4 * context.customerText().length()) {
			findings.add(new Finding("too_long", "medium", null, null,
					"The reply is much longer than the customer's message.",
					"Keep to what they asked and the next step."));
		}
		if (context.customerName() != null && !context.customerName().isBlank()) {
			String first = context.customerName().strip().split("\\s+")[0];
			int at = text.toLowerCase(Locale.ROOT).indexOf(first.toLowerCase(Locale.ROOT));
			if (first.length() > 1 && at >= 0) {
				good.add(new Good("name", at, at + first.length(), "Uses the customer's name."));
			}
		}
		findings.sort(java.util.Comparator.comparing((Finding f) -> f.serious() ? 0 : 1));
		return new Coaching(findings, good);
	}

	private static void each(Pattern pattern, String text, java.util.function.Consumer<Matcher> found) {
		Matcher m = pattern.matcher(text);
		while (m.find()) {
			found.accept(m);
		}
	}

	private static void caps(String text, List<Finding> findings) {
		Matcher m = CAPS_WORD.matcher(text);
		int shouted = 0;
		int first = -1;
		int last = -1;
		while (m.find()) {
			if (!ACRONYMS.contains(m.group())) {
				shouted++;
				first = first < 0 ? m.start() : first;
				last = m.end();
			}
		}
		if (shouted >= 3) {
			findings.add(new Finding("caps", "medium", first, last, "Words in capitals read as shouting.",
					"Write in sentence case; use words, not capitals, for emphasis."));
		}
	}

	/**
	 * A promise about what a brand policy rules out: the draft promises ("we will",
	 * "I'll", "guarantee") and names the policy's subject.
	 */
	private static void contradictions(String text, List<String> policies, List<Finding> findings) {
		if (policies == null || policies.isEmpty()) {
			return;
		}
		for (String policy : policies) {
			for (String word : policy.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
				if (word.length() < 5 || KeyPhrases.STOP.contains(word)) {
					continue;
				}
				String stem = word.endsWith("s") ? word.substring(0, word.length() - 1) : word;
				Matcher m = Pattern
					.compile("(?i)\\b(we'll|i'll|we will|i will|we can|i can|guarantee|promise)\\s+(\\S+\\s+){0,3}?"
							+ Pattern.quote(stem) + "\\w*")
					.matcher(text);
				if (m.find()) {
					findings.add(new Finding("overpromise", "medium", m.start(), m.end(),
							"\u201c" + m.group() + "\u201d may go against the policy \u201c" + policy + "\u201d.",
							"Check the policy before promising; offer what it allows."));
					return;
				}
			}
		}
	}

	private static void personalData(String text, Context context, List<Finding> findings) {
		if (!context.publicReply()) {
			return;
		}
		String said = context.customerText() == null ? "" : context.customerText();
		each(EMAIL, text, (m) -> findings.add(new Finding("personal_data", "high", m.start(), m.end(),
				"An e-mail address in a public reply.", "Take it to a private message.")));
		Matcher card = CARD.matcher(text);
		while (card.find()) {
			if (luhn(card.group())) {
				findings.add(new Finding("personal_data", "high", card.start(), card.end(),
						"A card number in a public reply.", "Never post card numbers; remove it."));
			}
		}
		Matcher phone = PHONE.matcher(text);
		while (phone.find()) {
			String digits = phone.group().replaceAll("\\D", "");
			if (digits.length() >= 9 && digits.length() <= 15 && !luhn(phone.group())) {
				findings.add(new Finding("personal_data", "high", phone.start(), phone.end(),
						"A phone number in a public reply.", "Take it to a private message."));
			}
		}
		Matcher order = ORDER.matcher(text);
		while (order.find()) {
			String number = order.group(4);
			if (number.chars().anyMatch(Character::isDigit) && !said.contains(number)) {
				findings.add(new Finding("personal_data", "medium", order.start(), order.end(),
						"A customer's " + order.group(1).toLowerCase(Locale.ROOT) + " number in a public reply.",
						"Refer to it without the number, or move to a private message."));
			}
		}
	}

	static boolean luhn(String number) {
		String digits = number.replaceAll("\\D", "");
		if (digits.length() < 13 || digits.length() > 19) {
			return false;
		}
		int sum = 0;
		boolean twice = false;
		for (int i = digits.length() - 1; i >= 0; i--) {
			int d = digits.charAt(i) - '0';
			if (twice) {
				d *= 2;
				d = d > 9 ? d - 9 : d;
			}
			sum += d;
			twice = !twice;
		}
		return sum % 10 == 0;
	}

}
