package app.rightly.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import app.rightly.conversations.IncomingMessage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DemoScriptTest {

	@Test
	void theSameSeedWritesTheSameMessages() {
		Instant now = Instant.parse("2026-11-22T12:00:00Z");
		List<IncomingMessage> one = DemoScript.write(DemoVoices.airline(), 50, 7, now);
		List<IncomingMessage> two = DemoScript.write(DemoVoices.airline(), 50, 7, now.plus(Duration.ofDays(2)));
		assertThat(one).extracting(IncomingMessage::externalId)
			.isEqualTo(two.stream().map(IncomingMessage::externalId).toList());
		assertThat(one).extracting(IncomingMessage::text).isEqualTo(two.stream().map(IncomingMessage::text).toList());
	}

	@Test
	void messagesFallInTheLast30DaysAndLeaveNoSlotUnfilled() {
		Instant now = Instant.parse("2026-11-22T12:00:00Z");
		List<IncomingMessage> messages = DemoScript.write(DemoVoices.shop(), 120, 3, now);
		assertThat(messages).allSatisfy(m -> {
			assertThat(m.createdAt()).isBetween(now.minus(Duration.ofDays(30)), now);
			assertThat(m.text()).doesNotContain("{");
		});
		assertThat(messages).extracting(m -> m.direction().id()).contains("inbound", "outbound");
	}

}
