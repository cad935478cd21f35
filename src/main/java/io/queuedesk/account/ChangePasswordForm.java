package io.queuedesk.account;

import jakarta.validation.constraints.NotBlank;

record ChangePasswordForm(@NotBlank String currentPassword, String password, String confirmPassword) {

	static ChangePasswordForm empty() {
		return new ChangePasswordForm("", "", "");
	}

}
