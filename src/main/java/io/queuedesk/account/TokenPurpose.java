package io.queuedesk.account;

import java.time.Duration;

/**
 * What a single-use account link is for, and how long it stays valid
 * (docs/RULES.md#accounts).
 */
enum TokenPurpose {

	CONFIRM_EMAIL(Duration.ofHours(24)), RESET_PASSWORD(Duration.ofHours(1)), SET_PASSWORD(Duration.ofHours(72));

	private final Duration validity;

	TokenPurpose(Duration validity) {
		this.validity = validity;
	}

	Duration validity() {
		return validity;
	}

}
