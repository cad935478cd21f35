package io.queuedesk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

/**
 * Each top-level package is a feature module. verify() fails on cycles between features and on
 * any use of another feature's non-public types (its repositories, for instance).
 */
class ModularityTest {

	@Test
	void featuresOnlyUseEachOthersPublicApiWithoutCycles() {
		ApplicationModules.of(QueuedeskApplication.class).verify();
	}

	/**
	 * The self-service account flows ({@code account}) build on the user core ({@code user}), which
	 * never reaches back: what it needs from them arrives as its own events or API.
	 */
	@Test
	void accountBuildsOnUserNeverTheReverse() {
		ApplicationModules modules = ApplicationModules.of(QueuedeskApplication.class);
		ApplicationModule user = modules.getModuleByName("user").orElseThrow();
		ApplicationModule account = modules.getModuleByName("account").orElseThrow();
		assertThat(account.getDirectDependencies(modules).contains(user)).isTrue();
		assertThat(user.getAllDependencies(modules).contains(account)).isFalse();
	}

}
