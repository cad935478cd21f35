package io.queuedesk.user;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The tables of two-factor authentication (migration V15): a user's TOTP secret and the
 * last step used, and the hashes of the recovery codes. Using a code is a conditional
 * UPDATE that only one of two simultaneous requests can win, so no code is accepted
 * twice.
 */
@Repository
class TwoFactorStore {

	/** A user's row: the stored (maybe encrypted) secret, and whether it is turned on. */
	record Row(String secret, @Nullable Instant enabledAt, @Nullable Long lastUsedStep) {

		boolean enabled() {
			return enabledAt != null;
		}

		long lastStep() {
			return lastUsedStep == null ? Long.MIN_VALUE : lastUsedStep;
		}

	}

	private final JdbcClient jdbc;

	TwoFactorStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Serialises a user's set-up steps (two tabs of the enrolment page, or a page and the
	 * "turn on" form) on the user's row until the transaction ends.
	 */
	void lockUser(long userId) {
		jdbc.sql("select id from users where id = ? for update").param(userId).query(Long.class).optional();
	}

	Optional<Row> find(long userId) {
		return jdbc.sql("select secret, enabled_at, last_used_step from user_two_factor where user_id = ?")
			.param(userId)
			.query((rs, n) -> new Row(rs.getString(1), toInstant(rs.getTimestamp(2)),
					rs.getObject(3) == null ? null : rs.getLong(3)))
			.optional();
	}

	boolean isEnabled(long userId) {
		return jdbc.sql("select count(*) from user_two_factor where user_id = ? and enabled_at is not null")
			.param(userId)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * A new secret for a set-up not yet confirmed; replaces an earlier unconfirmed one.
	 */
	void savePending(long userId, String secret) {
		jdbc.sql("delete from user_two_factor where user_id = ? and enabled_at is null").param(userId).update();
		jdbc.sql("insert into user_two_factor (user_id, secret) values (?, ?)").params(userId, secret).update();
	}

	/** Turns the pending set-up on; false when there is none (or it is on already). */
	boolean enable(long userId, Instant now, long usedStep) {
		return jdbc.sql(
				"update user_two_factor set enabled_at = ?, last_used_step = ? where user_id = ? and enabled_at is null")
			.params(Timestamp.from(now), usedStep, userId)
			.update() == 1;
	}

	/** Claims a time step: false when it (or a later one) was used already. */
	boolean useStep(long userId, long step) {
		return jdbc.sql("""
				update user_two_factor set last_used_step = ?
				where user_id = ? and enabled_at is not null and (last_used_step is null or last_used_step < ?)
				""").params(step, userId, step).update() == 1;
	}

	/** Forgets the secret and the recovery codes; false when there was nothing. */
	boolean delete(long userId) {
		jdbc.sql("delete from recovery_codes where user_id = ?").param(userId).update();
		return jdbc.sql("delete from user_two_factor where user_id = ?").param(userId).update() > 0;
	}

	void replaceRecoveryCodes(long userId, List<String> hashes) {
		jdbc.sql("delete from recovery_codes where user_id = ?").param(userId).update();
		for (String hash : hashes) {
			jdbc.sql("insert into recovery_codes (user_id, code_hash) values (?, ?)").params(userId, hash).update();
		}
	}

	/** Spends a recovery code: false when it is unknown or spent. */
	boolean useRecoveryCode(long userId, String hash, Instant now) {
		return jdbc.sql("update recovery_codes set used_at = ? where user_id = ? and code_hash = ? and used_at is null")
			.params(Timestamp.from(now), userId, hash)
			.update() == 1;
	}

	int unusedRecoveryCodes(long userId) {
		return jdbc.sql("select count(*) from recovery_codes where user_id = ? and used_at is null")
			.param(userId)
			.query(Long.class)
			.single()
			.intValue();
	}

	private static @Nullable Instant toInstant(@Nullable Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

}
