package io.queuedesk.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import io.queuedesk.system.CleanText;

/** {@code POST /account/2fa/enable}: the code the app shows for the new secret. */
record TwoFactorCodeForm(@NotBlank @CleanText @Size(max = 20) String code) {

	static TwoFactorCodeForm empty() {
		return new TwoFactorCodeForm("");
	}

}
