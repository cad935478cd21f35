package io.queuedesk.user;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import io.queuedesk.system.CleanText;

/**
 * The admin's new-user form (field names: docs/RULES.md#pages-and-routes). Roles arrive
 * as names, so an unknown one becomes a field error; the password rules are
 * {@link PasswordPolicy}'s, checked only when no password is generated.
 */
record NewUserForm(@NotBlank @CleanText @Email(regexp = User.EMAIL_REGEXP) @Size(max = 254) String email,
		@NotBlank @CleanText @Size(max = 100) String displayName, @NotEmpty List<String> roles,
		Boolean generatePassword, String password, String confirmPassword) {

	public static NewUserForm empty() {
		return new NewUserForm(null, null, List.of(), true, null, null);
	}

	boolean wantsGeneratedPassword() {
		return Boolean.TRUE.equals(generatePassword);
	}

	/**
	 * The first password rule a typed password breaks; none when the admin asked for a
	 * generated one.
	 */
	Optional<PasswordPolicy.Problem> passwordProblem() {
		return wantsGeneratedPassword() ? Optional.empty() : PasswordPolicy.check(email, password, confirmPassword);
	}

	/**
	 * What to create, with these (parsed) roles: the typed password, or none so that the
	 * service generates one.
	 */
	UserAdminService.NewAccount toNewAccount(Set<Role> parsedRoles) {
		return new UserAdminService.NewAccount(email, displayName, parsedRoles,
				wantsGeneratedPassword() ? null : password);
	}

}
