package app.rightly.conversations;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param publicGap a customer's public post joins their latest public conversation on the
 * channel when it came at most this long after its last message; otherwise a new one
 * opens
 * @param privateGap the same for private messages
 */
@ConfigurationProperties("rightly.conversations")
public record ConversationSettings(@DefaultValue("24h") Duration publicGap, @DefaultValue("7d") Duration privateGap) {
}
