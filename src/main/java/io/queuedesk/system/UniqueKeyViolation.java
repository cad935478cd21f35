package io.queuedesk.system;

import java.sql.SQLException;

import org.springframework.dao.DataIntegrityViolationException;

/**
 * Tells a unique-key violation (SQLSTATE 23505, on PostgreSQL and H2) from the database's
 * other refusals. Through JPA both arrive as a plain
 * {@link DataIntegrityViolationException}; only the first means "this name or email is
 * taken" (issue 12: PostgreSQL's "invalid byte sequence" for a NUL was answered "A client
 * with this name exists").
 */
public final class UniqueKeyViolation {

	static final String SQL_STATE = "23505";

	private UniqueKeyViolation() {
	}

	/** Whether the exception is a unique-key violation, however it is wrapped. */
	public static boolean is(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && SQL_STATE.equals(sql.getSQLState())) {
				return true;
			}
		}
		return false;
	}

}
