package app.rightly.analysis.training;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The team's templates expand to plain messages: every slot and choice filled in. */
class CareTemplatesTests {

	@Test
	void everySlotAndChoiceIsFilledIn() {
		List<PermissiveData.Labelled> all = CareTemplates.expand(3, 1);
		assertThat(all).hasSizeGreaterThan(300);
		assertThat(all).allSatisfy(l -> assertThat(l.text()).doesNotContain("{", "}", "[", "]", "|"));
		// a choice is one of those written: "[love|like|enjoy] the {feature} but…"
		assertThat(all).anySatisfy(l -> assertThat(l.text()).containsAnyOf("love the", "like the", "enjoy the"));
	}

	@Test
	void theSameSeedGivesTheSameMessages() {
		assertThat(CareTemplates.expand(2, 7)).isEqualTo(CareTemplates.expand(2, 7));
	}

}
