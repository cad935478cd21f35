package io.queuedesk.user;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.queuedesk.user.PasswordPolicy.Problem;

class PasswordPolicyTest {

	@Test
	void acceptsAGoodPasswordTypedTwice() {
		assertThat(PasswordPolicy.check("sam@example.com", "correct horse", "correct horse")).isEmpty();
		assertThat(PasswordPolicy.check(null, "12345678", "12345678")).isEmpty();
		assertThat(PasswordPolicy.check(null, "x".repeat(128), "x".repeat(128))).isEmpty();
	}

	@Test
	void namesTheFieldAndTheRule() {
		assertThat(PasswordPolicy.check(null, "", "")).contains(new Problem("password", "password.required"));
		assertThat(PasswordPolicy.check(null, null, null)).contains(new Problem("password", "password.required"));
		assertThat(PasswordPolicy.check(null, "1234567", "1234567"))
			.contains(new Problem("password", "password.length"));
		assertThat(PasswordPolicy.check(null, "x".repeat(129), "x".repeat(129)))
			.contains(new Problem("password", "password.length"));
		assertThat(PasswordPolicy.check("Sam@Example.com", "sam@example.COM", "sam@example.COM"))
			.contains(new Problem("password", "password.sameAsEmail"));
		assertThat(PasswordPolicy.check(null, "12345678", "12345679"))
			.contains(new Problem("confirmPassword", "password.mismatch"));
	}

}
