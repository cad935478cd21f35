package io.queuedesk.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The one reading of role names, shared by the admin's forms and the create-user command.
 */
class RoleNamesTest {

	@Test
	void ignoresCaseAndSurroundingBlanks() {
		assertThat(RoleNames.parse("ADMIN")).contains(Role.ADMIN);
		assertThat(RoleNames.parse("admin")).contains(Role.ADMIN);
		assertThat(RoleNames.parse(" Developer ")).contains(Role.DEVELOPER);
		assertThat(RoleNames.parse(List.of("submitter", "ADMIN"))).contains(EnumSet.of(Role.SUBMITTER, Role.ADMIN));
	}

	@Test
	void anUnknownOrMissingNameIsUnknownAndSpoilsTheList() {
		assertThat(RoleNames.parse("GOD")).isEmpty();
		assertThat(RoleNames.parse("")).isEmpty();
		assertThat(RoleNames.parse((String) null)).isEmpty();
		assertThat(RoleNames.parse(List.of("ADMIN", "GOD"))).isEmpty();
		assertThat(RoleNames.parse(Arrays.asList("ADMIN", null))).isEmpty();
	}

	@Test
	void noNamesAreNoRoles() {
		assertThat(RoleNames.parse(List.of())).contains(EnumSet.noneOf(Role.class));
		assertThat(RoleNames.parse((List<String>) null)).contains(EnumSet.noneOf(Role.class));
	}

}
