package app.rightly.analysis;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;

import app.rightly.analysis.Analysis.Emotion;
import app.rightly.analysis.Analysis.Evidence;
import app.rightly.analysis.Analysis.Intent;
import app.rightly.analysis.Analysis.Risk;
import app.rightly.analysis.Analysis.Sentiment;
import app.rightly.analysis.Analysis.Span;
import app.rightly.analysis.Analysis.Toxicity;
import app.rightly.analysis.Analysis.Urgency;
import app.rightly.analysis.text.Aspects;
import app.rightly.analysis.text.BaseModels;
import app.rightly.analysis.text.Cue;
import app.rightly.analysis.text.CueLexicon;
import app.rightly.analysis.text.FeatureHasher;
import app.rightly.analysis.text.FeatureVector;
import app.rightly.analysis.text.LanguageGuess;
import app.rightly.analysis.text.LinearModel;
import app.rightly.analysis.text.Ratings;
import app.rightly.analysis.text.Token;
import app.rightly.analysis.text.Tokenizer;
import app.rightly.analysis.text.Vader;

import org.springframework.stereotype.Component;

/**
 * Rightly's analysis of customer messages: statistical models trained on permissively
 * licensed data give the general reading of the words; customer-care knowledge (a phrase
 * lexicon of failures, broken expectations, gratitude, sarcasm, requests, urgency, abuse)
 * and VADER's valence rules turn it into the reading a care team needs — a delayed flight
 * is negative without a negative word, "thanks for nothing" is not thanks. Every label
 * comes with its evidence. See docs/analysis.md for the rules and their weights.
 */
@Component
public class CustomerCareAnalyser implements Analyser {

	public static final String ID = "rightly-care-1";

	/**
	 * Risk = sum of weight × component, times 100, when the customer's value is not
	 * known.
	 */
	static final Map<String, Double> RISK_WEIGHTS = orderedMap("negativity", 0.30, "intent", 0.15, "urgency", 0.25,
			"toxicity", 0.10, "reach", 0.20, "value", 0.0);

	/** The weight of the customer's value, when it is known. */
	static final double VALUE_WEIGHT = 0.10;

	/**
	 * The weights when it is: value takes its weight, the others the rest in their
	 * proportions, so they still add up to one.
	 */
	static final Map<String, Double> RISK_WEIGHTS_WITH_VALUE = withValue(RISK_WEIGHTS);

	private static Map<String, Double> withValue(Map<String, Double> weights) {
		Map<String, Double> out = new LinkedHashMap<>();
		weights.forEach((component, weight) -> out.put(component,
				component.equals("value") ? VALUE_WEIGHT : Math.round(weight * (1 - VALUE_WEIGHT) * 1e6) / 1e6));
		return out;
	}

	static final Map<String, Double> INTENT_RISK = Map.of("complaint", 1.0, "abuse", 0.9, "request", 0.6, "question",
			0.35, "suggestion", 0.2, "other", 0.15, "praise", 0.05, "spam", 0.0);

	static final Map<String, Double> URGENCY_RISK = Map.of("low", 0.0, "normal", 0.3, "high", 0.7, "critical", 1.0);

	/** What one profanity adds to the toxicity score, when not aimed at a person. */
	static final double K_PROFANITY = 0.2;

	/** How much the model's toxicity counts with no abusive word and no one addressed. */
	static final double K_UNAIMED = 0.7;

	/** A toxicity score at or above this counts as toxic. */
	static final double TOXIC = 0.35;

	/** A toxicity score aimed at "you" that counts as abuse without an abusive word. */
	static final double ABUSIVE_SCORE = 0.6;

	/*
	 * Weights of the complaint score: a problem the rules found (failure cues, sarcasm
	 * about one), negativity of the sentiment, being addressed to someone (an @mention),
	 * and the shipped complaint model's probability around its midpoint. Chosen on the
	 * first half of the development splits; see docs/analysis.md.
	 */
	static final double K_COMPLAINT_PROBLEM = 0.35;

	static final double K_COMPLAINT_NEGATIVE = 0.5;

	static final double K_COMPLAINT_MODEL = 0.3;

	static final double K_COMPLAINT_ADDRESSED = 0.1;

	/** Whether the message names something a company provides (an aspect). */
	/**
	 * A danger that is itself the problem: one phrase both a failure and a safety cue
	 * ("caught fire", "gas leak"), not a failure beside a danger word ("stuck on the M6
	 * because of a lorry fire").
	 */
	private static boolean harm(List<Cue> cues) {
		for (Cue danger : cues) {
			if (danger.category().equals("safety")) {
				for (Cue failure : cues) {
					if (failure.category().equals("failure") && !failure.negated() && failure.start() == danger.start()
							&& failure.end() == danger.end()) {
						return true;
					}
				}
			}
		}
		return false;
	}

	private static boolean touchesService(Signals s) {
		for (float a : ASPECTS.of(s.tokens())) {
			if (a > 0) {
				return true;
			}
		}
		return false;
	}

	/**
	 * How much a problem or negativity counts when aimed at no one and about no service.
	 */
	static final double K_UNDIRECTED = 0.4;

	private final Vader vader;

	private final CueLexicon cues;

	private final BaseModels models;

	public CustomerCareAnalyser() {
		this(Vader.load(), CueLexicon.load("/analysis/cues.tsv"), BaseModels.load());
	}

	CustomerCareAnalyser(Vader vader, CueLexicon cues, BaseModels models) {
		this.vader = vader;
		this.cues = cues;
		this.models = models;
	}

	@Override
	public String id() {
		return ID;
	}

	/**
	 * What a message says before any decision: its tokens, cues, scores and model
	 * readings.
	 */
	record Signals(String text, List<Token> tokens, List<Cue> cues, double vader, FeatureVector features,
			float[] sentiment, float complaint, float toxicity, float[] emotion, float irony, double failure,
			double praise, double rated, double sarcasm, double relief, boolean grievance, Set<String> categories,
			boolean asks, boolean links, double trust) {

		boolean has(String category) {
			return categories.contains(category);
		}

	}

	Signals signals(String text) {
		List<Token> tokens = Tokenizer.tokens(text);
		List<Cue> matched = cues.match(tokens);
		// remedies only matter to a story that ends well: kept aside, not carried by
		// every later rule
		List<Cue> remedies = aside("remedy", matched);
		List<Cue> found = ironicClaps(text, remedied(tokens, remedies,
				withoutParts(ironicThanks(tokens, withRatings(speedy(tokens, matched), text, tokens)))));
		if (text.indexOf('?') >= 0 && anyOf(found, "failure", "request")) {
			found = asked(tokens, found);
		}
		double failure = 0;
		double praise = 0;
		double rated = 0; // the part of the praise a good rating gives ("5 stars")
		double sarcasm = 0;
		double relief = 0;
		boolean grievance = false;
		Set<String> categories = new LinkedHashSet<>();
		for (Cue c : found) {
			switch (c.category()) {
				// "never late" is mildly good
				case "failure" -> failure += c.negated() ? -0.25 * c.weight() : c.weight();
				case "relief" -> {
					praise += c.weight(); // "not bad at all"
					relief += c.weight();
				}
				case "gratitude", "praise" -> {
					if (c.negated()) {
						failure -= c.weight(); // "not helpful" is a failure
					}
					else {
						praise += c.weight();
						rated += c.phrase().equals(Ratings.PHRASE) ? c.weight() : 0;
					}
				}
				case "sarcasm" -> sarcasm += c.weight();
				// "answered in 8 minutes"
				case "speed" -> praise += c.negated() ? 0 : c.weight();
				// a threat to sue, leave or go public, or a complaint made again, is a
				// grievance whatever the words
				case "legal", "churn", "exposure", "repeat" -> grievance |= !c.negated();
				default -> {
				}
			}
			if (!c.negated() || !(c.category().equals("praise") || c.category().equals("gratitude"))) {
				categories.add(c.category());
			}
		}
		boolean asks = false;
		boolean links = false;
		int words = 0;
		for (Token t : tokens) {
			asks |= t.norm().equals("?");
			links |= t.kind() == Token.Kind.URL;
			words += t.kind() == Token.Kind.WORD || t.kind() == Token.Kind.HASHTAG ? 1 : 0;
		}
		// the models read "not bad" as bad: they see the message without a denied
		// problem or one put right, and are believed by the words they saw ("never
		// disappoints 👌" leaves them an emoji)
		boolean hidden = false;
		for (Cue c : found) {
			hidden |= hidesFromModels(c);
		}
		List<Token> read = hidden ? withoutHidden(tokens, found) : tokens;
		if (read != tokens) {
			words = 0;
			for (Token t : read) {
				words += t.kind() == Token.Kind.WORD || t.kind() == Token.Kind.HASHTAG ? 1 : 0;
			}
		}
		FeatureVector features = FeatureHasher.vector(read, null);
		float[][] p = models.probabilities(features);
		float[] sentiment = p[BaseModels.SENTIMENT];
		float complaint = probability(p, BaseModels.COMPLAINT, "complaint");
		float toxicity = probability(p, BaseModels.TOXICITY, "toxic");
		float[] emotion = p[BaseModels.EMOTION];
		float irony = probability(p, BaseModels.IRONY, "irony");
		return new Signals(text, tokens, found, vader.compound(tokens, text), features, sentiment, complaint, toxicity,
				emotion, irony, failure, praise, rated, sarcasm, relief, grievance, categories, asks, links,
				Math.min(1, words / (double) K_MODEL_WORDS));
	}

	/**
	 * The category a failure is given when the message tells of it being put right
	 * ({@link #remedied}): no problem of the customer's now, and hidden from the models,
	 * whose words would read it as one (as a problem denied is: "not bad").
	 */
	static final String REMEDIED = "remedied";

	/**
	 * Good wishes of a greeting ("hope you're well"): no feeling of the customer's, and
	 * hidden from the models, which learnt them from warm messages.
	 */
	static final String GREETING = "greeting";

	/**
	 * The category a failure is given when the message only asks about it
	 * ({@link #asked}); the models still read its words (hiding them did not help).
	 */
	static final String ASKED = "asked about";

	/** Whether a cue of one of two categories is there, denied or not. */
	private static boolean anyOf(List<Cue> found, String category, String other) {
		for (Cue c : found) {
			if (c.category().equals(category) || c.category().equals(other)) {
				return true;
			}
		}
		return false;
	}

	/** Thanks or praise, not denied. */
	private static boolean warm(Cue c) {
		return !c.negated() && (c.category().equals("praise") || c.category().equals("gratitude"));
	}

	/**
	 * Words that make a remedy a wish or a question rather than done, when they come
	 * before it in its clause: "please get this sorted", "it needs to be fixed", "still
	 * not refunded", "if it isn't replaced".
	 */
	private static final Set<String> NOT_YET = Set.of("get", "please", "pls", "plz", "need", "needs", "want", "wants",
			"will", "can", "could", "would", "should", "must", "be", "gonna", "going", "hasn't", "haven't", "hasnt",
			"havent", "wasn't", "isn't", "not", "never", "if", "until", "unless", "still", "yet", "when", "waiting",
			"expect", "expected", "supposed", "promised", "hope", "hoping", "said", "told", "claimed", "claim",
			"apparently", "allegedly");

	/**
	 * The cues with the problems of a story that ends well read as {@link #REMEDIED}:
	 * when a message thanks or praises and tells of a problem put right (a {@code remedy}
	 * cue, done, not asked for or only claimed), the failures before the remedy, and for
	 * a remedy done to something the thing it was done to, are the story of the fix ("my
	 * box arrived damaged and a replacement was on its way the same day. Amazing.",
	 * "found my lost wallet, thank you!"). A failure after that still counts ("refunded
	 * me, but the app still shows the charge").
	 */
	static List<Cue> remedied(List<Token> tokens, List<Cue> remedies, List<Cue> found) {
		if (remedies.isEmpty()) {
			return found;
		}
		boolean warm = false;
		for (Cue c : found) {
			warm |= warm(c);
		}
		if (!warm) {
			return found;
		}
		int storyEnd = -1;
		for (Cue c : remedies) {
			int at = tokenAt(tokens, c.start());
			if (c.negated() || at < 0 || !done(tokens, at)) {
				continue;
			}
			storyEnd = Math.max(storyEnd, c.end()); // with a problem named in it: "got my
													// lost notes back"
			if (takesAnObject(c)) {
				// the problem put right may follow as its object, a few words on in the
				// same clause ("replaced my broken headphones"); what follows further,
				// or a thing named ("the replacement arrived damaged"), is a problem
				// still
				int last = tokenAt(tokens, c.end() - 1);
				int reach = Math.min(tokens.size() - 1, last + REMEDY_REACH);
				storyEnd = Math.max(storyEnd, Math.min(clauseEnd(tokens, last + 1), tokens.get(reach).end()));
			}
		}
		if (storyEnd < 0) {
			return found;
		}
		List<Cue> out = new ArrayList<>(found.size());
		for (Cue c : found) {
			boolean told = c.category().equals("failure") && !c.negated() && c.start() < storyEnd;
			out.add(told ? c.as(REMEDIED) : c);
		}
		return out;
	}

	/** How many words after a remedy done to something the thing may be named. */
	static final int REMEDY_REACH = 4;

	/**
	 * A remedy done to something ("refunded", "replaced", "found my"), not a thing ("a
	 * replacement", "full refund").
	 */
	private static boolean takesAnObject(Cue remedy) {
		String p = remedy.phrase();
		return p.endsWith("ed") || p.startsWith("found ") || p.startsWith("returned ");
	}

	/** The index of the token starting at a character offset, or -1. */
	private static int tokenAt(List<Token> tokens, int offset) {
		for (int i = 0; i < tokens.size(); i++) {
			if (tokens.get(i).start() <= offset && offset < tokens.get(i).end()) {
				return i;
			}
		}
		return -1;
	}

	/**
	 * Whether the remedy at token {@code at} was done: not wished for, not asked about.
	 */
	private static boolean done(List<Token> tokens, int at) {
		for (int i = at - 1; i >= 0 && !endsClause(tokens.get(i)) && !tokens.get(i).norm().equals(","); i--) {
			if (NOT_YET.contains(tokens.get(i).norm())) {
				return false;
			}
		}
		for (int i = at + 1; i < tokens.size(); i++) {
			String w = tokens.get(i).norm();
			if (w.equals("?")) {
				return false;
			}
			if (w.equals(".") || w.equals("!")) {
				return true;
			}
		}
		return true;
	}

	/** Where the clause going on at token {@code from} ends, as a character offset. */
	private static int clauseEnd(List<Token> tokens, int from) {
		for (int i = Math.max(0, from); i < tokens.size(); i++) {
			if (endsClause(tokens.get(i))) {
				return tokens.get(i).start();
			}
		}
		return Integer.MAX_VALUE;
	}

	/**
	 * Besides the end of a sentence, where a clause ends: "but", or a word that gives a
	 * reason or concedes ("I found my phone because this is the worst system").
	 */
	private static final Set<String> CLAUSE_ENDS = Set.of("…", "but", "because", "cause", "bc", "although", "though",
			"however");

	private static boolean endsClause(Token t) {
		return endsSentence(t) || CLAUSE_ENDS.contains(t.norm());
	}

	/**
	 * Words a question about the customer's own situation opens with: "do I need ID to
	 * collect it?", "how do I change my address?" ask, they do not request ("can you
	 * change my seat?" does).
	 */
	private static final Set<String> WONDERING = Set.of("do", "does", "did", "is", "are", "am", "how", "what", "what's",
			"whats", "when", "where", "which", "who", "should", "if", "whether");

	/** Words a question asking for information opens with. */
	private static final Set<String> ASKING = Set.of("is", "are", "do", "does", "will", "would", "if", "should", "has",
			"have");

	/**
	 * Words that make a question a complaint in question form: "why is my flight delayed
	 * again?", "is it normal to wait 3 hours?", "is anyone going to answer?".
	 */
	private static final Set<String> RHETORICAL = Set.of("why", "again", "still", "seriously", "really", "normal",
			"acceptable", "ok", "okay", "joke", "kidding", "anyone", "anybody", "someone", "somebody", "long", "many",
			"ever", "actually", "even", "honestly", "supposed", "yet", "no", "not", "never", "nobody", "keep", "keeps",
			"wtf", "hell", "!");

	/** Greetings and the like a question may start after. */
	private static final Set<String> OPENING = Set.of("hi", "hello", "hey", "hiya", "morning", "evening", "afternoon",
			"good", "quick", "question", "team", "there", "please", "pls", ",", "-", ":", "so", "um", "also", "and");

	/**
	 * The cues without what the customer only asks about. In a question for information
	 * ("is there a fee to transfer?", "if my train is cancelled do I get a refund?", "is
	 * flight 212 delayed?") the failures tell of no problem of theirs; a question that
	 * complains ("why is it delayed again?", "is anyone going to answer?") keeps them. In
	 * a question about the customer's own situation a request's words ask for
	 * information, not an action: "I need" in "do I need to print my tickets?".
	 */
	static List<Cue> asked(List<Token> tokens, List<Cue> found) {
		List<Cue> out = null;
		int start = 0;
		for (int i = 0; i < tokens.size(); i++) {
			String w = tokens.get(i).norm();
			if (!endsQuestion(tokens.get(i))) {
				continue;
			}
			int first = start;
			while (first < i
					&& (tokens.get(first).kind() == Token.Kind.MENTION || OPENING.contains(tokens.get(first).norm()))) {
				first++;
			}
			// "is my flight cancelled?!" exclaims
			boolean exclaimed = i + 1 < tokens.size() && tokens.get(i + 1).norm().equals("!");
			if (w.equals("?") && first < i && !exclaimed) {
				boolean informational = asksForInformation(tokens, first, i);
				boolean wondering = WONDERING.contains(tokens.get(first).norm()) && !addressed(tokens, first, i);
				int hypothetical = rhetorical(tokens, first, i) ? Integer.MAX_VALUE : hypothetical(tokens, first, i);
				int from = tokens.get(start).start();
				int to = tokens.get(i).end();
				for (int k = 0; k < found.size() && (informational || wondering || hypothetical < to); k++) {
					Cue c = found.get(k);
					if (c.start() < from || c.end() > to) {
						continue;
					}
					// a problem of a thing the customer has is theirs ("will I get
					// compensation for my cancelled flight?"), unless only supposed ("if
					// my
					// train is cancelled")
					boolean supposed = c.start() >= hypothetical
							|| informational && !owned(tokens, tokenAt(tokens, c.start()));
					if (supposed && c.category().equals("failure") && !c.negated()) {
						out = out == null ? new ArrayList<>(found) : out;
						out.set(k, c.as(ASKED));
					}
					else if (wondering && c.category().equals("request")) {
						out = out == null ? new ArrayList<>(found) : out;
						out.set(k, null);
					}
				}
			}
			while (i + 1 < tokens.size() && endsQuestion(tokens.get(i + 1))) {
				i++;
			}
			start = i + 1;
		}
		if (out == null) {
			return found;
		}
		out.removeIf(java.util.Objects::isNull);
		return out;
	}

	/**
	 * The marks a question is ended or set apart by: ". ! ?", not the ";" of an entity
	 * left in a tweet ("ticket &amp; buying a replacement?" is one question).
	 */
	private static boolean endsQuestion(Token t) {
		String w = t.norm();
		return t.kind() == Token.Kind.PUNCT && (w.equals("?") || w.equals(".") || w.equals("!"));
	}

	/**
	 * Words of having: a problem right after one is a thing of the customer's ("my
	 * cancelled flight").
	 */
	private static final Set<String> OWNING = Set.of("my", "our", "his", "her", "their");

	private static boolean owned(List<Token> tokens, int at) {
		return at > 0 && OWNING.contains(tokens.get(at - 1).norm());
	}

	/**
	 * Where a supposition starts in a question ("… if my train is cancelled?"), as a
	 * character offset; past the end when there is none.
	 */
	private static int hypothetical(List<Token> tokens, int first, int to) {
		for (int i = first; i < to; i++) {
			String w = tokens.get(i).norm();
			if (w.equals("if") || w.equals("whether") || w.equals("incase")
					|| w.equals("case") && i > first && tokens.get(i - 1).norm().equals("in")) {
				return tokens.get(i).start();
			}
		}
		return Integer.MAX_VALUE;
	}

	/**
	 * A question that asks the company to do something: "are you able to send me a new
	 * card?" requests; "what documents do I need?" only asks.
	 */
	private static boolean addressed(List<Token> tokens, int first, int to) {
		for (int i = first; i < to; i++) {
			String w = tokens.get(i).norm();
			if (w.equals("you") || w.equals("u") || w.equals("ya") || w.equals("y'all")) {
				return true;
			}
		}
		return false;
	}

	private static boolean asksForInformation(List<Token> tokens, int first, int to) {
		// a yes/no question, or one about what happens if: "what caused the delay on my
		// flight?" asks about a problem the customer has
		boolean ifSo = first + 2 < to && tokens.get(first).norm().equals("what")
				&& (tokens.get(first + 1).norm().equals("if") || tokens.get(first + 2).norm().equals("if"));
		// "can I…", "could we…" ask what is possible; "can you…" asks for something done
		String opener = tokens.get(first).norm();
		boolean possible = (opener.equals("can") || opener.equals("could") || opener.equals("may")) && first + 1 < to
				&& (tokens.get(first + 1).norm().equals("i") || tokens.get(first + 1).norm().equals("we"));
		if (!ASKING.contains(opener) && !ifSo && !possible) {
			return false;
		}
		return !rhetorical(tokens, first, to);
	}

	private static boolean rhetorical(List<Token> tokens, int first, int to) {
		for (int i = first; i <= to && i < tokens.size(); i++) {
			if (RHETORICAL.contains(tokens.get(i).norm())) {
				return true;
			}
		}
		return false;
	}

	/** What work done fast counts for, as praise: as much as a word of praise. */
	static final float K_SPEED = 1.1f;

	/** Past forms that tell of something done, besides those ending in -ed. */
	private static final Set<String> DONE = Set.of("came", "got", "sent", "did", "done", "was", "were", "had", "made",
			"took", "gave", "rang", "found", "brought", "paid", "built", "sorted", "back");

	/**
	 * Words that put a time ahead rather than behind: "my flight leaves in 20 minutes",
	 * "it expires in 2 days".
	 */
	private static final Set<String> AHEAD = Set.of("will", "would", "should", "could", "leaves", "leave", "leaving",
			"boards", "boarding", "departs", "departure", "starts", "start", "closes", "close", "expires", "due",
			"until", "till", "before", "gonna", "going", "need", "needs", "next", "supposed", "promised", "said",
			"says", "told", "expected", "guaranteed", "meant");

	/**
	 * The cues with each time a thing took ({@code speed}: "in 8 minutes", "within 2
	 * days") weighed as praise when its clause tells of something done before it
	 * ("answered my ticket in 8 minutes"); elsewhere ("the bus leaves in 20 minutes") it
	 * only keeps the time from being read as a wait.
	 */
	static List<Cue> speedy(List<Token> tokens, List<Cue> found) {
		List<Cue> out = null;
		for (int k = 0; k < found.size(); k++) {
			Cue c = found.get(k);
			if (!c.category().equals("speed")) {
				continue;
			}
			if (c.negated()) {
				continue; // "haven't heard back in 3 days" is a wait
			}
			int at = tokenAt(tokens, c.start());
			boolean done = false;
			int from = at;
			for (int i = at - 1; i >= 0 && !endsClause(tokens.get(i)); i--) {
				String w = tokens.get(i).norm();
				if (AHEAD.contains(w) || w.endsWith("'ll") || w.endsWith("'d")) {
					done = false;
					break;
				}
				done |= DONE.contains(w) || w.length() >= 5 && w.endsWith("ed") && !w.equals("need");
				from = i;
			}
			if (done && !troubledClause(found, tokens.get(from).start(), clauseEnd(tokens, at), c)) {
				out = out == null ? new ArrayList<>(found) : out;
				out.set(k, c.weighing(K_SPEED));
			}
		}
		return out == null ? found : out;
	}

	/**
	 * Whether a clause tells of a problem besides the time itself: "card declined 3 times
	 * in 10 minutes", "I've called 5 times in 2 days" are no speed to praise.
	 */
	private static boolean troubledClause(List<Cue> found, int from, int to, Cue time) {
		for (Cue c : found) {
			boolean inside = c.start() >= from && c.end() <= to;
			boolean withinTime = c.start() >= time.start() && c.end() <= time.end();
			// a failure's word inside praise is none ("still" in "still hot")
			if (inside && !withinTime && !c.negated()
					&& (c.category().equals("failure") || c.category().equals("repeat")) && !partOfAnother(c, found)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Takes the cues of a category out of a list (which it changes) and returns them;
	 * most messages have none, and the list is then left as it is.
	 */
	static List<Cue> aside(String category, List<Cue> cues) {
		List<Cue> out = null;
		for (Cue c : cues) {
			if (c.category().equals(category)) {
				out = out == null ? new ArrayList<>() : out;
				out.add(c);
			}
		}
		if (out == null) {
			return List.of();
		}
		cues.removeIf(c -> c.category().equals(category));
		return out;
	}

	/** The cues with the ratings given in the message ("5 stars", "2/10"), in order. */
	static List<Cue> withRatings(List<Cue> found, String text, List<Token> tokens) {
		List<Cue> ratings = Ratings.of(text, tokens);
		if (ratings.isEmpty()) {
			return found;
		}
		List<Cue> all = new ArrayList<>(found);
		all.addAll(ratings);
		all.sort(Comparator.comparingInt(Cue::start));
		return all;
	}

	/**
	 * The cues without those that are only a word of a longer phrase meaning otherwise:
	 * praise inside a wish ("great" in "it would be great if"), a polite request ("would
	 * appreciate it if") or a failure, a failure inside praise or relief, a threat,
	 * insult or danger inside an idiom ("kill it with fire"). Every later rule and the
	 * evidence see the phrase, not its word.
	 */
	private static List<Cue> withoutParts(List<Cue> found) {
		List<Cue> kept = null;
		for (int i = 0; i < found.size(); i++) {
			Cue c = found.get(i);
			if (partOfAnother(c, found)) {
				kept = kept == null ? new ArrayList<>(found.subList(0, i)) : kept;
				if (c.category().equals("failure")) {
					kept.add(c.as(PRAISED)); // its words are hidden from the models
				}
			}
			else if (kept != null) {
				kept.add(c);
			}
		}
		return kept == null ? found : kept;
	}

	/**
	 * The category of a failure's word inside praise or relief ("still" in "still hot",
	 * "again" in "would stay again"): no problem, and hidden from the models, which
	 * learnt it as one.
	 */
	static final String PRAISED = "praised";

	private static boolean partOfAnother(Cue c, List<Cue> found) {
		boolean warm = warm(c);
		boolean failure = !c.negated() && c.category().equals("failure");
		// a violent or rude word, or a danger, inside an idiom: "kill me now", "kill it
		// with fire"
		boolean abusive = ABUSIVE.contains(c.category()) || c.category().equals("safety");
		// a wish inside a way of speaking: "I wish I'd found you sooner", "you should
		// have seen her face"
		boolean idea = c.category().equals("suggestion");
		// "never had a problem" inside "never had a problem until today"
		boolean relief = !c.negated() && c.category().equals("relief");
		// "way to go" inside "the way to go"
		boolean sarcasm = c.category().equals("sarcasm");
		if (!warm && !failure && !abusive && !relief && !idea && !sarcasm) {
			return false;
		}
		for (Cue other : found) {
			boolean longer = other.start() <= c.start() && c.end() <= other.end()
					&& other.end() - other.start() > c.end() - c.start();
			if (!longer || other.negated()) {
				continue;
			}
			String o = other.category();
			if (warm && (o.equals("suggestion") || o.equals("request") || o.equals("failure") || o.equals("idiom"))
					|| failure
							&& (o.equals("praise") || o.equals("gratitude") || o.equals("relief") || o.equals("speed"))
					|| (abusive || idea) && o.equals("idiom") || idea && o.equals("request")
					|| relief && o.equals("failure") || sarcasm && o.equals("praise")) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Cues that make a message abusive; inside an idiom ("kill me now", "could kill for a
	 * coffee") they threaten no one.
	 */
	private static final Set<String> ABUSIVE = Set.of("insult", "threat", "profanity");

	/**
	 * Words between thanks and its "for": "thank you so much for", "thanks a lot for".
	 */
	private static final Set<String> THANKS_FILLERS = Set.of("so", "much", "very", "a", "lot", "again");

	/** How far after "thanks for" the failure thanked for may start, in tokens. */
	static final int THANKS_REACH = 4;

	/**
	 * The remedies that put the problem right, so that the problem thanked for is no
	 * longer one: "thanks for replacing my broken headphones".
	 */
	private static final Set<String> REPAIRS = Set.of("resolving", "fixing", "solving", "sorting", "refunding",
			"replacing", "repairing");

	/**
	 * Thanks for putting a problem right (REPAIRS), or for help or news of it, is meant:
	 * "thanks for resolving the issue", "thanks for letting me know about the delay".
	 */
	private static final Set<String> REMEDIES = java.util.stream.Stream.concat(REPAIRS.stream(),
			java.util.stream.Stream.of("handling", "compensating", "helping", "finding", "returning", "rebooking",
					"dealing", "looking", "responding", "answering", "following", "update", "updates", "help", "info",
					"heads", "letting", "telling", "informing", "notifying", "warning", "explaining", "checking",
					"confirming", "clarifying", "understanding", "patience", "apology", "apologizing", "apologising"))
		.collect(java.util.stream.Collectors.toUnmodifiableSet());

	/**
	 * Applause for a problem that is still there is sarcasm ("3 days without hot water
	 * and the best you can offer is 'we're aware' 👏👏"); for one put right it is meant
	 * ("fixed in ten minutes 👏").
	 */
	static List<Cue> ironicClaps(String text, List<Cue> found) {
		boolean problem = false;
		int claps = 0;
		int between = 0; // claps with words since the one before: "She 👏 won't 👏 be"
		int last = 0;
		for (Cue c : found) {
			problem |= c.category().equals("failure") && !c.negated();
			if (c.phrase().equals(CLAP) && c.category().equals("praise")) {
				between += text.substring(last, c.start()).chars().anyMatch(Character::isLetterOrDigit) ? 1 : 0;
				last = c.end();
				claps++;
			}
		}
		boolean beat = between >= K_CLAP_BEAT;
		if (claps == 0 || !problem && !beat) {
			return found;
		}
		List<Cue> out = new ArrayList<>(found.size());
		for (Cue c : found) {
			boolean clap = c.phrase().equals(CLAP) && c.category().equals("praise");
			out.add(!clap ? c
					: beat ? c.as(CLAPPED) : new Cue("sarcasm", -0.8f, c.phrase(), c.start(), c.end(), false));
		}
		return out;
	}

	/**
	 * Claps between the words, three or more ("pay 👏 your 👏 staff 👏"), beat out a
	 * point made: no applause, whatever the point is.
	 */
	static final int K_CLAP_BEAT = 3;

	/**
	 * The category of a clap that beats out a point: no praise, and hidden from the
	 * models, which learnt it as applause.
	 */
	static final String CLAPPED = "clapped";

	private static final String CLAP = "👏";

	/**
	 * Thanks for a failure is sarcasm: "thanks for ignoring my tweets", "thank you for
	 * selling expired beer #fail". When a failure follows "thanks for" in the same
	 * sentence (and no sarcasm marker already covers it), a sarcasm cue spanning both is
	 * added. Thanks next to a failure in another sentence stays politeness.
	 */
	static List<Cue> ironicThanks(List<Token> tokens, List<Cue> found) {
		List<Cue> added = null;
		for (Cue thanks : found) {
			if (!thanks.category().equals("gratitude") || thanks.negated()) {
				continue;
			}
			int i = 0;
			while (i < tokens.size() && (tokens.get(i).start() < thanks.end()
					|| tokens.get(i).kind() == Token.Kind.MENTION || THANKS_FILLERS.contains(tokens.get(i).norm()))) {
				i++; // "thanks @brand for", "thank you so much for"
			}
			if (i < tokens.size() && tokens.get(i).norm().equals("to")) {
				// "thanks to" a failure in the same sentence blames: "second night at the
				// airport thanks to you", "thanks to your delay I missed my meeting"; not
				// "thank you to Ute" or "thanks to Jacqueline for cleaning up the mess"
				boolean toYou = i + 1 < tokens.size() && BLAMED.contains(tokens.get(i + 1).norm());
				Cue blamed = thanks.phrase().equals("thanks") && toYou && !thankedFor(tokens, i)
						? blamed(tokens, found, thanks, i) : null;
				if (blamed != null) {
					added = added == null ? new ArrayList<>(found) : added;
					added.add(new Cue("sarcasm", -0.8f, "thanks to a failure", Math.min(thanks.start(), blamed.start()),
							Math.max(thanks.end(), blamed.end()), false));
				}
				continue;
			}
			if (i >= tokens.size() || !tokens.get(i).norm().equals("for")) {
				continue;
			}
			int until = tokens.get(i).end();
			int reach = until; // how far the thanks reaches, whatever was found
			boolean remedy = false;
			boolean repaired = false;
			for (int j = i + 1; j < tokens.size() && j <= i + THANKS_REACH; j++) {
				Token t = tokens.get(j);
				if (t.kind() == Token.Kind.PUNCT && ".!?;".contains(t.norm()) || t.kind() == Token.Kind.URL) {
					break;
				}
				if (!remedy) {
					remedy = REMEDIES.contains(t.norm());
					repaired = REPAIRS.contains(t.norm());
					until = t.end();
				}
				reach = t.end();
			}
			if (repaired) {
				// the problem thanked for is put right: "thanks for replacing my broken
				// headphones"
				added = added == null ? new ArrayList<>(found) : added;
				for (int k = 0; k < added.size(); k++) {
					Cue c = added.get(k);
					if (c.category().equals("failure") && !c.negated() && c.start() >= until && c.end() <= reach) {
						added.set(k, new Cue(c.category(), c.weight(), c.phrase(), c.start(), c.end(), true));
					}
				}
			}
			Cue failure = null;
			boolean covered = false;
			for (Cue c : found) {
				covered |= c.category().equals("sarcasm") && c.end() > thanks.start() && c.start() < until;
				if (failure == null && !remedy && c.category().equals("failure") && !c.negated()
						&& c.start() >= thanks.end() && c.start() < until) {
					failure = c;
				}
			}
			if (failure != null && !covered) {
				added = added == null ? new ArrayList<>(found) : added;
				added.add(new Cue("sarcasm", -0.8f, "thanks for a failure", thanks.start(), failure.end(), false));
			}
		}
		return added == null ? found : added;
	}

	/**
	 * A "for" after token {@code i}, in its sentence: thanks given to someone for
	 * something.
	 */
	private static boolean thankedFor(List<Token> tokens, int i) {
		for (int j = i + 1; j < tokens.size() && !endsSentence(tokens.get(j)); j++) {
			if (tokens.get(j).norm().equals("for")) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Who "thanks to" blames for a failure: the brand ("thanks to you", "thanks to your
	 * delay").
	 */
	private static final Set<String> BLAMED = Set.of("you", "u", "your", "ur", "them", "their");

	/**
	 * The failure "thanks to" at token {@code to} blames, or null: one told before it in
	 * its clause, or one in the three words after it.
	 */
	private static Cue blamed(List<Token> tokens, List<Cue> found, Cue thanks, int to) {
		int reach = to + 3 < tokens.size() ? tokens.get(to + 3).end() : Integer.MAX_VALUE;
		for (Cue c : found) {
			if (!c.category().equals("failure") || c.negated()) {
				continue;
			}
			if (c.start() > thanks.end()) {
				if (c.end() <= reach) {
					return c;
				}
				continue;
			}
			if (breaks(tokens, c.end(), thanks.start(), true) == 0) {
				return c;
			}
		}
		return null;
	}

	/**
	 * Cues whose words the models would misread: a problem denied (relief: "not bad") or
	 * put right ({@link #REMEDIED}), a greeting's good wishes ({@link #GREETING}), a time
	 * a thing took told as praise ("arrived in 15 minutes": the models learnt minutes as
	 * a wait) and a failure's word inside praise ({@link #PRAISED}: "still" in "still
	 * hot").
	 */
	private static boolean hidesFromModels(Cue c) {
		String category = c.category();
		return category.equals("relief") || category.equals(REMEDIED) || category.equals(GREETING)
				|| category.equals(CLAPPED) || category.equals(PRAISED)
				|| category.equals("speed") && c.weight() > 0 && !c.negated()
				|| (category.equals("praise") || category.equals("gratitude")) && !c.negated() && deniesInside(c);
	}

	/**
	 * Praise said with a negation ("wouldn't go anywhere else", "couldn't be happier",
	 * "can't thank you enough"): the models read the negation as a complaint's.
	 */
	private static boolean deniesInside(Cue c) {
		String p = c.phrase();
		return p.contains("n't") || p.contains("not ") || p.contains("never ") || p.startsWith("no ")
				|| p.contains(" no ");
	}

	/** The tokens the models read: without those of the cues they would misread. */
	private static List<Token> withoutHidden(List<Token> tokens, List<Cue> cues) {
		List<Token> kept = new ArrayList<>(tokens.size());
		for (Token t : tokens) {
			boolean inside = false;
			for (Cue c : cues) {
				inside |= t.start() >= c.start() && t.end() <= c.end() && hidesFromModels(c);
			}
			if (!inside) {
				kept.add(t);
			}
		}
		return kept;
	}

	private float probability(float[][] read, int model, String label) {
		return read[model] == null ? 0 : read[model][models.labels(model).indexOf(label)];
	}

	@Override
	public Analysis analyse(AnalysisRequest request) {
		Signals s = signals(request.text());
		String language = LanguageGuess.guess(s.tokens());
		List<Evidence> evidence = new ArrayList<>();
		if (!language.equals("en")) {
			evidence.add(new Evidence("language", "not analysed: the text is in '" + language + "', not English", null,
					null, 0));
			Risk risk = risk(0, "other", "low", 0, request.followers(), request.value());
			return new Analysis(ID, language, false, new Sentiment("neutral", 0, 0), List.of(),
					new Intent("other", 0, null, Map.of()), new Urgency("low", List.of()),
					new Toxicity(0, false, false, List.of()), false, List.of(), List.of(), risk, evidence);
		}
		BrandKnowledge brand = request.brand() == null ? BrandKnowledge.NONE : request.brand();
		Sentiment sentiment = sentiment(s, brand, evidence);
		boolean sarcasm = sarcasm(s, sentiment, evidence);
		if (sarcasm && !sentiment.label().equals("negative")) {
			// praise that cannot be meant: the message is negative whatever its words
			sentiment = new Sentiment("negative", -Math.max(0.5, Math.abs(sentiment.score())),
					round(Math.max(0.5, sentiment.confidence() * 0.8)));
			evidence.add(new Evidence("negative", "sarcasm: warm words about a failure", null, null, 0));
		}
		Toxicity toxicity = toxicity(s, evidence);
		Intent intent = intent(s, sentiment, toxicity, brand, evidence);
		Urgency urgency = urgency(s, sentiment, intent, evidence);
		List<Emotion> emotions = emotions(s, sentiment, sarcasm, brand);
		List<Analysis.Topic> topics = Topics.match(s.tokens(), brand,
				brand.model("topic") == null ? null : brandProbabilities(s, brand.model("topic")));
		Risk risk = risk(Math.max(0, -sentiment.score()), intent.label(), urgency.level(), toxicity.score(),
				request.followers(), request.value());
		return new Analysis(ID, language, true, sentiment, emotions, intent, urgency, toxicity, sarcasm, topics,
				KeyPhrases.of(s.tokens(), 3), risk, strongest(evidence));
	}

	/** Words per label kept as evidence: the strongest, in the order they appear. */
	static final int EVIDENCE_PER_LABEL = 3;

	/**
	 * The evidence worth storing: every rule, and for each label the words that weigh
	 * most.
	 */
	static List<Evidence> strongest(List<Evidence> evidence) {
		if (!anyLabelHasMoreWordsThan(evidence, EVIDENCE_PER_LABEL)) {
			return new ArrayList<>(evidence); // the common case: everything is kept
		}
		Map<String, List<Evidence>> words = new HashMap<>();
		for (Evidence e : evidence) {
			if (e.start() != null) {
				words.computeIfAbsent(e.label(), k -> new ArrayList<>()).add(e);
			}
		}
		Set<Evidence> kept = new java.util.HashSet<>();
		for (List<Evidence> list : words.values()) {
			if (list.size() <= EVIDENCE_PER_LABEL) {
				kept.addAll(list);
			}
			else {
				List<Evidence> sorted = new ArrayList<>(list);
				sorted.sort(Comparator.comparingDouble((Evidence e) -> -Math.abs(e.weight())));
				kept.addAll(sorted.subList(0, EVIDENCE_PER_LABEL));
			}
		}
		List<Evidence> out = new ArrayList<>();
		for (Evidence e : evidence) {
			if (e.start() == null || kept.contains(e)) {
				out.add(e);
			}
		}
		return out;
	}

	/** Whether some label has more than {@code max} pieces of evidence that are words. */
	private static boolean anyLabelHasMoreWordsThan(List<Evidence> evidence, int max) {
		for (int i = 0; i < evidence.size(); i++) {
			Evidence e = evidence.get(i);
			if (e.start() == null) {
				continue;
			}
			int same = 0;
			for (int j = 0; j < evidence.size(); j++) {
				Evidence f = evidence.get(j);
				same += f.start() != null && f.label().equals(e.label()) ? 1 : 0;
			}
			if (same > max) {
				return true;
			}
		}
		return false;
	}

	// ---- sentiment
	// ----------------------------------------------------------------------

	/**
	 * The base model's log-probabilities, moved by knowledge: failures and broken
	 * expectations towards negative (a customer reporting a problem to a brand is
	 * unhappy, whatever the words), gratitude and praise towards positive unless a
	 * failure is near (then it is politeness or sarcasm), VADER's valence both ways, a
	 * question without a problem towards neutral.
	 */
	Sentiment sentiment(Signals s, BrandKnowledge brand, List<Evidence> evidence) {
		float[] z = sentimentScores(s);
		LinearModel brandModel = brand.model("sentiment");
		if (brandModel != null) {
			float[] p = brandProbabilities(s, brandModel);
			evidence.add(new Evidence("sentiment", "the brand's own sentiment model", null, null, 0));
			return sentimentFrom(p, brandModel.labels(), s, evidence);
		}
		return sentimentFrom(LinearModel.softmax(z), Taxonomy.SENTIMENTS, s, evidence);
	}

	/**
	 * Scores for negative, neutral, positive from the shipped model and the knowledge.
	 */
	float[] sentimentScores(Signals s) {
		float[] z = new float[3];
		if (s.sentiment() != null) {
			double trust = K_TEMPERATURE * s.trust();
			for (int i = 0; i < 3; i++) {
				z[i] = (float) (trust * Math.log(s.sentiment()[i] + 1e-6));
			}
		}
		// messages to a brand lean negative: people write when something went wrong
		z[0] += K_PRIOR_NEG;
		z[2] += K_PRIOR_POS;
		double failure = s.failure();
		z[0] += (float) (-K_FAILURE * failure - K_SARCASM * s.sarcasm() - K_VADER * Math.min(0, s.vader()));
		// a rating is the customer's own verdict: a failure told beside it is part of the
		// review, not a reason to doubt it ("★★★★★ still piping hot, the driver was stuck
		// behind a bin lorry")
		z[2] += (float) ((failure < 0 ? K_PRAISE_NEAR_FAILURE * (s.praise() - s.rated()) + s.rated()
				: K_PRAISE * s.praise()) + K_VADER * Math.max(0, s.vader()) + K_SARCASM * Math.min(0, s.sarcasm()));
		if (failure < 0 && s.praise() > 0) {
			z[0] += K_POLITE_COMPLAINT;
			// praise and a problem set against each other: what comes after the "but"
			// is the point ("love the food but the delivery takes forever")
			int last = lastSaid(s);
			z[0] += last < 0 ? K_CONTRAST : 0;
			z[2] += last > 0 ? K_CONTRAST : 0;
		}
		if (s.grievance()) {
			z[0] += K_GRIEVANCE;
		}
		if (s.has("threat")) {
			z[0] += K_THREAT; // "I hope your office burns down" is not hopeful
		}
		if (s.has("insult")) {
			z[0] += K_INSULT; // "you guys are clowns"
		}
		if (s.has("safety") && failure < 0) {
			z[0] += K_DANGER; // "strong gas smell in the hallway, who do I call??"
		}
		if (s.praise() == 0 && shouting(s.tokens())) {
			z[0] += K_SHOUTING; // "WHERE IS MY BAG"
		}
		z[0] -= (float) s.relief(); // a problem denied: "not bad at all"
		if (failure >= 0 && s.praise() > 0 && s.sarcasm() == 0 && !s.grievance()) {
			// praise with nothing against it: the models' reading of a negative word
			// near it is doubted ("been with you since 2009 and just renewed again")
			z[0] -= (float) (K_UNOPPOSED_PRAISE * s.praise());
		}

		if ((s.has("question") || s.has("request")) && failure >= 0) {
			z[1] += K_QUESTION;
		}
		if (failure >= 0 && s.praise() == 0 && s.sarcasm() == 0 && !s.grievance() && !s.has("insult")
				&& Math.abs(s.vader()) < 0.3) {
			z[1] += K_NO_EVIDENCE; // nothing went wrong and nothing is praised: most
									// likely neutral
		}
		if (s.links() && failure >= 0 && s.praise() == 0) {
			z[1] += K_LINK;
		}
		if (s.trust() == 0 && s.cues().isEmpty() && Math.abs(s.vader()) < 0.3) {
			z[1] += K_NO_EVIDENCE; // no word, emoji or cue at all ("@SkyAir", a link):
									// nothing to lean on but the prior
		}
		return z;
	}

	/** A whole message in capitals, with nothing warm in it, is shouted at someone. */
	static final float K_SHOUTING = 0.5f;

	/**
	 * Written in capitals throughout: three or more words of capitals (two letters or
	 * more) and no word of three letters or more in small letters — not "flight LAX to
	 * JFK".
	 */
	static boolean shouting(List<Token> tokens) {
		int capitals = 0;
		for (Token t : tokens) {
			if (t.kind() != Token.Kind.WORD) {
				continue;
			}
			String w = t.raw();
			boolean letter = false;
			boolean lower = false;
			for (int i = 0; i < w.length() && !lower; i++) {
				char c = w.charAt(i);
				lower = Character.isLowerCase(c);
				letter |= Character.isLetter(c);
			}
			if (lower && w.length() >= 3) {
				return false;
			}
			capitals += !lower && letter && w.length() >= 2 ? 1 : 0;
		}
		return capitals >= 3;
	}

	/**
	 * Words the shipped models need to be believed fully; below, their reading counts in
	 * proportion (Signals.trust): a message of one word or an emoji ("ok", "👍") gives
	 * them too little to read, and what they answer is their training data's prior
	 * (anger, for "ok"); the lexicon and the emoji speak for such a message.
	 */
	static final int K_MODEL_WORDS = 2;

	// the weights of the knowledge, in the units of log-odds (docs/analysis.md)
	static final float K_NO_EVIDENCE = 0.5f;

	static final float K_LINK = 0.5f;

	static final double K_TEMPERATURE = 1.0;

	static final float K_PRIOR_NEG = 0.5f;

	static final float K_PRIOR_POS = -0.3f;

	static final double K_FAILURE = 1.0;

	static final double K_SARCASM = 1.0;

	static final double K_VADER = 0.4;

	static final double K_PRAISE = 1.0;

	static final double K_PRAISE_NEAR_FAILURE = 0.2;

	static final float K_POLITE_COMPLAINT = 0.4f;

	static final float K_QUESTION = 0.5f;

	/**
	 * How much praise with no failure, sarcasm or grievance beside it weighs against the
	 * negative class (written sets B / C sentiment 0.858 / 0.862 → 0.861 / 0.864,
	 * complaint vs not 0.797 → 0.799, airline tweets unchanged; 0.3 and 1.0 a little
	 * less).
	 */
	static final double K_UNOPPOSED_PRAISE = 0.6;

	/** An insult: no warm message either. */
	static final float K_INSULT = 2.0f;

	/** Someone in danger: a worried message, however calmly asked. */
	static final float K_DANGER = 1.0f;

	/** A threat of harm: never a warm message, whatever its words. */
	static final float K_THREAT = 2.0f;

	/** A threat to sue, leave or go public, or a complaint made again. */
	static final float K_GRIEVANCE = 0.8f;

	/**
	 * The message as a brand model sees it: its words, the shipped reading (sentiment,
	 * cues, valence, irony, toxicity, complaint, emotions), the aspects it touches and
	 * the reading's sentiment again as log-probabilities. That last part comes after the
	 * aspects so that a model trained before it was added (which reads only the dense
	 * features it was trained on) scores as it did.
	 */
	FeatureVector withDense(Signals s) {
		float[] p = LinearModel.softmax(sentimentScores(s));
		float[] dense = new float[DENSE_FEATURES];
		float[] head = { p[0], p[1], p[2], (float) s.failure(), (float) s.praise(), (float) s.sarcasm(),
				(float) s.vader(), s.has("question") ? 1 : 0, s.irony(), s.toxicity(), s.complaint() };
		System.arraycopy(head, 0, dense, 0, head.length);
		if (s.emotion() != null) {
			System.arraycopy(s.emotion(), 0, dense, head.length, Math.min(s.emotion().length, READING - head.length));
		}
		float[] aspects = ASPECTS.of(s.tokens());
		System.arraycopy(aspects, 0, dense, READING, aspects.length);
		// how sure the reading is, unbounded: a probability of 0.99 and one of 0.9999 are
		// the same to a linear model of probabilities, not of their logarithms
		for (int i = 0; i < p.length; i++) {
			dense[ASPECTS_END + i] = (float) Math.log(p[i] + 1e-4);
		}
		return new FeatureVector(s.features().indices(), s.features().values(), dense);
	}

	private static final Aspects ASPECTS = Aspects.get();

	/** Dense features of the shipped reading: 11 signals and the 10 emotions. */
	public static final int READING = 21;

	/** Where the aspects end: they come right after the reading. */
	public static final int ASPECTS_END = READING + ASPECTS.names().size();

	/**
	 * How many dense features a brand model sees: the reading, the aspects, and the
	 * reading's sentiment as log-probabilities (negative, neutral, positive).
	 */
	public static final int DENSE_FEATURES = ASPECTS_END + 3;

	/** A brand model's probabilities for a message. */
	float[] brandProbabilities(Signals s, LinearModel model) {
		return model.probabilities(withDense(s));
	}

	/** A text as a brand model sees it, for training one. */
	public FeatureVector brandFeatures(String text) {
		return withDense(signals(text));
	}

	private Sentiment sentimentFrom(float[] p, List<String> labels, Signals s, List<Evidence> evidence) {
		int best = 0;
		for (int i = 1; i < p.length; i++) {
			if (p[i] > p[best]) {
				best = i;
			}
		}
		int neg = labels.indexOf("negative");
		int pos = labels.indexOf("positive");
		double score = (pos < 0 ? 0 : p[pos]) - (neg < 0 ? 0 : p[neg]);
		String label = labels.get(best);
		int lastStart = -1;
		int lastEnd = -1;
		for (Cue c : s.cues()) {
			boolean negative = c.category().equals("failure") && !c.negated() || c.category().equals("sarcasm")
					|| (c.negated() && (c.category().equals("praise") || c.category().equals("gratitude")));
			boolean positive = warm(c) || c.category().equals("relief")
					|| c.category().equals("speed") && c.weight() > 0;
			boolean sameSpan = c.start() == lastStart && c.end() == lastEnd; // "#nothappy"
			if ((label.equals("negative") && negative || label.equals("positive") && positive) && !sameSpan) {
				evidence
					.add(new Evidence(label, s.text().substring(c.start(), c.end()), c.start(), c.end(), c.weight()));
				lastStart = c.start();
				lastEnd = c.end();
			}
		}
		// the words' valence speaks for the label only when it leans the same way
		if (label.equals("negative") ? s.vader() <= -0.3 : label.equals("positive") && s.vader() >= 0.3) {
			evidence.add(new Evidence(label, "word valence (VADER) " + twoDecimals(s.vader()), null, null, s.vader()));
		}
		return new Sentiment(label, round(score), round(p[best]));
	}

	/**
	 * The number with two decimals, halves rounded up, as {@code String.format("%.2f")}
	 * writes it in English, at a fraction of its cost.
	 */
	static String twoDecimals(double x) {
		String text = BigDecimal.valueOf(x).setScale(2, RoundingMode.HALF_UP).toPlainString();
		// a decimal has no negative zero; the format writes one ("-0.00")
		return Math.copySign(1.0, x) < 0 && text.equals("0.00") ? "-0.00" : text;
	}

	// ---- sarcasm
	// ------------------------------------------------------------------------

	/**
	 * Praise that cannot be meant: a sarcasm marker; warm words about a failure in the
	 * same clause of a negative message ("awesome, another delay"); or, whatever the
	 * reading, a sentence of bare praise right after one with a failure ("2 hours late.
	 * Really nice.", "two hours on hold. Loving it."). Thanks or praise before the
	 * problem, in a sentence of its own or set against it by "but", is a polite complaint
	 * ("thanks for the reply. My bag is still missing", "I love your stores but my order
	 * never arrived"), and so is thanks after a question ("can someone call me? Thank
	 * you.").
	 */
	boolean sarcasm(Signals s, Sentiment sentiment, List<Evidence> evidence) {
		boolean negative = sentiment.label().equals("negative");
		boolean marker = s.sarcasm() < 0 && (s.failure() < 0 || negative);
		boolean warmAroundFailure = negative && s.praise() >= 1.0 && s.failure() <= -1.2 && !s.has("polite")
				&& s.irony() > 0.45 && warmWordsAboutAFailure(s);
		// a review's good rating is its verdict: its praise after a problem is meant
		// ("★★★★★ … when I lost it on holiday. Love it.")
		boolean retort = !marker && !warmAroundFailure && s.failure() <= -1.0 && !s.has("polite") && s.rated() == 0
				&& retort(s);
		if (marker || warmAroundFailure || retort) {
			for (Cue c : s.cues()) {
				if (c.category().equals("sarcasm")
						|| ((warmAroundFailure || retort) && c.category().equals("praise") && !c.negated())) {
					evidence.add(new Evidence("sarcasm", s.text().substring(c.start(), c.end()), c.start(), c.end(),
							c.weight()));
				}
			}
			evidence.add(new Evidence("sarcasm", "warm words + a complaint", null, null, 0));
			return true;
		}
		return false;
	}

	/**
	 * Words a retort may hold besides its praise: "just great", "loving it", "nice one".
	 */
	private static final Set<String> RETORT_WORDS = Set.of("it", "this", "that", "just", "so", "really", "oh", "wow",
			"how", "very", "one", "job", "guys", "again", "lol");

	/**
	 * A sentence of nothing but praise right after a sentence with a failure: "Two hours
	 * on hold. Loving it." — praise of nothing in particular, about a problem just told.
	 */
	static boolean retort(Signals s) {
		List<Token> tokens = s.tokens();
		for (Cue warm : s.cues()) {
			int first = warm.category().equals("praise") && !warm.negated() ? bareSentence(tokens, warm) : -1;
			if (first < 0) {
				continue;
			}
			int previous = first - 1; // back over the marks that end the sentence before
			while (previous > 0 && endsSentence(tokens.get(previous - 1))) {
				previous--;
			}
			while (previous > 0 && !endsSentence(tokens.get(previous - 1))) {
				previous--;
			}
			int from = tokens.get(previous).start();
			int to = tokens.get(first - 1).start();
			for (Cue failure : s.cues()) {
				if (failure.category().equals("failure") && !failure.negated() && failure.weight() <= -1.0
						&& failure.start() >= from && failure.end() <= to
						&& breaks(tokens, failure.end(), warm.start(), false) == 0) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * Where the sentence of the warm words starts, if it holds nothing but them (and
	 * RETORT_WORDS) and is not the first; else -1.
	 */
	private static int bareSentence(List<Token> tokens, Cue warm) {
		int first = 0; // the warm words' sentence: tokens [first, last)
		int last = tokens.size();
		for (int i = 0; i < tokens.size(); i++) {
			Token t = tokens.get(i);
			boolean end = endsSentence(t);
			if (end && t.end() <= warm.start()) {
				first = i + 1;
			}
			else if (end && t.start() >= warm.end()) {
				last = i;
				break;
			}
		}
		for (int i = first; i < last; i++) {
			Token t = tokens.get(i);
			boolean word = t.kind() == Token.Kind.WORD || t.kind() == Token.Kind.HASHTAG;
			if (word && (t.start() < warm.start() || t.end() > warm.end()) && !RETORT_WORDS.contains(t.norm())) {
				return -1;
			}
		}
		return first > 0 ? first : -1;
	}

	/**
	 * How much the side after a contrast gains: what a customer says last is the point.
	 */
	static final float K_CONTRAST = 2.0f;

	/**
	 * Which side comes after a contrast word between praise and a failure: -1 the failure
	 * ("love the food but the delivery takes forever"), 1 the praise ("the flight was
	 * late but the crew were lovely"), 0 neither.
	 */
	static int lastSaid(Signals s) {
		List<Token> tokens = s.tokens();
		// the side of the pair whose later cue starts last, and where that cue starts
		int[] chosen = { 0, -1 };
		anyWarmAndFailure(s, (warm, failure) -> {
			Cue first = warm.end() <= failure.start() ? warm : failure;
			Cue last = first == warm ? failure : warm;
			if (first.end() <= last.start() && last.start() > chosen[1]
					&& (breaks(tokens, first.end(), last.start(), false) > 0 || conceded(tokens, first.start()))) {
				chosen[0] = last == warm ? 1 : -1;
				chosen[1] = last.start();
			}
			return false;
		});
		return chosen[0];
	}

	/**
	 * Whether any pair of warm words and a failure (not negated) passes the test; every
	 * pair is tried until one does.
	 */
	private static boolean anyWarmAndFailure(Signals s, BiPredicate<Cue, Cue> test) {
		for (Cue warm : s.cues()) {
			if (!warm(warm)) {
				continue;
			}
			for (Cue failure : s.cues()) {
				if (failure.category().equals("failure") && !failure.negated() && test.test(warm, failure)) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * Whether the clause before {@code at} opens with a concession ("although there was a
	 * 6 hour delay every member of staff was lovely"): what follows it is the point.
	 */
	static boolean conceded(List<Token> tokens, int at) {
		boolean conceded = false;
		for (Token t : tokens) {
			if (t.start() >= at) {
				break;
			}
			if (endsSentence(t) || CLAUSE_BREAKS.contains(t.norm()) && !CONCESSIONS.contains(t.norm())) {
				conceded = false;
			}
			conceded |= CONCESSIONS.contains(t.norm());
		}
		return conceded;
	}

	/** Words that concede a point before making another. */
	private static final Set<String> CONCESSIONS = Set.of("although", "despite", "though", "spite");

	/** What sets one clause against another: a sentence's end, or a contrast. */
	private static final Set<String> CLAUSE_BREAKS = Set.of("but", "though", "however", "unfortunately", "although",
			"yet", "shame", "sadly", "except");

	/**
	 * Thanks or praise and a failure in the same clause, unless the sentence is a yes/no
	 * question or the failure is said outright (a mixed verdict). Warm words in a
	 * sentence of their own after the failure are {@link #retort(Signals)}'s.
	 */
	static boolean warmWordsAboutAFailure(Signals s) {
		List<Token> tokens = s.tokens();
		return anyWarmAndFailure(s,
				(warm, failure) -> breaks(tokens, Math.min(warm.end(), failure.end()),
						Math.max(warm.start(), failure.start()), true) == 0
						&& !asked(tokens, Math.max(warm.end(), failure.end())) && !judged(failure));
	}

	/**
	 * How many clause breaks lie between two places: contrast words ("but", "though",
	 * "unfortunately"…), and the ends of sentences when {@code sentences} is set.
	 */
	private static int breaks(List<Token> tokens, int from, int to, boolean sentences) {
		int n = 0;
		for (Token t : tokens) {
			if (t.start() >= from && t.end() <= to) {
				boolean end = sentences && t.kind() == Token.Kind.PUNCT && endsSentence(t.norm());
				n += end || CLAUSE_BREAKS.contains(t.norm()) ? 1 : 0;
			}
		}
		return n;
	}

	private static boolean endsSentence(Token t) {
		return t.kind() == Token.Kind.PUNCT && endsSentence(t.norm());
	}

	private static boolean endsSentence(String punct) {
		return punct.contains(".") || punct.contains("!") || punct.contains("?") || punct.contains(";");
	}

	/** Words that say outright that something is bad. */
	private static final Set<String> JUDGEMENTS = Set.of("terrible", "horrible", "awful", "worst", "bad", "poor",
			"rude", "useless", "disgusting", "pathetic", "appalling", "atrocious", "dreadful", "unacceptable");

	/**
	 * A failure said outright beside the praise is a mixed verdict, not sarcasm: "great
	 * product, terrible delivery" (sarcasm praises the failure itself: "awesome, another
	 * delay").
	 */
	private static boolean judged(Cue failure) {
		for (String w : failure.phrase().split(" ")) {
			if (JUDGEMENTS.contains(w)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Words a yes/no question starts with; one opened by "why" or "how" may well be
	 * rhetorical ("why is it so hard to get a refund?").
	 */
	private static final Set<String> QUESTION_WORDS = Set.of("is", "are", "was", "were", "do", "does", "did", "can",
			"could", "will", "would", "should", "may", "have", "has");

	/**
	 * Whether the sentence holding {@code at} is a question, asked from its first word to
	 * its question mark: "is there a fee for paying off my loan early?" asks, it does not
	 * mock ("great job losing my bag, how hard can it be?" still does).
	 */
	private static boolean asked(List<Token> tokens, int at) {
		String first = null;
		for (Token t : tokens) {
			if (endsSentence(t)) {
				if (t.start() >= at) {
					return t.norm().contains("?") && first != null && QUESTION_WORDS.contains(first);
				}
				first = null;
			}
			else if (first == null && t.kind() == Token.Kind.WORD) {
				first = t.norm();
			}
		}
		return false;
	}

	// ---- toxicity
	// -----------------------------------------------------------------------

	/**
	 * The shipped model's reading (trained on OffensEval), raised by insults, threats and
	 * profanity aimed at someone; the spans are the words that make it abusive.
	 */
	Toxicity toxicity(Signals s, List<Evidence> evidence) {
		List<Span> spans = new ArrayList<>();
		boolean addressed = false; // "you": the person reading it
		boolean mentioned = false;
		for (Token t : s.tokens()) {
			String w = t.norm();
			addressed |= w.equals("you") || w.equals("your") || w.equals("u") || w.equals("ur") || w.equals("you're")
					|| w.equals("yall");
			mentioned |= t.kind() == Token.Kind.MENTION;
		}
		boolean aimed = addressed || mentioned;
		boolean abusiveWords = s.has("insult") || s.has("threat") || s.has("profanity");
		// the model reads negativity as offence; without abusive words or anyone to aim
		// at, "this weather is awful" is not abuse
		double score = s.toxicity() * (aimed || abusiveWords ? 1 : K_UNAIMED);
		for (Cue c : s.cues()) {
			double add = switch (c.category()) {
				case "insult" -> aimed ? 0.3 : 0.15;
				case "threat" -> 0.35;
				case "profanity" -> K_PROFANITY;
				default -> 0;
			};
			if (add > 0) {
				score += add;
				spans.add(new Span(c.start(), c.end(), s.text().substring(c.start(), c.end()), c.category()));
			}
		}
		score = Math.min(1, score);
		boolean toxic = score >= TOXIC;
		if (toxic) {
			for (Span span : spans) {
				evidence.add(new Evidence("toxic", span.text(), span.start(), span.end(), 0));
			}
		}
		// abuse of a person: an insult or a threat, or swearing or a high score aimed at
		// "you"; a mention alone aims at no one (every message to a brand has one), and
		// the model's reading alone is no proof ("@brand any luck?" reads 0.41)
		boolean abusive = toxic
				&& (s.has("insult") || s.has("threat") || addressed && (s.has("profanity") || score >= ABUSIVE_SCORE));
		return new Toxicity(round(score), toxic, abusive, spans);
	}

	// ---- intent
	// -------------------------------------------------------------------------

	/**
	 * What the customer wants. A complaint is a problem the brand caused or must fix —
	 * not negativity in general: "my bag never arrived, can you help?" is a complaint,
	 * "this weather is awful" is not. Abuse and spam come first; a complaint outranks the
	 * question or request it contains; thanks with no problem is praise.
	 */
	Intent intent(Signals s, Sentiment sentiment, Toxicity toxicity, BrandKnowledge brand, List<Evidence> evidence) {
		boolean negative = sentiment.label().equals("negative");
		double sarcastic = s.sarcasm() < 0 && (s.failure() < 0 || negative) ? -s.sarcasm() : 0;
		double problem = Math.max(0, -s.failure()) + sarcastic + (s.grievance() ? 1.0 : 0);
		double negativity = negative ? sentiment.confidence() : 0;
		boolean addressed = false;
		boolean secondPerson = false;
		for (Token t : s.tokens()) {
			addressed |= t.kind() == Token.Kind.MENTION;
			String w = t.norm();
			secondPerson |= w.equals("you") || w.equals("your") || w.equals("u") || w.equals("ur");
		}
		// negativity is a complaint when it is aimed at someone or about a problem;
		// "this weather is awful" is neither
		// sarcasm mocks someone ("thanks for nothing"); harm reported ("the charger
		// caught
		// fire") is about what the customer bought, even when it names no one
		boolean directed = addressed || secondPerson || sarcastic > 0 || s.grievance() || s.has("request")
				|| s.has("question") || harm(s.cues()) || touchesService(s);
		// negative about something the brand did, or a problem reported: a complaint,
		// even asked politely
		boolean troubled = negativity >= 0.5 || problem >= 1.0;
		Map<String, Double> scores = new LinkedHashMap<>();
		scores.put("complaint",
				clamp((directed ? 1 : K_UNDIRECTED)
						* (K_COMPLAINT_PROBLEM * Math.min(1, problem / 2.0) + K_COMPLAINT_NEGATIVE * negativity)
						+ (addressed ? K_COMPLAINT_ADDRESSED : 0) + K_COMPLAINT_MODEL * (s.complaint() - 0.5)));
		scores.put("question", (s.has("question") || s.asks()) ? (troubled ? 0.3 : 0.6) : 0.0);
		scores.put("request", s.has("request") ? (troubled ? 0.35 : 0.62) : 0.0);
		// thanks that close a request or a question are manners, not praise: "please
		// update my address. Many thanks", "does the warranty cover it? Thanks in
		// advance"
		boolean manners = !s.has("praise") && (s.has("request") || s.has("question") || s.asks());
		// a good rating read as meant is a review's praise, whatever went wrong on the
		// way; so is praise said after the problem, as the point ("despite the delay the
		// crew were fantastic")
		boolean verdict = sentiment.label().equals("positive")
				&& (s.rated() > 0 || problem >= 1.0 && s.praise() > 0 && lastSaid(s) > 0);
		scores.put("praise", clamp(problem >= 1.0 && !verdict ? 0 : (manners ? 0.5 : 1)
				* (0.5 * Math.min(1, s.praise() / 1.5) + (sentiment.label().equals("positive") ? 0.45 : 0))));
		// an idea offered beside praise is the point of the message ("love the app! a
		// dark mode would be amazing"); beside a problem, the problem is
		scores.put("suggestion", s.has("suggestion") ? (troubled ? 0.7 : 0.97) : 0.0);
		// swearing about a problem is still a complaint: abuse outranks it only when
		// it threatens, or insults the person addressed ("you idiots")
		boolean personal = s.has("threat") || (s.has("insult") && secondPerson);
		// swearing in delight is praise ("holy shit this is the best pizza"), still
		// flagged toxic
		boolean delighted = sentiment.label().equals("positive") && !personal;
		boolean abusive = toxicity.toxic() && !delighted && (s.has("insult") || s.has("threat") || s.has("profanity"));
		double abuse = abusive ? 0.6 + 0.4 * toxicity.score() : 0.0;
		double complaint = scores.get("complaint");
		scores.put("abuse", personal || complaint < 0.5 ? abuse : Math.min(abuse, complaint - 0.01));
		// a customer with a problem is no spammer ("my promo code doesn't work", "I work
		// from home and the internet is down")
		scores.put("spam", s.has("spam") ? (problem >= 1.0 ? 0.2 : 0.85) : 0.0);
		scores.put("other", 0.3);
		String label = "other";
		for (var e : scores.entrySet()) {
			if (e.getValue() > scores.get(label)) {
				label = e.getKey();
			}
		}
		String detail = null;
		LinearModel brandModel = brand.model("intent");
		if (brandModel != null) {
			float[] p = brandProbabilities(s, brandModel);
			int best = 0;
			for (int i = 1; i < p.length; i++) {
				best = p[i] > p[best] ? i : best;
			}
			detail = brandModel.labels().get(best);
			if (Taxonomy.INTENTS.contains(detail)) {
				label = detail;
				detail = null;
			}
		}
		String chosen = label;
		for (Cue c : s.cues()) {
			boolean supports = switch (chosen) {
				case "complaint" -> c.category().equals("failure") || (sarcastic > 0 && c.category().equals("sarcasm"));
				case "question" -> c.category().equals("question");
				case "request" -> c.category().equals("request");
				case "praise" -> (c.category().equals("praise") || c.category().equals("gratitude")) && !c.negated();
				case "suggestion" -> c.category().equals("suggestion");
				case "abuse" ->
					c.category().equals("insult") || c.category().equals("threat") || c.category().equals("profanity");
				case "spam" -> c.category().equals("spam");
				default -> false;
			};
			if (supports) {
				evidence
					.add(new Evidence(chosen, s.text().substring(c.start(), c.end()), c.start(), c.end(), c.weight()));
			}
		}
		if (chosen.equals("complaint") && negativity >= 0.5) {
			evidence
				.add(new Evidence("complaint", "negative about the brand (" + round(negativity) + ")", null, null, 0));
		}
		Map<String, Double> rounded = new LinkedHashMap<>();
		scores.forEach((k, v) -> {
			if (v > 0) {
				rounded.put(k, round(v)); // the intents with no case are left out
			}
		});
		return new Intent(label, round(scores.getOrDefault(label, 1.0)), detail, rounded);
	}

	// ---- urgency
	// ------------------------------------------------------------------------

	static final Map<String, String> REASONS = orderedStrings("safety", "safety", "legal", "legal threat", "churn",
			"churn threat", "exposure", "public escalation", "escalation", "public escalation", "repeat",
			"repeated contact", "time", "time pressure", "deadline", "time pressure");

	private static boolean leaving(List<Cue> cues) {
		for (Cue c : cues) {
			if (c.category().equals("churn") && !c.negated() && LEAVING.contains(c.phrase())) {
				return true;
			}
		}
		return false;
	}

	/** Churn cues that say the customer is leaving, not just switching something. */
	private static final Set<String> LEAVING = Set.of("cancel my account", "close my account", "closing my account",
			"cancel my subscription", "cancel my membership", "taking my business elsewhere",
			"take my business elsewhere");

	/**
	 * Critical for safety; high for a legal or churn threat, a public escalation, a
	 * complaint made again, or a complaint or request with a deadline; normal for other
	 * complaints, requests and time pressure; low otherwise.
	 */
	Urgency urgency(Signals s, Sentiment sentiment, Intent intent, List<Evidence> evidence) {
		List<String> reasons = new ArrayList<>();
		for (var reason : REASONS.entrySet()) {
			for (Cue c : s.cues()) {
				if (c.category().equals(reason.getKey()) && !c.negated()) {
					if (!reasons.contains(reason.getValue())) {
						reasons.add(reason.getValue());
					}
					evidence.add(new Evidence(reason.getValue(), s.text().substring(c.start(), c.end()), c.start(),
							c.end(), 0));
				}
			}
		}
		int before = reasons.size();
		boolean complaint = intent.label().equals("complaint") || intent.label().equals("abuse");
		// a safety word only matters where something is wrong: "fire" in praise is not an
		// emergency
		boolean asking = intent.label().equals("question") || intent.label().equals("request");
		if (intent.label().equals("praise") || intent.label().equals("spam")
				|| (asking && !sentiment.label().equals("negative"))) {
			reasons.remove("safety");
		}
		if (intent.label().equals("praise") || intent.label().equals("spam")) {
			// "thank you for sorting it by Friday" waits for nothing; "Review: 5 stars"
			// or "telling everyone how good you are" threatens no one
			reasons.remove("time pressure");
			reasons.remove("public escalation");
		}
		// "switching to", "moving to" may be about anything but the brand; asking to
		// close the account is leaving, whatever the tone
		boolean leaving = leaving(s.cues());
		reasons.removeIf(r -> !complaint && (r.equals("repeated contact") || (r.equals("churn threat") && !leaving)));
		if (reasons.size() < before) {
			// the evidence of a reason dropped goes with it
			evidence.removeIf(e -> REASONS.containsValue(e.label()) && !reasons.contains(e.label()));
		}
		String level;
		if (reasons.contains("safety")) {
			level = "critical";
		}
		else if (reasons.contains("legal threat") || reasons.contains("churn threat")
				|| reasons.contains("public escalation") || (complaint && reasons.contains("repeated contact"))
				// a problem or a request with a deadline ("by Friday", "in an hour"): the
				// answer is worth less later
				|| ((complaint || intent.label().equals("request")) && reasons.contains("time pressure")
						&& s.has("deadline"))) {
			level = "high";
		}
		else if (complaint || intent.label().equals("request") || reasons.contains("time pressure")) {
			level = "normal";
		}
		else {
			level = "low";
		}
		return new Urgency(level, reasons);
	}

	// ---- emotions
	// -----------------------------------------------------------------------

	private static final Set<String> NEGATIVE_EMOTIONS = Set.of("anger", "frustration", "disappointment", "worry",
			"sadness");

	/**
	 * How far the shipped emotion model is believed: fully where the emotion agrees with
	 * the sentiment, a little where it does not (anger in a neutral question is the
	 * model's noise), not at all for warm emotions in sarcasm.
	 */
	static double agreement(String emotion, String sentiment, boolean sarcasm) {
		boolean negative = NEGATIVE_EMOTIONS.contains(emotion);
		boolean warm = emotion.equals("gratitude") || emotion.equals("joy");
		if (warm && sarcasm) {
			return 0;
		}
		return switch (sentiment) {
			case "negative" -> warm ? 0.3 : 1;
			case "positive" -> negative ? 0.3 : 1;
			// a neutral message's negative feelings come from its words: the model
			// (trained mostly on angry tweets) calls "DM sent" angry
			default -> negative ? 0.35 : warm ? 0.45 : 1;
		};
	}

	private static final Map<String, Double> EMOTION_CUE = Map.of("anger", 0.35, "frustration", 0.3, "disappointment",
			0.35, "worry", 0.4, "confusion", 0.4);

	/**
	 * The shipped emotion model's reading, raised by the emotion words of customer care.
	 */
	List<Emotion> emotions(Signals s, Sentiment sentiment, boolean sarcasm, BrandKnowledge brand) {
		LinearModel brandModel = brand.model("emotion");
		float[] p = brandModel != null ? brandProbabilities(s, brandModel) : s.emotion();
		List<String> labels = brandModel != null ? brandModel.labels() : models.labels(BaseModels.EMOTION);
		// the emotions in the model's order, then any the rules add; their scores beside
		EmotionScores score = new EmotionScores(labels.size() + EMOTION_CUE.size() + 3);
		if (p != null) {
			double trust = brandModel != null ? 1 : s.trust();
			for (int i = 0; i < labels.size(); i++) {
				if (!labels.get(i).equals("none")) {
					double weight = brandModel != null ? 1
							: trust * agreement(labels.get(i), sentiment.label(), sarcasm);
					score.add(labels.get(i), weight * p[i]);
				}
			}
		}
		if (brandModel == null) {
			for (Cue c : s.cues()) {
				Double add = EMOTION_CUE.get(c.category());
				if (add != null && !c.negated()) {
					score.add(c.category(), add);
				}
			}
			if (s.has("gratitude") && !sarcasm) {
				score.add("gratitude", 0.4);
			}
			if (sentiment.label().equals("negative") && s.failure() < -1.5) {
				score.add("frustration", 0.25);
			}
			if (sentiment.label().equals("positive")) {
				score.add("joy", 0.1);
			}
			else {
				score.halve("joy");
			}
		}
		List<Emotion> out = new ArrayList<>();
		for (int i = 0; i < score.size; i++) {
			if (score.values[i] >= 0.3) {
				out.add(new Emotion(score.names[i], round(Math.min(1, score.values[i]))));
			}
		}
		// the strongest first; equal ones in the model's order
		out.sort(Comparator.comparingDouble(Emotion::score).reversed());
		return out;
	}

	/** Emotions and their scores in the order first named: a handful, so in arrays. */
	private static final class EmotionScores {

		final String[] names;

		final double[] values;

		int size;

		EmotionScores(int capacity) {
			names = new String[capacity];
			values = new double[capacity];
		}

		private int indexOf(String name) {
			for (int i = 0; i < size; i++) {
				if (names[i].equals(name)) {
					return i;
				}
			}
			return -1;
		}

		void add(String name, double value) {
			int i = indexOf(name);
			if (i >= 0) {
				values[i] += value;
				return;
			}
			if (size == names.length) {
				throw new IllegalStateException("more emotions than room for them");
			}
			names[size] = name;
			values[size++] = value;
		}

		void halve(String name) {
			int i = indexOf(name);
			if (i >= 0) {
				values[i] *= 0.5;
			}
		}

	}

	// ---- risk
	// ---------------------------------------------------------------------------

	/**
	 * The documented formula: each component in [0, 1] times its weight, summed, times
	 * 100.
	 */
	static Risk risk(double negativity, String intent, String urgency, double toxicity, Long followers, Double value) {
		double reach = followers == null || followers <= 0 ? 0 : Math.min(1, Math.log10(followers + 1) / 6);
		Map<String, Double> components = orderedMap("negativity", round(clamp(negativity)), "intent",
				INTENT_RISK.getOrDefault(intent, 0.15), "urgency", URGENCY_RISK.getOrDefault(urgency, 0.0), "toxicity",
				round(clamp(toxicity)), "reach", round(reach), "value", round(customerValue(value)));
		Map<String, Double> weights = value == null ? RISK_WEIGHTS : RISK_WEIGHTS_WITH_VALUE;
		double total = 0;
		for (var e : components.entrySet()) {
			total += e.getValue() * weights.get(e.getKey());
		}
		return new Risk((int) Math.round(100 * clamp(total)), components, weights);
	}

	/**
	 * A customer's value on a log scale, like reach: 100 → 0.4, 1,000 → 0.6, 10,000 →
	 * 0.8, 100,000 or more → 1; 0 when unknown.
	 */
	static double customerValue(Double value) {
		return value == null || !(value > 0) ? 0 : Math.min(1, Math.log10(value + 1) / 5);
	}

	static double clamp(double v) {
		return Math.max(0, Math.min(1, v));
	}

	static double round(double v) {
		return Math.round(v * 1000) / 1000.0;
	}

	private static Map<String, Double> orderedMap(Object... pairs) {
		Map<String, Double> map = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			map.put((String) pairs[i], ((Number) pairs[i + 1]).doubleValue());
		}
		return map;
	}

	private static Map<String, String> orderedStrings(String... pairs) {
		Map<String, String> map = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			map.put(pairs[i], pairs[i + 1]);
		}
		return map;
	}

}
