package app.rightly.tenancy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RoleTest {

	@Test
	void eachRoleMayDoWhatTheRolesBelowItMay() {
		assertThat(Role.OWNER.may(Permission.MANAGE_ORGANISATION)).isTrue();
		assertThat(Role.ADMIN.may(Permission.MANAGE_ORGANISATION)).isTrue();
		assertThat(Role.MANAGER.may(Permission.MANAGE_ORGANISATION)).isFalse();
		assertThat(Role.MANAGER.may(Permission.MANAGE_BRAND)).isTrue();
		assertThat(Role.AGENT.may(Permission.WORK_CONVERSATIONS)).isTrue();
		assertThat(Role.AGENT.may(Permission.MANAGE_BRAND)).isFalse();
	}

	@Test
	void aViewerMayOnlyReadReports() {
		assertThat(Role.VIEWER.may(Permission.VIEW_REPORTS)).isTrue();
		assertThat(Role.VIEWER.may(Permission.WORK_CONVERSATIONS)).isFalse();
	}

	@Test
	void rolesAreParsedByTheirIds() {
		assertThat(Role.parse(" Agent ")).contains(Role.AGENT);
		assertThat(Role.parse("superuser")).isEmpty();
		assertThat(Role.parse(null)).isEmpty();
	}

}
