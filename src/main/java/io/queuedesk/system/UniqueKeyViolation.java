package io.queuedesk.system;

import java.sql.SQLException;

import org.springframework.dao.DataIntegrityViolationException;

/**
 * Tells a unique-key violation (SQLSTATE 23505 on PostgreSQL and H2; on MariaDB and MySQL
 * the general 23000 with error 1062 or 1586, "duplicate entry") from the database's other
 * refusals. Through JPA both arrive as a plain {@link DataIntegrityViolationException};
 * only the first means "this name or email is taken" (issue 12: PostgreSQL's "invalid
 * byte sequence" for a NUL was answered "A client with this name exists").
 */
public final class UniqueKeyViolation {

	static final String SQL_STATE = "23505";

	private static final String MARIADB_SQL_STATE = "23000";

	private static final int MARIADB_DUPLICATE_ENTRY = 1062;

	private static final int MARIADB_DUPLICATE_ENTRY_WITH_KEY_NAME = 1586;

	private UniqueKeyViolation() {
	}

	/** Whether the exception is a unique-key violation, however it is wrapped. */
	public static boolean is(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && isDuplicate(sql)) {
				return true;
			}
		}
		return false;
	}

	private static boolean isDuplicate(SQLException sql) {
		if (SQL_STATE.equals(sql.getSQLState())) {
			return true;
		}
		return MARIADB_SQL_STATE.equals(sql.getSQLState()) && (sql.getErrorCode() == MARIADB_DUPLICATE_ENTRY
				|| sql.getErrorCode() == MARIADB_DUPLICATE_ENTRY_WITH_KEY_NAME);
	}

}
