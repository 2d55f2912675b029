package app.rightly.channels;

import java.util.Set;
import java.util.regex.Pattern;

/** The kinds of channel Rightly knows, and the rules that depend on the kind. */
public final class ChannelKinds {

	/**
	 * Social networks: a handle means the same person on every channel of that network.
	 */
	public static final Set<String> SOCIAL = Set.of("x", "facebook", "instagram", "bluesky", "mastodon", "linkedin",
			"tiktok", "youtube", "threads", "reddit", "whatsapp");

	/** Kinds whose unknown channels are created on first use by ingest. */
	public static final Set<String> OPEN = Set.of("api", "import");

	public static final Set<String> OTHER = Set.of("review", "email", "chat", "sms", "phone", "forum", "webhook");

	private static final Pattern KIND = Pattern.compile("^[a-z][a-z0-9_-]{0,29}$");

	private ChannelKinds() {
	}

	public static boolean known(String kind) {
		return SOCIAL.contains(kind) || OPEN.contains(kind) || OTHER.contains(kind);
	}

	/** The known kinds, in alphabetical order. */
	public static java.util.List<String> all() {
		return java.util.stream.Stream.of(SOCIAL, OPEN, OTHER).flatMap(java.util.Set::stream).sorted().toList();
	}

	/** The known kinds, for error messages. */
	public static String describe() {
		return String.join(", ", all());
	}

	/**
	 * The longest reply a channel of this kind takes, in characters: the network's own
	 * limit for public posts (X 280, Bluesky 300, Mastodon 500, …), a generous one for
	 * private and long-form channels.
	 */
	public static int replyLimit(String kind, boolean publicReply) {
		if (!publicReply) {
			return "sms".equals(kind) ? 1600 : 10_000;
		}
		return switch (kind) {
			case "x" -> 280;
			case "bluesky" -> 300;
			case "threads", "mastodon" -> 500;
			case "instagram", "tiktok" -> 2200;
			case "linkedin", "facebook", "youtube", "reddit" -> 8000;
			case "sms" -> 1600;
			default -> 10_000;
		};
	}

	public static boolean wellFormed(String kind) {
		return kind != null && KIND.matcher(kind).matches();
	}

	/**
	 * Where a handle is unique: the social network itself ({@code x}), e-mail addresses
	 * everywhere ({@code email}), otherwise the channel ({@code review:Trustpilot}).
	 */
	static String network(ChannelKey key) {
		if (SOCIAL.contains(key.kind()) || "email".equals(key.kind())) {
			return key.kind();
		}
		return key.kind() + ":" + key.name();
	}

}
