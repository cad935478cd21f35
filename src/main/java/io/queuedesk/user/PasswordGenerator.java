package io.queuedesk.user;

import java.security.SecureRandom;

/**
 * Strong random passwords for accounts an admin creates: {@value #LENGTH} characters from
 * an alphabet without look-alikes (0/O, 1/l/I), about 120 bits of entropy.
 */
final class PasswordGenerator {

	static final int LENGTH = 20;

	private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789-_.!@#%+=";

	private static final SecureRandom RANDOM = new SecureRandom();

	private PasswordGenerator() {
	}

	static String generate() {
		StringBuilder password = new StringBuilder(LENGTH);
		for (int i = 0; i < LENGTH; i++) {
			password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return password.toString();
	}

}
