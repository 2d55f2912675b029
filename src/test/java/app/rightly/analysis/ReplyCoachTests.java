package app.rightly.analysis;

import java.util.List;

import app.rightly.analysis.ReplyCoach.Coaching;
import app.rightly.analysis.ReplyCoach.Context;
import app.rightly.analysis.ReplyCoach.Finding;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The reply coach: each finding fires on a bad draft and stays quiet on a good one. */
class ReplyCoachTests {

	static final ReplyCoach COACH = new ReplyCoach();

	static final String UPSET = "@air third time asking: my refund for order 5512 never came. I have been waiting "
			+ "for six weeks and nobody answers my e-mails. This is a disgrace.";

	static final String GOOD = "I'm so sorry your refund for order 5512 hasn't arrived, that's frustrating after "
			+ "asking three times. I've escalated it to our payments team and I'll message you here by 5pm today.";

	static Context context(boolean publicReply, int max, List<String> policies) {
		return new Context(UPSET, CustomerCareAnalyserTests.analyse(UPSET), "Maya Jones", publicReply, max, policies);
	}

	static Coaching coach(String draft) {
		return COACH.coach(draft, context(true, 280, List.of("No refunds after 24 hours")));
	}

	static List<String> types(Coaching c) {
		return c.findings().stream().map(Finding::type).toList();
	}

	@ParameterizedTest(name = "{0}: {1}")
	@CsvSource(delimiter = '|', textBlock = """
			blame         | You should have read the terms before booking. I'll check your refund today.
			policy        | Sorry, per our policy refunds take 30 days.
			sarcasm       | Calm down, I'm sorry. I'll check your refund today.
			caps          | I'm sorry. WE ARE WORKING ON IT, PLEASE WAIT. I'll reply by 5pm.
			curt          | Noted.
			no_empathy    | Refunds are processed in order. I'll check yours by 5pm.
			no_next_step  | I'm so sorry, that's really frustrating.
			overpromise   | I'm so sorry. I guarantee this will never happen again, I'll check today.
			personal_data | I'm sorry! Write to maya.jones@example.com and I'll look at it today.
			personal_data | I'm sorry, I'll call you on +44 20 7946 0958 today.
			personal_data | Sorry, I'll check card 4111 1111 1111 1111 today.
			""")
	void eachFindingFiresOnABadDraft(String type, String draft) {
		Coaching c = coach(draft);
		assertThat(types(c)).contains(type);
		for (Finding f : c.findings()) {
			assertThat(f.message()).isNotBlank();
			assertThat(f.suggestion()).isNotBlank();
			assertThat(f.severity()).isIn("high", "medium");
			if (f.start() != null) {
				assertThat(f.end()).isBetween(f.start(), draft.length());
			}
		}
	}

	@Test
	void aGoodReplyHasNoFindingsAndItsStrengthsAreNamed() {
		Coaching c = coach(GOOD);
		assertThat(c.findings()).isEmpty();
		assertThat(c.good()).extracting(ReplyCoach.Good::type).contains("apology", "empathy", "next_step");
	}

	@Test
	void eachFindingStaysQuietOnTheGoodReply() {
		for (String type : ReplyCoach.TYPES) {
			assertThat(types(coach(GOOD))).as(type).doesNotContain(type);
		}
	}

	@Test
	void blameAndPolicyHidingAreSerious() {
		Coaching c = coach("You should have read our policy before booking. Per our policy refunds take 30 days.");
		assertThat(types(c)).contains("blame", "policy", "no_empathy", "no_next_step");
		assertThat(c.serious()).isTrue();
		// a policy explained with an alternative is only a warning
		Coaching explained = coach("I'm sorry. Per our policy refunds take 30 days because the bank needs to "
				+ "clear them; instead I can offer a voucher today.");
		assertThat(explained.findings()).filteredOn(f -> f.type().equals("policy"))
			.singleElement()
			.satisfies(f -> assertThat(f.severity()).isEqualTo("medium"));
	}

	@Test
	void tooLongForTheChannel() {
		String draft = GOOD + " " + GOOD;
		assertThat(types(COACH.coach(draft, context(true, 280, List.of())))).contains("too_long");
		assertThat(types(COACH.coach(draft, context(false, 10_000, List.of())))).doesNotContain("too_long");
	}

	@Test
	void personalDataIsOnlyAProblemInPublic() {
		String draft = "I'm sorry! Write to maya.jones@example.com and I'll look at it today.";
		assertThat(types(COACH.coach(draft, context(false, 10_000, List.of())))).doesNotContain("personal_data");
	}

	@Test
	void aPromiseAgainstABrandPolicyIsFlagged() {
		Coaching c = coach("I'm so sorry. We'll refund the whole ticket today.");
		assertThat(c.findings()).anySatisfy(f -> {
			assertThat(f.type()).isEqualTo("overpromise");
			assertThat(f.message()).contains("No refunds after 24 hours").contains("refund");
		});
	}

	@Test
	void theCustomersNameIsNoticed() {
		assertThat(coach("Hi Maya, I'm sorry. I'll check it today.").good()).extracting(ReplyCoach.Good::type)
			.contains("name");
	}

}
