package io.queuedesk.system;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Lets the embedded H2 open its file again after it closed the database on a failed write
 * (a full disk). H2 keeps such a closed database registered for as long as any connection
 * to it is open, and hands every new connection to it, so a pool that replaces its broken
 * connections one by one never gets a working one: every request failed with "The
 * database has been closed [90098]" until a restart, also after space was freed.
 * {@code SHUTDOWN IMMEDIATELY} on a connection of its own (which still runs on the closed
 * database) unregisters it; the next connection opens the file afresh, from what was
 * written to it last.
 */
final class ClosedH2Database {

	private static final Log log = LogFactory.getLog(ClosedH2Database.class);

	private ClosedH2Database() {
	}

	/**
	 * Whether the failure says that H2 has closed the database (not: an H2 SQL error).
	 */
	static boolean closed(Throwable failure) {
		int depth = 0;
		for (Throwable cause = failure; cause != null && depth < 50; cause = cause.getCause(), depth++) {
			if (cause instanceof SQLException sql
					&& ("90098".equals(sql.getSQLState()) || "90121".equals(sql.getSQLState()))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Unregisters the closed database of an embedded H2 file URL; nothing for other URLs.
	 */
	static void release(@Nullable String url, @Nullable String username, @Nullable String password) {
		// Only a file database: an in-memory one would lose everything, a server is not
		// ours.
		if (url == null || !url.startsWith("jdbc:h2:") || url.startsWith("jdbc:h2:mem:")
				|| url.startsWith("jdbc:h2:tcp:") || url.startsWith("jdbc:h2:ssl:")) {
			return;
		}
		try (Connection connection = DriverManager.getConnection(url, username, password);
				Statement statement = connection.createStatement()) {
			statement.execute("SHUTDOWN IMMEDIATELY");
			log.warn("The embedded H2 database had closed itself (a failed write, e.g. a full disk): released, "
					+ "the next connection opens its file again");
		}
		catch (SQLException ex) {
			log.warn("The embedded H2 database is closed and could not be released yet: " + ex.getMessage());
		}
	}

}
