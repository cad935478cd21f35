package io.queuedesk.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.queuedesk.account.AccountTokenRepository.LiveToken;

/**
 * Single-use account tokens: 32 random bytes, base64url, handed out once in a link; only
 * their SHA-256 is stored. A token is live until it is used or expires
 * ({@link TokenPurpose#validity}).
 */
@Component
class AccountTokens {

	private static final int TOKEN_BYTES = 32;

	private final SecureRandom random = new SecureRandom();

	private final AccountTokenRepository tokens;

	private final Clock clock;

	AccountTokens(AccountTokenRepository tokens, Clock clock) {
		this.tokens = tokens;
		this.clock = clock;
	}

	/** A new token for the user; the raw value is returned once and never stored. */
	String issue(long userId, TokenPurpose purpose) {
		byte[] bytes = new byte[TOKEN_BYTES];
		random.nextBytes(bytes);
		String raw = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		tokens.insert(userId, purpose, hash(raw), Instant.now(clock));
		return raw;
	}

	/**
	 * The live token with this raw value, if any (a blank or forged value simply finds
	 * nothing).
	 */
	Optional<LiveToken> findLive(String raw) {
		return raw == null || raw.isBlank() ? Optional.empty() : tokens.findLive(hash(raw), Instant.now(clock));
	}

	/**
	 * Uses the token up; the user's id if this caller won it, empty if it was not live
	 * (or another caller won).
	 */
	Optional<Long> consume(String raw, TokenPurpose purpose) {
		if (raw == null || raw.isBlank()) {
			return Optional.empty();
		}
		String hash = hash(raw);
		return tokens.markUsed(hash, purpose, Instant.now(clock)) == 1 ? Optional.of(tokens.userIdOf(hash))
				: Optional.empty();
	}

	/** Retires every live token of these purposes that the user still holds. */
	void retireAll(long userId, Collection<TokenPurpose> purposes) {
		tokens.markAllUsed(userId, purposes, Instant.now(clock));
	}

	static String hash(String raw) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(raw.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
		}
	}

}
