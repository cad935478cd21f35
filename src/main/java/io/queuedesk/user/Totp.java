package io.queuedesk.user;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords as authenticator apps make them (RFC 6238 over RFC 4226):
 * HMAC-SHA1, 6 digits, 30-second steps counted from the Unix epoch. Written out here
 * rather than taken from a library: it is a few lines, tested against the RFC's vectors
 * ({@code TotpTest}). Pure functions of the secret and the time given, so tests fix the
 * time.
 */
final class Totp {

	static final int DIGITS = 6;

	static final long STEP_SECONDS = 30;

	/**
	 * Steps accepted either side of the current one: a phone clock a little off, or a
	 * code typed just as it changed (RFC 6238 §5.2 recommends at most one).
	 */
	static final int WINDOW = 1;

	/** 160 bits, the size of an HMAC-SHA1 key (RFC 4226 §4 recommends it). */
	static final int SECRET_BYTES = 20;

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

	private Totp() {
	}

	static byte[] newSecret() {
		byte[] secret = new byte[SECRET_BYTES];
		RANDOM.nextBytes(secret);
		return secret;
	}

	static long stepAt(Instant time) {
		return Math.floorDiv(time.getEpochSecond(), STEP_SECONDS);
	}

	/** The code of one time step, with leading zeros. */
	static String code(byte[] secret, long step) {
		return code(secret, step, "HmacSHA1", DIGITS);
	}

	/** Any HMAC and length, for the RFC's test vectors of SHA-256 and SHA-512 too. */
	static String code(byte[] secret, long step, String algorithm, int digits) {
		try {
			Mac mac = Mac.getInstance(algorithm);
			mac.init(new SecretKeySpec(secret, "RAW"));
			byte[] hash = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(step).array());
			// Dynamic truncation (RFC 4226 §5.3): four bytes from the offset the last
			// nibble
			// names, without the sign bit.
			int offset = hash[hash.length - 1] & 0x0f;
			int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
					| ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
			int otp = (int) (binary % (long) Math.pow(10, digits));
			return String.format(Locale.ROOT, "%0" + digits + "d", otp);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC not available: " + algorithm, ex);
		}
	}

	/**
	 * The step whose code {@code code} is, within {@link #WINDOW} steps of {@code now}
	 * and later than {@code lastUsedStep} (a code, once accepted, is never accepted
	 * again, nor one older than it); empty when none. Compared in constant time.
	 */
	static OptionalLong matchingStep(byte[] secret, String code, Instant now, long lastUsedStep) {
		if (code == null || code.length() != DIGITS || !code.chars().allMatch(c -> c >= '0' && c <= '9')) {
			return OptionalLong.empty();
		}
		long current = stepAt(now);
		OptionalLong match = OptionalLong.empty();
		for (long step = current - WINDOW; step <= current + WINDOW; step++) {
			boolean same = MessageDigest.isEqual(code(secret, step).getBytes(), code.getBytes());
			if (same && step > lastUsedStep && match.isEmpty()) {
				match = OptionalLong.of(step);
			}
		}
		return match;
	}

	/** RFC 4648 Base32 without padding, as authenticator apps take secrets. */
	static String base32(byte[] bytes) {
		StringBuilder text = new StringBuilder((bytes.length * 8 + 4) / 5);
		int buffer = 0;
		int bits = 0;
		for (byte b : bytes) {
			buffer = (buffer << 8) | (b & 0xff);
			bits += 8;
			while (bits >= 5) {
				text.append(BASE32.charAt((buffer >>> (bits - 5)) & 31));
				bits -= 5;
			}
		}
		if (bits > 0) {
			text.append(BASE32.charAt((buffer << (5 - bits)) & 31));
		}
		return text.toString();
	}

	static byte[] fromBase32(String text) {
		String clean = text.replace("=", "").replace(" ", "").toUpperCase(Locale.ROOT);
		ByteBuffer bytes = ByteBuffer.allocate(clean.length() * 5 / 8);
		int buffer = 0;
		int bits = 0;
		for (char c : clean.toCharArray()) {
			int value = BASE32.indexOf(c);
			if (value < 0) {
				throw new IllegalArgumentException("Not Base32: " + c);
			}
			buffer = (buffer << 5) | value;
			bits += 5;
			if (bits >= 8) {
				bytes.put((byte) (buffer >>> (bits - 8)));
				bits -= 8;
			}
		}
		return bytes.array();
	}

}
