package app.rightly.conversations;

import java.time.Instant;
import java.util.Map;

import app.rightly.channels.ChannelKey;
import app.rightly.conversations.IncomingMessage.Direction;
import app.rightly.conversations.IncomingMessage.Sender;
import app.rightly.conversations.IncomingMessage.Visibility;

/** Object mother for messages as sources deliver them. */
public final class ConversationFixtures {

	public static final ChannelKey X = new ChannelKey("x", "@brand");

	public static final ChannelKey EMAIL = new ChannelKey("email", "care@brand.example");

	private ConversationFixtures() {
	}

	public static IncomingMessage aComplaint(String id, String handle, Instant at) {
		return new IncomingMessage(X, id, Direction.INBOUND, new Sender(handle, "Maya Okafor", null, 250L),
				"@brand my bag never arrived, can you help?", at, Visibility.PUBLIC, null, null, Map.of());
	}

	public static IncomingMessage aReplyFromTheBrand(String id, String inReplyTo, Instant at) {
		return new IncomingMessage(X, id, Direction.OUTBOUND, new Sender("@brand", "Brand", null, null),
				"So sorry, Maya. Please DM us your booking reference.", at, Visibility.PUBLIC, inReplyTo, null,
				Map.of());
	}

	public static IncomingMessage aCustomerReply(String id, String handle, String inReplyTo, Instant at) {
		return new IncomingMessage(X, id, Direction.INBOUND, new Sender(handle, null, null, 251L), "Done, thanks", at,
				Visibility.PUBLIC, inReplyTo, null, Map.of());
	}

	public static IncomingMessage anEmail(String id, String address, Instant at) {
		return new IncomingMessage(EMAIL, id, Direction.INBOUND, new Sender(null, "Maya Okafor", address, null),
				"Hello, I wrote on X too: my bag never arrived.", at, Visibility.PRIVATE, null, null, Map.of());
	}

}
