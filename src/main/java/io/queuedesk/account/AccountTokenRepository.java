package io.queuedesk.account;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code account_tokens} table; only token hashes pass through here, never raw
 * tokens.
 */
@Repository
class AccountTokenRepository {

	/** A live token: unused and not expired. */
	record LiveToken(long userId, TokenPurpose purpose, String email) {
	}

	private final JdbcClient jdbc;

	AccountTokenRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(long userId, TokenPurpose purpose, String hash, Instant createdAt) {
		jdbc.sql("""
				insert into account_tokens (user_id, purpose, token_hash, expires_at, created_at)
				values (?, ?, ?, ?, ?)
				""")
			.params(userId, purpose.name(), hash, Timestamp.from(createdAt.plus(purpose.validity())),
					Timestamp.from(createdAt))
			.update();
	}

	Optional<LiveToken> findLive(String hash, Instant now) {
		return jdbc.sql("""
				select t.user_id, t.purpose, u.email from account_tokens t join users u on u.id = t.user_id
				where t.token_hash = ? and t.used_at is null and t.expires_at > ?
				""")
			.params(hash, Timestamp.from(now))
			.query((rs, n) -> new LiveToken(rs.getLong(1), TokenPurpose.valueOf(rs.getString(2)), rs.getString(3)))
			.optional();
	}

	/**
	 * Marks the token used if it is live and has this purpose; one conditional UPDATE, so
	 * of two concurrent callers exactly one gets 1.
	 */
	int markUsed(String hash, TokenPurpose purpose, Instant now) {
		return jdbc.sql("""
				update account_tokens set used_at = ?
				where token_hash = ? and purpose = ? and used_at is null and expires_at > ?
				""").params(Timestamp.from(now), hash, purpose.name(), Timestamp.from(now)).update();
	}

	long userIdOf(String hash) {
		return jdbc.sql("select user_id from account_tokens where token_hash = ?")
			.param(hash)
			.query(Long.class)
			.single();
	}

	/**
	 * Retires the user's other live tokens of these purposes (a new password makes old
	 * links useless).
	 */
	void markAllUsed(long userId, Collection<TokenPurpose> purposes, Instant now) {
		jdbc.sql("""
				update account_tokens set used_at = :now
				where user_id = :userId and used_at is null and purpose in (:purposes)
				""")
			.param("now", Timestamp.from(now))
			.param("userId", userId)
			.param("purposes", purposes.stream().map(TokenPurpose::name).toList())
			.update();
	}

}
