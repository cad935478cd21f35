package io.queuedesk.user;

import java.util.List;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import io.queuedesk.system.CleanText;

/**
 * The admin's new-user form (SPEC §6 field names). Roles arrive as names, so an unknown one
 * becomes a field error; the password rules are {@link PasswordPolicy}'s, checked only when no
 * password is generated.
 */
public record NewUserForm(
		@NotBlank @CleanText @Email(regexp = User.EMAIL_REGEXP) @Size(max = 254) String email,
		@NotBlank @CleanText @Size(max = 100) String displayName,
		@NotEmpty List<String> roles,
		Boolean generatePassword,
		String password,
		String confirmPassword) {

	public static NewUserForm empty() {
		return new NewUserForm(null, null, List.of(), true, null, null);
	}

	boolean wantsGeneratedPassword() {
		return Boolean.TRUE.equals(generatePassword);
	}

}
