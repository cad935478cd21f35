package io.queuedesk.account;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import io.queuedesk.system.CleanText;
import io.queuedesk.user.PasswordPolicy;
import io.queuedesk.user.User;

/** The self-registration form; the password rules are {@link PasswordPolicy}'s. */
record RegistrationForm(@NotBlank @CleanText @Email(regexp = User.EMAIL_REGEXP) @Size(max = 254) String email,
		@NotBlank @CleanText @Size(max = 100) String displayName, String password, String confirmPassword) {

	static RegistrationForm empty() {
		return new RegistrationForm("", "", "", "");
	}

}
