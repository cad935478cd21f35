package io.queuedesk.user;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * The single-use recovery codes that stand in for the authenticator app: ten per user,
 * each 16 Base32 characters (80 random bits) written as four groups,
 * {@code abcd-efgh-ijkm-nopq}. So many bits make a slow password hash unnecessary: only a
 * SHA-256 over the user id and the code is stored, which a dump cannot be searched back
 * from.
 */
final class RecoveryCodes {

	static final int COUNT = 10;

	private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";

	private static final int LENGTH = 16;

	private static final SecureRandom RANDOM = new SecureRandom();

	private RecoveryCodes() {
	}

	static List<String> generate() {
		return IntStream.range(0, COUNT).mapToObj(i -> newCode()).toList();
	}

	private static String newCode() {
		StringBuilder code = new StringBuilder();
		for (int i = 0; i < LENGTH; i++) {
			if (i > 0 && i % 4 == 0) {
				code.append('-');
			}
			code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return code.toString();
	}

	/**
	 * Whether the typed text has the shape of a recovery code (hyphens, blanks and case
	 * ignored), as opposed to a six-digit TOTP code.
	 */
	static boolean looksLikeOne(String typed) {
		String normalized = normalize(typed);
		return normalized.length() == LENGTH && normalized.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0);
	}

	static String hash(long userId, String code) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest((userId + ":" + normalize(code)).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String normalize(String typed) {
		return typed.replace("-", "").replace(" ", "").strip().toLowerCase(Locale.ROOT);
	}

}
