package io.queuedesk.user;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import io.queuedesk.system.CleanText;

record ForgotPasswordForm(@NotBlank @CleanText @Email(regexp = User.EMAIL_REGEXP) @Size(max = 254) String email) {

	static ForgotPasswordForm empty() {
		return new ForgotPasswordForm("");
	}

}
