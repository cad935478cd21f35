package io.queuedesk;

import org.junit.jupiter.api.Test;
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

}
