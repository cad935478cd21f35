package io.queuedesk.user;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

/**
 * How a TOTP secret is written to the database (docs/RULES.md#accounts). With
 * {@code QUEUEDESK_2FA_KEY} set, AES-256-GCM under a key derived from it ({@code aes:}
 * prefix): a dump of the database alone then does not give away anyone's second factor.
 * Without it, the secret is stored as it is ({@code plain:} prefix), which README states
 * as a risk. The user id is the GCM's associated data, so an encrypted secret copied to
 * another user's row does not decrypt. A secret stored under one form stays readable when
 * the setting changes later, as long as the key is still there.
 */
final class TotpSecrets {

	private static final String AES = "aes:";

	private static final String PLAIN = "plain:";

	private static final int IV_BYTES = 12;

	private static final int TAG_BITS = 128;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final @Nullable SecretKey key;

	/**
	 * @param key the setting's text, any length; empty or null: no encryption
	 */
	TotpSecrets(@Nullable String key) {
		this.key = (key == null || key.isBlank()) ? null : new SecretKeySpec(sha256(key.strip()), "AES");
	}

	boolean encrypts() {
		return key != null;
	}

	String seal(long userId, byte[] secret) {
		if (key == null) {
			return PLAIN + Totp.base32(secret);
		}
		try {
			byte[] iv = new byte[IV_BYTES];
			RANDOM.nextBytes(iv);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
			cipher.updateAAD(associatedData(userId));
			byte[] sealed = cipher.doFinal(secret);
			return AES + Base64.getEncoder()
				.encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot encrypt a TOTP secret", ex);
		}
	}

	/**
	 * The secret, or an exception when it was encrypted and the key is missing or another
	 * one: then the user's 2FA cannot be checked, and an admin resets it.
	 */
	byte[] open(long userId, String stored) {
		if (stored.startsWith(PLAIN)) {
			return Totp.fromBase32(stored.substring(PLAIN.length()));
		}
		if (!stored.startsWith(AES) || key == null) {
			throw new IllegalStateException("TOTP secret of user " + userId
					+ " is encrypted, but QUEUEDESK_2FA_KEY is not set (or holds another key)");
		}
		try {
			byte[] sealed = Base64.getDecoder().decode(stored.substring(AES.length()));
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, IV_BYTES));
			cipher.updateAAD(associatedData(userId));
			return cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES);
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			throw new IllegalStateException(
					"TOTP secret of user " + userId + " does not decrypt with QUEUEDESK_2FA_KEY (was the key changed?)",
					ex);
		}
	}

	private static byte[] associatedData(long userId) {
		return ("queuedesk-totp:" + userId).getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
