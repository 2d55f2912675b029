package app.rightly.analysis.training;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Readers for the labelled data sets whose licences allow training models Rightly ships:
 * GoEmotions (Apache 2.0), TweetEval (released without restrictions), VADER's ground
 * truth (MIT) and BANKING77 (CC BY 4.0). The airline, complaints and support-tweet sets
 * are never read here: they are for measurement only. See docs/models.md.
 */
public final class PermissiveData {

	/** A text and its label. */
	public record Labelled(String text, String label) {
	}

	/**
	 * BANKING77's intents read as what a customer wants: something went wrong
	 * ({@code problem}), an action done for them ({@code request}), or to know something
	 * ({@code question}). Our reading of each intent's name and examples.
	 */
	static final Set<String> BANKING_PROBLEMS = Set.of("Refund_not_showing_up", "activate_my_card",
			"balance_not_updated_after_bank_transfer", "balance_not_updated_after_cheque_or_cash_deposit",
			"beneficiary_not_allowed", "card_arrival", "card_not_working", "card_payment_fee_charged",
			"card_payment_not_recognised", "card_payment_wrong_exchange_rate", "card_swallowed",
			"cash_withdrawal_charge", "cash_withdrawal_not_recognised", "compromised_card", "contactless_not_working",
			"declined_card_payment", "declined_cash_withdrawal", "declined_transfer",
			"direct_debit_payment_not_recognised", "extra_charge_on_statement", "failed_transfer",
			"lost_or_stolen_card", "lost_or_stolen_phone", "pending_cash_withdrawal", "pending_top_up",
			"pending_transfer", "pin_blocked", "reverted_card_payment?", "top_up_failed", "top_up_reverted",
			"transaction_charged_twice", "transfer_fee_charged", "transfer_not_received_by_recipient",
			"unable_to_verify_identity", "virtual_card_not_working", "wrong_amount_of_cash_received",
			"wrong_exchange_rate_for_cash_withdrawal");

	static final Set<String> BANKING_REQUESTS = Set.of("cancel_transfer", "request_refund", "terminate_account",
			"edit_personal_details", "change_pin", "getting_spare_card", "order_physical_card", "getting_virtual_card",
			"get_disposable_virtual_card");

	/**
	 * GoEmotions' 27 emotions read into Rightly's taxonomy ({@code none} for what care
	 * does not need).
	 */
	static final Map<String, String> GOEMOTIONS_TO_OURS = Map.ofEntries(Map.entry("anger", "anger"),
			Map.entry("annoyance", "frustration"), Map.entry("disappointment", "disappointment"),
			Map.entry("disapproval", "disappointment"), Map.entry("nervousness", "worry"), Map.entry("fear", "worry"),
			Map.entry("confusion", "confusion"), Map.entry("sadness", "sadness"), Map.entry("grief", "sadness"),
			Map.entry("remorse", "sadness"), Map.entry("gratitude", "gratitude"), Map.entry("joy", "joy"),
			Map.entry("amusement", "joy"), Map.entry("excitement", "joy"), Map.entry("love", "joy"),
			Map.entry("admiration", "joy"), Map.entry("optimism", "joy"), Map.entry("pride", "joy"),
			Map.entry("relief", "joy"), Map.entry("approval", "joy"), Map.entry("caring", "joy"),
			Map.entry("surprise", "surprise"), Map.entry("realization", "surprise"), Map.entry("curiosity", "none"),
			Map.entry("desire", "none"), Map.entry("disgust", "anger"), Map.entry("embarrassment", "sadness"),
			Map.entry("neutral", "none"));

	private final Path root;

	public PermissiveData(Path root) {
		this.root = root;
		if (!Files.isDirectory(root.resolve("goemotions")) || !Files.isDirectory(root.resolve("tweeteval"))) {
			throw new IllegalArgumentException(root + " does not hold goemotions/ and tweeteval/ (see docs/models.md)");
		}
	}

	/**
	 * Sentiment: GoEmotions' sentiment groups, TweetEval sentiment and emotion, VADER's
	 * rated texts, BANKING77.
	 */
	public List<Labelled> sentiment() throws IOException {
		List<Labelled> out = new ArrayList<>();
		List<String> groups = Files.readAllLines(root.resolve("goemotions/group/labels.txt"));
		for (String split : List.of("train", "dev")) {
			for (String[] row : tsv(root.resolve("goemotions/group/" + split + ".tsv"))) {
				String[] ids = row[1].split(",");
				if (ids.length == 1 && !groups.get(Integer.parseInt(ids[0])).equals("ambiguous")) {
					out.add(new Labelled(row[0], groups.get(Integer.parseInt(ids[0]))));
				}
			}
		}
		out.addAll(tweeteval("sentiment", "val", Map.of()));
		Map<String, String> emotion = Map.of("anger", "negative", "sadness", "negative", "joy", "positive", "optimism",
				"positive");
		out.addAll(tweeteval("emotion", "train", emotion));
		out.addAll(tweeteval("emotion", "val", emotion));
		try (var files = Files.list(root.resolve("vader-groundtruth"))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".tsv"))
				// the rated tweets; the review, film and editorial snippets read unlike
				// messages to a brand
				.filter(f -> f.getFileName().toString().startsWith("tweets"))
				.sorted()
				.toList()) {
				for (String[] row : tsv(file)) {
					if (row.length >= 3 && row[1].matches("-?[0-9.]+")) {
						double v = Double.parseDouble(row[1]);
						out.add(new Labelled(row[2], v >= 0.5 ? "positive" : v <= -0.5 ? "negative" : "neutral"));
					}
				}
			}
		}
		for (Labelled b : banking()) {
			out.add(new Labelled(b.text(), b.label().equals("problem") ? "negative" : "neutral"));
		}
		return out;
	}

	/**
	 * Complaint or not, as customer care means it: problems customers report to a company
	 * (BANKING77's problem intents) against what is not a complaint — questions and
	 * requests to a company, and people talking about the world, however negatively
	 * (TweetEval, GoEmotions).
	 */
	public List<Labelled> complaints() throws IOException {
		List<Labelled> out = new ArrayList<>();
		for (Labelled b : banking()) {
			out.add(new Labelled(b.text(), b.label().equals("problem") ? "complaint" : "other"));
		}
		for (Labelled t : tweeteval("sentiment", "val", Map.of())) {
			out.add(new Labelled(t.text(), "other"));
		}
		for (String split : List.of("train", "val")) {
			for (Labelled t : tweeteval("emotion", split,
					Map.of("anger", "other", "sadness", "other", "joy", "other", "optimism", "other"))) {
				out.add(t);
			}
		}
		List<String[]> reddit = tsv(root.resolve("goemotions/group/dev.tsv"));
		for (String[] row : reddit) {
			out.add(new Labelled(row[0], "other"));
		}
		return out;
	}

	/** BANKING77 as problem / request / question. */
	public List<Labelled> banking() throws IOException {
		List<Labelled> out = new ArrayList<>();
		for (CSVRecord r : csv(root.resolve("banking77/train.csv"))) {
			String c = r.get("category");
			out.add(new Labelled(r.get("text"),
					BANKING_PROBLEMS.contains(c) ? "problem" : BANKING_REQUESTS.contains(c) ? "request" : "question"));
		}
		return out;
	}

	/** Offensive or not: TweetEval's OffensEval training split. */
	public List<Labelled> offensive() throws IOException {
		return tweeteval("offensive", "train", Map.of("offensive", "toxic", "not-offensive", "other"));
	}

	/** Irony or not: TweetEval's irony training split. */
	public List<Labelled> irony() throws IOException {
		return tweeteval("irony", "train", Map.of("irony", "irony", "non_irony", "other"));
	}

	/**
	 * Emotions in Rightly's taxonomy: GoEmotions (each label of a text) and TweetEval
	 * emotion.
	 */
	public List<Labelled> emotions() throws IOException {
		List<Labelled> out = new ArrayList<>();
		List<String> labels = Files.readAllLines(root.resolve("goemotions/original/labels.txt"));
		for (String split : List.of("train", "dev")) {
			for (String[] row : tsv(root.resolve("goemotions/original/" + split + ".tsv"))) {
				for (String id : row[1].split(",")) {
					out.add(new Labelled(row[0],
							GOEMOTIONS_TO_OURS.getOrDefault(labels.get(Integer.parseInt(id)), "none")));
				}
			}
		}
		Map<String, String> tweet = Map.of("anger", "anger", "sadness", "sadness", "joy", "joy", "optimism", "joy");
		out.addAll(tweeteval("emotion", "train", tweet));
		return out;
	}

	private List<Labelled> tweeteval(String task, String split, Map<String, String> rename) throws IOException {
		Path dir = root.resolve("tweeteval").resolve(task);
		Map<String, String> mapping = new HashMap<>();
		for (String line : Files.readAllLines(dir.resolve("mapping.txt"))) {
			String[] p = line.split("\t");
			if (p.length == 2) {
				mapping.put(p[0].strip(), p[1].strip());
			}
		}
		List<String> texts = Files.readAllLines(dir.resolve(split + "_text.txt"), StandardCharsets.UTF_8);
		List<String> ids = Files.readAllLines(dir.resolve(split + "_labels.txt"));
		List<Labelled> out = new ArrayList<>();
		for (int i = 0; i < Math.min(texts.size(), ids.size()); i++) {
			String label = mapping.get(ids.get(i).strip());
			label = rename.isEmpty() ? label : rename.get(label);
			if (label != null && !texts.get(i).isBlank()) {
				out.add(new Labelled(texts.get(i), label));
			}
		}
		return out;
	}

	private static List<String[]> tsv(Path file) throws IOException {
		List<String[]> rows = new ArrayList<>();
		for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
			if (!line.isBlank()) {
				rows.add(line.split("\t"));
			}
		}
		return rows;
	}

	private static List<CSVRecord> csv(Path file) throws IOException {
		try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
		}
	}

}
