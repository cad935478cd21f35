package io.queuedesk.system;

import java.sql.SQLException;

import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.support.SQLExceptionSubclassTranslator;
import org.springframework.jdbc.support.SQLExceptionTranslator;
import org.springframework.stereotype.Component;

/**
 * How the app's JdbcTemplate and JdbcClient translate a failed statement: as Spring's
 * default does (by the JDBC exception's class and SQLState), and besides a MariaDB or
 * MySQL lock wait that ran out ({@code innodb_lock_wait_timeout}, error 1205, or MySQL's
 * {@code NOWAIT}, 3572) as a {@link CannotAcquireLockException}: a race lost, answered
 * with 409 (ConflictPages), as Hibernate's MariaDB dialect translates it for JPA. Its
 * SQLState is HY000, a general error, which Spring left uncategorized: a 500. A deadlock
 * (1213) has SQLState 40001 and was translated so already; H2 and PostgreSQL are
 * translated exactly as before.
 */
@Component
class LockErrorTranslator implements SQLExceptionTranslator {

	private final SQLExceptionTranslator standard = new SQLExceptionSubclassTranslator();

	@Override
	public DataAccessException translate(String task, String sql, SQLException ex) {
		if (isLockWaitTimeout(ex)) {
			return new CannotAcquireLockException(task + "; SQL [" + sql + "]; " + ex.getMessage(), ex);
		}
		return standard.translate(task, sql, ex);
	}

	/** MariaDB's or MySQL's "Lock wait timeout exceeded" (or MySQL's NOWAIT refusal). */
	static boolean isLockWaitTimeout(SQLException ex) {
		return "HY000".equals(ex.getSQLState()) && (ex.getErrorCode() == 1205 || ex.getErrorCode() == 3572);
	}

}
