package io.queuedesk.system;

import java.sql.SQLException;

import com.zaxxer.hikari.SQLExceptionOverride;

/**
 * Tells HikariCP to drop a pooled connection whose database has gone away, also where its
 * own rules do not see it. HikariCP evicts on the connection-failure SQLStates (class 08,
 * PostgreSQL's shutdown states), but an embedded H2 that closed itself after a failed
 * write (a full disk: "The database has been closed [90098]") answers with its own codes:
 * the pool kept handing out connections to the closed database, and every request,
 * sign-in included, failed until a restart. Evicted, the next connection opens the
 * database file afresh. (The states HikariCP evicts on anyway are evicted here too:
 * DatabaseFailure.connectionLost.) Named in
 * {@code spring.datasource.hikari.exception-override-class-name}.
 */
public class DeadConnectionEviction implements SQLExceptionOverride {

	@java.lang.Override
	public SQLExceptionOverride.Override adjudicate(SQLException failure) {
		for (SQLException sql = failure; sql != null; sql = sql.getNextException()) {
			if (DatabaseFailure.connectionLost(sql)) {
				return SQLExceptionOverride.Override.MUST_EVICT;
			}
		}
		return SQLExceptionOverride.Override.CONTINUE_EVICT;
	}

}
