package app.rightly.demo;

import app.rightly.conversations.ConversationQueries;
import app.rightly.tenancy.BrandAccess;
import app.rightly.tenancy.TenancyManagement;
import app.rightly.testing.RightlyIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

@RightlyIntegrationTest
class DemoDataTests {

	@Autowired
	DemoData demo;

	@Autowired
	TenancyManagement tenancy;

	@Autowired
	BrandAccess brands;

	@Autowired
	ConversationQueries conversations;

	@Test
	void theDemoIsCreatedOnceWithAFewHundredMessagesOverTwoBrands() {
		demo.ensure();
		var org = tenancy.organisationBySlug(DemoData.ORGANISATION_SLUG).orElseThrow();
		var airline = brands.brandOf(org.id(), "skyward").orElseThrow();
		var shop = brands.brandOf(org.id(), "juniper").orElseThrow();
		long messages = conversations.stats(airline.tenant()).messages()
				+ conversations.stats(shop.tenant()).messages();
		assertThat(messages).isBetween(300L, 900L);
		assertThat(conversations.stats(airline.tenant()).conversations()).isGreaterThan(100);
		assertThat(tenancy.userExists(DemoData.OWNER_EMAIL)).isTrue();

		assertThat(demo.ensure()).as("a second run adds nothing").isZero();
		assertThat(conversations.stats(airline.tenant()).messages() + conversations.stats(shop.tenant()).messages())
			.isEqualTo(messages);
	}

}
