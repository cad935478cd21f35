package io.queuedesk.system;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

import org.springframework.dao.QueryTimeoutException;

/**
 * What a failed request tells about the database, whatever wrapped the JDBC exception on
 * its way up (Hibernate, Spring's transaction manager, Spring Session, Thymeleaf): told
 * by the SQLState of the exceptions in its cause chain, which PostgreSQL's and MariaDB's
 * drivers and H2 all set (and MariaDB's error code, where its SQLState is a general one).
 */
enum DatabaseFailure {

	/** Not about the database at all. */
	NONE,

	/**
	 * The database cannot be reached or has closed: connection refused or broken, a
	 * socket timeout, the server shutting down, or the embedded H2 closed after a failed
	 * write (a full disk). Readiness goes DOWN until the database answers again.
	 */
	UNREACHABLE,

	/**
	 * The database answers but not in time or not now: no pooled connection came free
	 * (HikariCP's timeout), a statement ran into the statement timeout, PostgreSQL is
	 * short of a resource (its disk full), or a MariaDB lock wait ran out where nothing
	 * translated it into a lost race (the session store's writes: a 503, as H2's lock
	 * timeout there). Readiness stays UP.
	 */
	BUSY;

	/**
	 * H2's SQLStates of a database that cannot go on: IO_EXCEPTION_1/2 (a failed write,
	 * the disk full), FILE_CORRUPTED_1, CONNECTION_BROKEN_1, DATABASE_IS_CLOSED (closed
	 * after such a failure) and DATABASE_CALLED_AT_SHUTDOWN.
	 */
	static final Set<String> H2_CLOSED_STATES = Set.of("90028", "90030", "90031", "90067", "90098", "90121");

	/**
	 * PostgreSQL's shutdown states (admin_shutdown, crash_shutdown, cannot_connect_now);
	 * the class 08 states (connection exceptions) count whole.
	 */
	private static final Set<String> SERVER_GONE_STATES = Set.of("57P01", "57P02", "57P03");

	/**
	 * query_canceled: PostgreSQL's statement_timeout and H2's QUERY_TIMEOUT both end so.
	 */
	private static final String STATEMENT_CANCELED = "57014";

	/**
	 * MariaDB's SQLState of an interrupted statement: its max_statement_time (error 1969)
	 * or a KILL QUERY (1317) — busy — but also of a killed connection (1927), which is
	 * gone.
	 */
	private static final String MARIADB_INTERRUPTED = "70100";

	private static final int MARIADB_CONNECTION_KILLED = 1927;

	/**
	 * MariaDB's and MySQL's full disk: "The table is full" (1114) and "Disk full" (1021),
	 * both with the general SQLState HY000 — busy, like PostgreSQL's class 53.
	 */
	private static final Set<Integer> MARIADB_DISK_FULL = Set.of(1114, 1021);

	/**
	 * PostgreSQL's class 53, insufficient resources: disk_full (53100), out_of_memory,
	 * too_many_connections, configuration_limit_exceeded. The server still answers (its
	 * health check passes) but cannot take this change now: a 503 like a busy pool, not a
	 * 500.
	 */
	private static final String INSUFFICIENT_RESOURCES_CLASS = "53";

	static DatabaseFailure of(Throwable failure) {
		boolean busy = false;
		int depth = 0;
		for (Throwable cause = failure; cause != null && depth < 50; cause = cause.getCause(), depth++) {
			if (cause instanceof SQLException sql) {
				if (connectionLost(sql) || (sql.getNextException() != null && connectionLost(sql.getNextException()))) {
					return UNREACHABLE;
				}
				busy |= sql instanceof SQLTransientConnectionException || sql instanceof SQLTimeoutException
						|| STATEMENT_CANCELED.equals(sql.getSQLState()) || MARIADB_INTERRUPTED.equals(sql.getSQLState())
						|| ("HY000".equals(sql.getSQLState()) && MARIADB_DISK_FULL.contains(sql.getErrorCode()))
						|| (sql.getSQLState() != null && sql.getSQLState().startsWith(INSUFFICIENT_RESOURCES_CLASS))
						|| LockErrorTranslator.isLockWaitTimeout(sql);
			}
			// Translated without the SQLException as cause: Spring's and JPA's query
			// timeouts.
			busy |= cause instanceof QueryTimeoutException
					|| cause instanceof jakarta.persistence.QueryTimeoutException;
		}
		return busy ? BUSY : NONE;
	}

	/**
	 * What HikariCP's proxy answers, without SQLState, once it has dropped a connection
	 * as broken: the rollback after the failed statement then fails so, and Spring's
	 * transaction template throws that instead of the statement's own failure.
	 */
	private static final String POOL_DROPPED_CONNECTION = "Connection is closed";

	/** Whether the connection this exception came from is of no further use. */
	static boolean connectionLost(SQLException sql) {
		String state = sql.getSQLState();
		if (state == null) {
			return POOL_DROPPED_CONNECTION.equals(sql.getMessage()) || failedOnStorage(sql);
		}
		return state.startsWith("08") || SERVER_GONE_STATES.contains(state) || H2_CLOSED_STATES.contains(state)
				|| (MARIADB_INTERRUPTED.equals(state) && sql.getErrorCode() == MARIADB_CONNECTION_KILLED)
				|| failedOnStorage(sql);
	}

	/**
	 * The database could not read or write its files: the embedded H2 reports a write to
	 * a full disk as a general error (SQLState HY000) caused by the IOException ("No
	 * space left on device"), then closes the database.
	 */
	private static boolean failedOnStorage(SQLException sql) {
		int depth = 0;
		for (Throwable cause = sql.getCause(); cause != null && depth < 20; cause = cause.getCause(), depth++) {
			if (cause instanceof IOException) {
				return true;
			}
		}
		return false;
	}

}
