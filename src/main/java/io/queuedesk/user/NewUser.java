package io.queuedesk.user;

import java.util.Set;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import io.queuedesk.system.CleanText;

/**
 * What it takes to create an account; the rules (docs/RULES.md#accounts) as constraints.
 */
record NewUser(@NotBlank @CleanText @Email(regexp = User.EMAIL_REGEXP) @Size(max = 254) String email,
		@NotBlank @CleanText @Size(max = 100) String displayName, @NotBlank @Size(min = 8, max = 128) String password,
		@NotEmpty Set<Role> roles) {
}
