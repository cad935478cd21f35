package io.queuedesk.account;

import jakarta.validation.constraints.NotBlank;

/** {@code POST /account/2fa/disable}: proven with the current password. */
record DisableTwoFactorForm(@NotBlank String currentPassword) {

	static DisableTwoFactorForm empty() {
		return new DisableTwoFactorForm("");
	}

}
