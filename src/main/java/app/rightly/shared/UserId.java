package app.rightly.shared;

import java.util.Objects;
import java.util.UUID;

public record UserId(UUID value) {

	public UserId {
		Objects.requireNonNull(value, "userId");
	}

	public static UserId of(UUID value) {
		return new UserId(value);
	}

	@Override
	public String toString() {
		return value.toString();
	}

}
