package io.queuedesk.account;

/**
 * A new password through a reset or set-password link; the token travels in a hidden
 * field.
 */
record ResetPasswordForm(String token, String password, String confirmPassword) {

	static ResetPasswordForm forToken(String token) {
		return new ResetPasswordForm(token, "", "");
	}

}
