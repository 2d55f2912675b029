package app.rightly.conversations;

import java.time.Instant;
import java.util.Map;

import app.rightly.channels.ChannelKey;

/**
 * One message as a source delivers it, before it is stored.
 *
 * @param channel the channel it came through (kind and name)
 * @param externalId its id at the source; (brand, channel, externalId) identifies it
 * @param direction inbound from a customer, or outbound from the brand
 * @param author who wrote it
 * @param text the text, stored exactly as received
 * @param createdAt when it was written, at the source
 * @param visibility a public post or a private message
 * @param inReplyTo the external id of the message it answers, if any
 * @param url where it can be seen at the source
 * @param metadata what else the source says (rating, likes, shares, language …)
 */
public record IncomingMessage(ChannelKey channel, String externalId, Direction direction, Sender author, String text,
		Instant createdAt, Visibility visibility, String inReplyTo, String url, Map<String, Object> metadata) {

	public enum Direction {

		INBOUND, OUTBOUND;

		public String id() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

	public enum Visibility {

		PUBLIC, PRIVATE;

		public String id() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

	/**
	 * The author as the source names them; {@code value} is the customer's value to the
	 * brand (lifetime value or yearly spend, in the brand's currency), if the source
	 * knows it, and counts in the risk score.
	 */
	public record Sender(String handle, String name, String email, Long followers, Double value) {

		public Sender(String handle, String name, String email, Long followers) {
			this(handle, name, email, followers, null);
		}

	}

}
