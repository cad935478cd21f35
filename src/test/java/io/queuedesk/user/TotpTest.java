package io.queuedesk.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * TOTP (RFC 6238) as the app checks it: the RFC's own test vectors, Base32 (RFC 4648),
 * and the acceptance window (one step either side, never a step used before).
 */
class TotpTest {

	private static final byte[] SHA1_SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] SHA256_SEED = "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] SHA512_SEED = ("1234567890123456789012345678901234567890" + "123456789012345678901234")
		.getBytes(StandardCharsets.US_ASCII);

	/** RFC 6238, Appendix B: time, and the 8-digit codes for SHA-1, SHA-256, SHA-512. */
	@ParameterizedTest
	@CsvSource({ "59, 94287082, 46119246, 90693936", "1111111109, 07081804, 68084774, 25091201",
			"1111111111, 14050471, 67062674, 99943326", "1234567890, 89005924, 91819424, 93441116",
			"2000000000, 69279037, 90698825, 38618901", "20000000000, 65353130, 77737706, 47863826" })
	void theRfc6238TestVectors(long unixTime, String sha1, String sha256, String sha512) {
		long step = Totp.stepAt(Instant.ofEpochSecond(unixTime));
		assertThat(Totp.code(SHA1_SEED, step, "HmacSHA1", 8)).isEqualTo(sha1);
		assertThat(Totp.code(SHA256_SEED, step, "HmacSHA256", 8)).isEqualTo(sha256);
		assertThat(Totp.code(SHA512_SEED, step, "HmacSHA512", 8)).isEqualTo(sha512);
		// The app's six digits are the last six of the same number.
		assertThat(Totp.code(SHA1_SEED, step)).isEqualTo(sha1.substring(2));
	}

	/** RFC 4226, Appendix D: HOTP values of the same seed for counters 0 to 9. */
	@Test
	void theRfc4226HotpValues() {
		String[] expected = { "755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583", "399871",
				"520489" };
		for (int counter = 0; counter < expected.length; counter++) {
			assertThat(Totp.code(SHA1_SEED, counter)).as("counter %d", counter).isEqualTo(expected[counter]);
		}
	}

	/** RFC 4648 §10, without padding; decoding takes padding, blanks and lower case. */
	@ParameterizedTest
	@CsvSource({ "f, MY", "fo, MZXQ", "foo, MZXW6", "foob, MZXW6YQ", "fooba, MZXW6YTB", "foobar, MZXW6YTBOI" })
	void base32(String text, String encoded) {
		assertThat(Totp.base32(text.getBytes(StandardCharsets.US_ASCII))).isEqualTo(encoded);
		assertThat(new String(Totp.fromBase32(encoded), StandardCharsets.US_ASCII)).isEqualTo(text);
		assertThat(new String(Totp.fromBase32(encoded.toLowerCase() + "===="), StandardCharsets.US_ASCII))
			.isEqualTo(text);
	}

	@Test
	void aNewSecretHas160BitsAnd32Base32Characters() {
		byte[] secret = Totp.newSecret();
		assertThat(secret).hasSize(20);
		assertThat(Totp.base32(secret)).hasSize(32).matches("[A-Z2-7]+");
		assertThat(Totp.fromBase32(Totp.base32(secret))).isEqualTo(secret);
		assertThat(Totp.newSecret()).isNotEqualTo(secret);
		assertThatThrownBy(() -> Totp.fromBase32("ABC1")).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void codesOfOneStepEitherSideAreAcceptedButNotTwo() {
		byte[] secret = Totp.newSecret();
		Instant now = Instant.ofEpochSecond(1_700_000_015L);
		long step = Totp.stepAt(now);
		for (long offset = -1; offset <= 1; offset++) {
			assertThat(Totp.matchingStep(secret, Totp.code(secret, step + offset), now, Long.MIN_VALUE))
				.as("step %+d", offset)
				.hasValue(step + offset);
		}
		for (long offset : new long[] { -2, 2, -3, 3, -10 }) {
			assertThat(Totp.matchingStep(secret, Totp.code(secret, step + offset), now, Long.MIN_VALUE))
				.as("step %+d", offset)
				.isEmpty();
		}
	}

	@Test
	void theWindowFollowsTheClock() {
		byte[] secret = Totp.newSecret();
		String code = Totp.code(secret, Totp.stepAt(Instant.ofEpochSecond(1_700_000_000L)));
		// 29 s later it is mostly the next step: still accepted; 61 s later two steps on:
		// refused.
		assertThat(Totp.matchingStep(secret, code, Instant.ofEpochSecond(1_700_000_029L), Long.MIN_VALUE)).isPresent();
		assertThat(Totp.matchingStep(secret, code, Instant.ofEpochSecond(1_700_000_061L), Long.MIN_VALUE)).isEmpty();
	}

	@Test
	void aStepUsedBeforeOrAnOlderOneIsNeverAcceptedAgain() {
		byte[] secret = Totp.newSecret();
		Instant now = Instant.ofEpochSecond(1_700_000_015L);
		long step = Totp.stepAt(now);
		String code = Totp.code(secret, step);
		assertThat(Totp.matchingStep(secret, code, now, step - 1)).hasValue(step);
		assertThat(Totp.matchingStep(secret, code, now, step)).isEmpty();
		assertThat(Totp.matchingStep(secret, Totp.code(secret, step - 1), now, step)).isEmpty();
		assertThat(Totp.matchingStep(secret, Totp.code(secret, step + 1), now, step)).hasValue(step + 1);
	}

	@Test
	void anythingButSixDigitsIsRefused() {
		byte[] secret = Totp.newSecret();
		Instant now = Instant.now();
		String code = Totp.code(secret, Totp.stepAt(now));
		for (String wrong : new String[] { "", code.substring(1), code + "0", "12345a", "-12345", "１２３４５６", null }) {
			assertThat(Totp.matchingStep(secret, wrong, now, Long.MIN_VALUE)).as("%s", wrong).isEmpty();
		}
	}

}
