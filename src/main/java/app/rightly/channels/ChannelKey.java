package app.rightly.channels;

import java.util.Locale;
import java.util.Objects;

/**
 * A channel as ingest names it: its kind ({@code x}, {@code facebook}, {@code review},
 * {@code email}, {@code api}, {@code import} …) and a name the brand chose.
 */
public record ChannelKey(String kind, String name) {

	public ChannelKey {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(name, "name");
		kind = kind.strip().toLowerCase(Locale.ROOT);
		name = name.strip();
	}

	/**
	 * The network an author's handle on this channel belongs to; identities merge within
	 * it.
	 */
	public String network() {
		return ChannelKinds.network(this);
	}

}
