package io.queuedesk.user;

import java.util.Optional;

/**
 * The password rules (docs/RULES.md#accounts), shared by every form that sets a password
 * (admin's new user, registration, reset, change): 8–128 characters, typed the same
 * twice, and not the account's own email. Answers the first problem as a form field and a
 * message code, so controllers can put it next to the right field with
 * {@code rejectValue}.
 */
public final class PasswordPolicy {

	public static final int MIN_LENGTH = 8;

	public static final int MAX_LENGTH = 128;

	private PasswordPolicy() {
	}

	/**
	 * A broken rule: the form field it belongs to and the message code that explains it.
	 */
	public record Problem(String field, String code) {
	}

	/**
	 * The first rule the new password breaks, if any. {@code email} may be null when the
	 * form has none yet; {@code confirmPassword} is compared exactly.
	 */
	public static Optional<Problem> check(String email, String password, String confirmPassword) {
		if (password == null || password.isEmpty()) {
			return Optional.of(new Problem("password", "password.required"));
		}
		if (password.length() < MIN_LENGTH || password.length() > MAX_LENGTH) {
			return Optional.of(new Problem("password", "password.length"));
		}
		if (email != null && password.strip().equalsIgnoreCase(email.strip())) {
			return Optional.of(new Problem("password", "password.sameAsEmail"));
		}
		if (!password.equals(confirmPassword)) {
			return Optional.of(new Problem("confirmPassword", "password.mismatch"));
		}
		return Optional.empty();
	}

}
