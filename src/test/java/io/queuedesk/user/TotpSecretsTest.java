package io.queuedesk.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * How TOTP secrets are stored: encrypted under {@code QUEUEDESK_2FA_KEY} when it is set,
 * readable only with that key and only for the user they belong to.
 */
class TotpSecretsTest {

	private final byte[] secret = Totp.newSecret();

	@Test
	void withoutAKeyTheSecretIsStoredAsBase32() {
		TotpSecrets plain = new TotpSecrets("");
		String stored = plain.seal(7, secret);
		assertThat(plain.encrypts()).isFalse();
		assertThat(stored).isEqualTo("plain:" + Totp.base32(secret));
		assertThat(plain.open(7, stored)).isEqualTo(secret);
	}

	@Test
	void withAKeyADumpShowsNothingOfTheSecret() {
		TotpSecrets sealed = new TotpSecrets("a long random key from the environment");
		String stored = sealed.seal(7, secret);
		assertThat(sealed.encrypts()).isTrue();
		assertThat(stored).startsWith("aes:").doesNotContain(Totp.base32(secret)).hasSizeLessThan(200);
		assertThat(sealed.seal(7, secret)).as("a new IV every time").isNotEqualTo(stored);
		assertThat(sealed.open(7, stored)).isEqualTo(secret);
	}

	@Test
	void anEncryptedSecretOpensOnlyWithTheKeyAndForItsUser() {
		String stored = new TotpSecrets("key one").seal(7, secret);
		assertThatThrownBy(() -> new TotpSecrets("key one").open(8, stored)).isInstanceOf(IllegalStateException.class);
		assertThatThrownBy(() -> new TotpSecrets("key two").open(7, stored)).isInstanceOf(IllegalStateException.class);
		assertThatThrownBy(() -> new TotpSecrets(null).open(7, stored)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("QUEUEDESK_2FA_KEY");
	}

	@Test
	void aSecretStoredBeforeTheKeyWasSetStaysReadable() {
		String stored = new TotpSecrets(null).seal(7, secret);
		assertThat(new TotpSecrets("key one").open(7, stored)).isEqualTo(secret);
	}

	@Test
	void recoveryCodesAreTenDistinctCodesOfEightyBitsHashedPerUser() {
		var codes = RecoveryCodes.generate();
		assertThat(codes).hasSize(10)
			.doesNotHaveDuplicates()
			.allMatch(code -> code.matches("([a-z2-7]{4}-){3}[a-z2-7]{4}"));
		String code = codes.get(0);
		assertThat(RecoveryCodes.looksLikeOne(code)).isTrue();
		assertThat(RecoveryCodes.looksLikeOne(code.toUpperCase().replace("-", " "))).isTrue();
		assertThat(RecoveryCodes.looksLikeOne("123456")).isFalse();
		assertThat(RecoveryCodes.hash(1, code)).hasSize(64)
			.isEqualTo(RecoveryCodes.hash(1, code.toUpperCase().replace("-", "")))
			.isNotEqualTo(RecoveryCodes.hash(2, code));
	}

	@Test
	void anUnknownRequiredRoleStopsTheStart() {
		assertThat(new TwoFactorSettings(java.util.List.of(" admin", "DEVELOPER "), null).roles())
			.containsExactlyInAnyOrder(Role.ADMIN, Role.DEVELOPER);
		assertThat(new TwoFactorSettings(null, null).roles()).isEmpty();
		assertThat(new TwoFactorSettings(java.util.List.of(""), null).roles()).isEmpty();
		assertThatThrownBy(() -> new TwoFactorSettings(java.util.List.of("ADMINS"), null))
			.hasMessageContaining("QUEUEDESK_2FA_REQUIRED_ROLES");
	}

}
