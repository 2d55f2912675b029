package app.rightly.conversations;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import app.rightly.channels.ChannelKey;
import app.rightly.conversations.IncomingMessage.Direction;
import app.rightly.conversations.IncomingMessage.Sender;
import app.rightly.conversations.IncomingMessage.Visibility;
import app.rightly.shared.InvalidInputException.FieldError;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MessageRulesTest {

	static IncomingMessage message(String text) {
		return new IncomingMessage(new ChannelKey("api", "test"), "m-1", Direction.INBOUND,
				new Sender("@maya", "Maya", null, 120L), text, Instant.parse("2026-11-20T10:15:00Z"), Visibility.PUBLIC,
				null, null, Map.of());
	}

	static List<String> fields(List<FieldError> errors) {
		return errors.stream().map(FieldError::field).toList();
	}

	@Test
	void aWellFormedMessagePasses() {
		assertThat(MessageRules.check(message("my bag never arrived 😞 مرحبا\n\tthanks"))).isEmpty();
	}

	@Test
	void textIsRequiredAndLimitedTo20000Characters() {
		assertThat(fields(MessageRules.check(message(null)))).containsExactly("text");
		assertThat(fields(MessageRules.check(message("   ")))).containsExactly("text");
		assertThat(MessageRules.check(message("x".repeat(20_000)))).isEmpty();
		assertThat(fields(MessageRules.check(message("x".repeat(20_001))))).containsExactly("text");
	}

	@Test
	void charactersOutsideTheBasicPlaneCountOnce() {
		assertThat(MessageRules.check(message("😀".repeat(20_000)))).isEmpty();
	}

	@Test
	void controlCharactersOtherThanNewlineAndTabAreRejectedWithTheirPosition() {
		List<FieldError> errors = MessageRules.check(message("bell\u0007here"));
		assertThat(fields(errors)).containsExactly("text");
		assertThat(errors.get(0).message()).contains("U+0007").contains("position 4");
		assertThat(MessageRules.check(message("windows\r\nline"))).isEmpty();
	}

	@Test
	void negativeFollowersAreRejected() {
		IncomingMessage m = message("hello");
		IncomingMessage bad = new IncomingMessage(m.channel(), m.externalId(), m.direction(),
				new Sender("@maya", null, null, -1L), m.text(), m.createdAt(), m.visibility(), null, null, Map.of());
		assertThat(fields(MessageRules.check(bad))).containsExactly("author.followers");
	}

	@Test
	void anInboundMessageNeedsAnAuthorHandleOrEmail() {
		IncomingMessage m = message("hello");
		IncomingMessage anonymous = new IncomingMessage(m.channel(), m.externalId(), m.direction(),
				new Sender(" ", "Someone", null, null), m.text(), m.createdAt(), m.visibility(), null, null, Map.of());
		assertThat(fields(MessageRules.check(anonymous))).containsExactly("author.handle");
	}

	@Test
	void aDateFarInTheFutureIsAClientBug() {
		IncomingMessage m = message("hello");
		IncomingMessage future = new IncomingMessage(m.channel(), m.externalId(), m.direction(), m.author(), m.text(),
				Instant.now().plusSeconds(3 * 86400), m.visibility(), null, null, Map.of());
		assertThat(fields(MessageRules.check(future))).containsExactly("createdAt");
	}

}
