package io.queuedesk.account;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import io.queuedesk.system.CleanText;
import io.queuedesk.user.User;

record ForgotPasswordForm(@NotBlank @CleanText @Email(regexp = User.EMAIL_REGEXP) @Size(max = 254) String email) {

	static ForgotPasswordForm empty() {
		return new ForgotPasswordForm("");
	}

}
