package io.queuedesk.user;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Test helpers for two-factor authentication: the codes an authenticator app would show,
 * and 2FA turned on for an account without going through the pages.
 */
public final class TotpCodes {

	private TotpCodes() {
	}

	/** The code of the current time step. */
	public static String now(String base32Secret) {
		return Totp.code(Totp.fromBase32(base32Secret), Totp.stepAt(Instant.now()));
	}

	/**
	 * The code of the next step: accepted (one step of skew) even right after the current
	 * one was used, so a test need not wait half a minute between two sign-ins.
	 */
	public static String next(String base32Secret) {
		return Totp.code(Totp.fromBase32(base32Secret), Totp.stepAt(Instant.now()) + 1);
	}

	public static String atStep(String base32Secret, long step) {
		return Totp.code(Totp.fromBase32(base32Secret), step);
	}

	public static long currentStep() {
		return Totp.stepAt(Instant.now());
	}

	/**
	 * Turns 2FA on for the user with a new secret (stored unencrypted, as the tests run
	 * without {@code QUEUEDESK_2FA_KEY}) and the given recovery codes; returns the secret
	 * in Base32.
	 */
	public static String enable(JdbcClient jdbc, long userId, String... recoveryCodes) {
		String secret = Totp.base32(Totp.newSecret());
		jdbc.sql("insert into user_two_factor (user_id, secret, enabled_at) values (?, ?, ?)")
			.params(userId, "plain:" + secret, Timestamp.from(Instant.now()))
			.update();
		for (String code : recoveryCodes) {
			jdbc.sql("insert into recovery_codes (user_id, code_hash) values (?, ?)")
				.params(userId, RecoveryCodes.hash(userId, code))
				.update();
		}
		return secret;
	}

	public static boolean isEnabled(JdbcClient jdbc, long userId) {
		return jdbc.sql("select count(*) from user_two_factor where user_id = ? and enabled_at is not null")
			.param(userId)
			.query(Long.class)
			.single() > 0;
	}

}
