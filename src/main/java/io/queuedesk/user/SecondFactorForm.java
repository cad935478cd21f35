package io.queuedesk.user;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import io.queuedesk.system.CleanText;

/** {@code /login/2fa}: a six-digit code of the app, or a recovery code. */
record SecondFactorForm(@NotBlank @CleanText @Size(max = 40) String code) {

	static SecondFactorForm empty() {
		return new SecondFactorForm("");
	}

}
