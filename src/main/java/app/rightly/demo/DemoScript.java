package app.rightly.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;

import app.rightly.channels.ChannelKey;
import app.rightly.conversations.IncomingMessage;
import app.rightly.conversations.IncomingMessage.Direction;
import app.rightly.conversations.IncomingMessage.Sender;
import app.rightly.conversations.IncomingMessage.Visibility;

/**
 * Writes a brand's demo conversations: customers with names, handles and reach, what they
 * say on which channel, follow-ups and the brand's replies, spread over the last 30 days.
 * The same seed gives the same messages and external ids, so writing them twice stores
 * them once.
 */
final class DemoScript {

	/** One thing a customer may say; {@code kind} steers follow-ups and replies. */
	record Line(String kind, String text) {
	}

	/** A brand's voice: its channels, what customers say, how the brand answers. */
	record Voice(String slug, List<ChannelKey> channels, List<Line> lines, Map<String, List<String>> slots,
			Map<String, List<String>> replies, List<String> followUps) {
	}

	private static final String[] FIRST = { "Maya", "Jonas", "Priya", "Tom", "Aisha", "Lukas", "Sofia", "Daniel",
			"Chen", "Olivia", "Mateo", "Hannah", "Kwame", "Elena", "Ravi", "Grace", "Noah", "Fatima", "Leo", "Ingrid",
			"Samir", "Zoe", "Marco", "Yuki", "Amara", "Felix", "Nadia", "Oscar", "Lea", "Jamal", "Clara", "Ibrahim" };

	private static final String[] LAST = { "Okafor", "Schmidt", "Patel", "Nguyen", "Garcia", "Kowalski", "Rossi",
			"Andersen", "Haddad", "Murphy", "Tanaka", "Silva", "Dubois", "Kaya", "Brennan", "Larsen", "Mensah", "Novak",
			"Fischer", "Moreau", "Ahmed", "Costa", "Lindqvist", "Walsh" };

	private DemoScript() {
	}

	static List<IncomingMessage> write(Voice voice, int conversations, long seed, Instant now) {
		Random random = new Random(seed);
		List<IncomingMessage> out = new ArrayList<>();
		Instant start = now.minus(Duration.ofDays(30));
		int customers = Math.max(10, conversations * 2 / 3);
		for (int c = 0; c < conversations; c++) {
			int person = random.nextInt(customers);
			String first = FIRST[person % FIRST.length];
			String last = LAST[(person * 7 + 3) % LAST.length];
			String handle = "@" + first.toLowerCase() + (random.nextBoolean() ? "_" : "")
					+ last.toLowerCase().substring(0, 3) + (person % 5 == 0 ? String.valueOf(person % 97) : "");
			long followers = reach(random, person);
			ChannelKey channel = voice.channels().get(random.nextInt(voice.channels().size()));
			boolean email = channel.kind().equals("email");
			boolean privateChannel = email || channel.kind().equals("chat") || random.nextInt(5) == 0;
			Visibility visibility = privateChannel ? Visibility.PRIVATE : Visibility.PUBLIC;
			Sender sender = email
					? new Sender(null, first + " " + last,
							first.toLowerCase() + "." + last.toLowerCase() + "@example.com", null)
					: new Sender(channel.kind().equals("review") ? first + " " + last.charAt(0) + "." : handle,
							first + " " + last, null, channel.kind().equals("review") ? null : followers);
			Line line = voice.lines().get(random.nextInt(voice.lines().size()));
			// recent days are busier, as real streams are
			double position = Math.sqrt(random.nextDouble());
			Instant at = start.plusSeconds((long) (position * Duration.ofDays(30).minusHours(2).toSeconds()))
				.truncatedTo(ChronoUnit.SECONDS);
			String id = voice.slug() + "-" + c;
			String text = fill(line.text(), voice.slots(), random);
			Map<String, Object> metadata = channel.kind().equals("review")
					? Map.of("rating", rating(line.kind(), random), "language", "en") : Map.of("language", "en");
			out.add(new IncomingMessage(channel, "demo-" + id, Direction.INBOUND, sender, text, at, visibility, null,
					url(channel, id, visibility), metadata));
			Instant next = at.plus(Duration.ofMinutes(20 + random.nextInt(240)));
			if (isUnhappy(line.kind()) && random.nextInt(4) == 0 && next.isBefore(now)) {
				out.add(new IncomingMessage(channel, "demo-" + id + "-f", Direction.INBOUND, sender,
						fill(voice.followUps().get(random.nextInt(voice.followUps().size())), voice.slots(), random),
						next, visibility, "demo-" + id, url(channel, id + "-f", visibility), Map.of("language", "en")));
				next = next.plus(Duration.ofMinutes(5 + random.nextInt(90)));
			}
			List<String> replies = voice.replies().get(line.kind());
			if (replies != null && random.nextInt(10) < 6 && next.isBefore(now)) {
				String reply = fill(replies.get(random.nextInt(replies.size())), voice.slots(), random)
					.replace("{name}", first);
				out.add(new IncomingMessage(channel, "demo-" + id + "-r", Direction.OUTBOUND,
						new Sender(voice.slug(), null, null, null), reply, next, visibility, "demo-" + id,
						url(channel, id + "-r", visibility), Map.of()));
			}
		}
		out.sort(Comparator.comparing(IncomingMessage::createdAt));
		return out;
	}

	/** Most people have a few hundred followers; a few have a large audience. */
	private static long reach(Random random, int person) {
		if (person % 41 == 7) {
			return 40_000 + random.nextInt(260_000);
		}
		return Math.round(Math.exp(3 + random.nextGaussian() * 1.6 + 2.2));
	}

	private static boolean isUnhappy(String kind) {
		return kind.equals("complaint") || kind.equals("sarcasm") || kind.equals("abuse") || kind.equals("urgent");
	}

	private static int rating(String kind, Random random) {
		return switch (kind) {
			case "praise" -> 4 + random.nextInt(2);
			case "question", "suggestion" -> 3 + random.nextInt(2);
			default -> 1 + random.nextInt(2);
		};
	}

	private static String url(ChannelKey channel, String id, Visibility visibility) {
		if (visibility == Visibility.PRIVATE) {
			return null;
		}
		return switch (channel.kind()) {
			case "x" -> "https://x.com/i/web/status/" + Math.abs(id.hashCode());
			case "facebook" -> "https://www.facebook.com/permalink/" + Math.abs(id.hashCode());
			case "instagram" -> "https://www.instagram.com/p/" + Integer.toString(Math.abs(id.hashCode()), 36);
			default -> null;
		};
	}

	static String fill(String template, Map<String, List<String>> slots, Random random) {
		String text = template;
		for (var slot : slots.entrySet()) {
			String key = "{" + slot.getKey() + "}";
			while (text.contains(key)) {
				text = text.replaceFirst(java.util.regex.Pattern.quote(key), java.util.regex.Matcher
					.quoteReplacement(slot.getValue().get(random.nextInt(slot.getValue().size()))));
			}
		}
		return text;
	}

}
