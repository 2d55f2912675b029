package app.rightly.tenancy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SlugsTest {

	@Test
	void aSlugIsMadeOfLowerCaseAsciiFromTheName() {
		assertThat(Slugs.from("Café Ünïcorn & Co.")).isEqualTo("cafe-unicorn-co");
		assertThat(Slugs.from("  Skyward   Airlines ")).isEqualTo("skyward-airlines");
	}

	@Test
	void aLongNameIsCutWithoutATrailingDash() {
		String slug = Slugs.from("The Extraordinarily Long Name Of A Brand That Never Ends Well");
		assertThat(slug.length()).isLessThanOrEqualTo(40);
		assertThat(slug).doesNotEndWith("-");
		assertThat(Slugs.valid(slug)).isTrue();
	}

	@Test
	void onlyWellFormedSlugsAreValid() {
		assertThat(Slugs.valid("juniper-2")).isTrue();
		assertThat(Slugs.valid("-juniper")).isFalse();
		assertThat(Slugs.valid("Juniper")).isFalse();
		assertThat(Slugs.valid("")).isFalse();
		assertThat(Slugs.valid("a/b")).isFalse();
	}

}
