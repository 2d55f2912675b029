package app.rightly.shared;

import java.util.Objects;
import java.util.UUID;

public record BrandId(UUID value) {

	public BrandId {
		Objects.requireNonNull(value, "brandId");
	}

	public static BrandId of(UUID value) {
		return new BrandId(value);
	}

	@Override
	public String toString() {
		return value.toString();
	}

}
