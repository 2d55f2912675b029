package app.rightly.analysis.training;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import app.rightly.analysis.Taxonomy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The written care messages are clean training data: every line two known labels and a
 * one-line text, no message twice, every label represented.
 */
class CareMessagesTests {

	private final List<CareMessages.Message> messages = CareMessages.all();

	@Test
	void everyMessageHasKnownLabelsAndAText() {
		assertThat(messages).hasSizeGreaterThan(3000);
		assertThat(messages).allSatisfy(m -> {
			assertThat(Taxonomy.SENTIMENTS).contains(m.sentiment());
			assertThat(Taxonomy.INTENTS).contains(m.intent());
			// one line of three fields by construction; no text is blank or padded
			assertThat(m.text()).isNotBlank().isEqualTo(m.text().strip());
		});
	}

	@Test
	void noMessageIsThereTwice() {
		Set<String> seen = new HashSet<>();
		assertThat(messages)
			.allSatisfy(m -> assertThat(seen.add(m.text().toLowerCase(Locale.ROOT))).as("written twice: %s", m.text())
				.isTrue());
	}

	@Test
	void everyLabelIsThereAndNoClassSwampsTheOthers() {
		Map<String, Long> sentiments = messages.stream()
			.collect(Collectors.groupingBy(CareMessages.Message::sentiment, Collectors.counting()));
		assertThat(sentiments.keySet()).containsExactlyInAnyOrderElementsOf(Taxonomy.SENTIMENTS);
		assertThat(sentiments.values())
			.allSatisfy(n -> assertThat(n).isBetween(messages.size() / 5L, messages.size() / 2L));
		Set<String> intents = messages.stream().map(CareMessages.Message::intent).collect(Collectors.toSet());
		assertThat(intents).containsExactlyInAnyOrderElementsOf(Taxonomy.INTENTS);
	}

	@Test
	void aComplaintIsNeverReadAsWarmAndPraiseNeverAsCold() {
		// the two labels of a line agree with each other
		assertThat(messages).allSatisfy(m -> {
			if (m.intent().equals("complaint") || m.intent().equals("abuse")) {
				assertThat(m.sentiment()).as(m.text()).isEqualTo("negative");
			}
			if (m.intent().equals("praise")) {
				assertThat(m.sentiment()).as(m.text()).isEqualTo("positive");
			}
		});
	}

}
