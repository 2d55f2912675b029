package app.rightly.conversations;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Automatic assignment: fair turns, the least loaded first, and caps. */
class AutoAssignmentTests {

	static final UUID A = new UUID(0, 1);

	static final UUID B = new UUID(0, 2);

	static final UUID C = new UUID(0, 3);

	@Test
	void roundRobinTakesTurnsFromAfterTheLastOne() {
		List<UUID> to = AutoAssignment.choose("round_robin", List.of(A, B, C), Map.of(), 100, A, 6);
		assertThat(to).containsExactly(B, C, A, B, C, A);
		assertThat(Collections.frequency(to, A)).isEqualTo(2);
	}

	@Test
	void leastLoadedFillsTheEmptiestFirst() {
		List<UUID> to = AutoAssignment.choose("least_loaded", List.of(A, B, C), Map.of(A, 5, B, 1, C, 3), 100, null, 4);
		// B goes from 1 to 3; level with C, B is first in the pool and takes a 4th; then
		// C
		assertThat(to).containsExactly(B, B, B, C);
	}

	@Test
	void nobodyGoesBeyondTheCap() {
		List<UUID> to = AutoAssignment.choose("round_robin", List.of(A, B), Map.of(A, 2, B, 1), 3, null, 10);
		assertThat(to).containsExactly(A, B, B);
		assertThat(AutoAssignment.choose("least_loaded", List.of(A, B), Map.of(A, 3, B, 3), 3, null, 5)).isEmpty();
	}

}
