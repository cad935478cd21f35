package io.queuedesk.system;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;

import io.queuedesk.PostgresRunCondition;

/**
 * The database of {@link BadInputPropertiesTest}: its own in-memory H2 in the H2 run; in
 * the PostgreSQL run the run's database name plus {@code _fuzz} on the same server,
 * created if missing and emptied (Flyway then migrates it). What the fuzzing creates
 * (tickets, users and clients with odd names) stays there.
 */
final class FuzzDatabase {

	private static final String RUN_URL = System.getProperty("spring.datasource.url", "");

	private static final String USER = System.getProperty("spring.datasource.username", "postgres");

	private static final String PASSWORD = System.getProperty("spring.datasource.password", "");

	private FuzzDatabase() {
	}

	/** The URL to start the application with; on PostgreSQL, a fresh schema. */
	static String url() {
		if (!PostgresRunCondition.isPostgresRun()) {
			return "jdbc:h2:mem:queuedesk-fuzz;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;"
					+ "LOCK_TIMEOUT=10000;DB_CLOSE_DELAY=-1";
		}
		String url = postgresUrl();
		try {
			createIfMissing(url);
			try (Connection connection = DriverManager.getConnection(url, USER, PASSWORD);
					Statement statement = connection.createStatement()) {
				statement.execute("DROP SCHEMA IF EXISTS public CASCADE");
				statement.execute("CREATE SCHEMA public");
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot prepare " + url, ex);
		}
		return url;
	}

	private static String postgresUrl() {
		int slash = RUN_URL.lastIndexOf('/');
		int query = RUN_URL.indexOf('?', slash);
		return query < 0 ? RUN_URL + "_fuzz" : RUN_URL.substring(0, query) + "_fuzz" + RUN_URL.substring(query);
	}

	private static void createIfMissing(String url) throws SQLException {
		int slash = url.lastIndexOf('/');
		int query = url.indexOf('?', slash);
		String database = query < 0 ? url.substring(slash + 1) : url.substring(slash + 1, query);
		try (Connection connection = DriverManager.getConnection(url.substring(0, slash + 1) + "postgres", USER,
				PASSWORD);
				Statement statement = connection.createStatement();
				ResultSet existing = statement
					.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
			if (!existing.next()) {
				statement.execute("CREATE DATABASE \"" + database + "\"");
			}
		}
	}

	/**
	 * Skips the suite in a PostgreSQL run without a reachable server, as
	 * PostgresRunCondition does for the Jupiter tests (and fails it when the run requires
	 * PostgreSQL, as in CI).
	 */
	static final class SkipWithoutPostgres implements SkipExecutionHook {

		@Override
		public SkipResult shouldBeSkipped(LifecycleContext context) {
			if (!PostgresRunCondition.isPostgresRun()) {
				return SkipResult.doNotSkip();
			}
			try (Connection connection = DriverManager
				.getConnection(RUN_URL.substring(0, RUN_URL.lastIndexOf('/') + 1) + "postgres", USER, PASSWORD)) {
				return SkipResult.doNotSkip();
			}
			catch (SQLException ex) {
				if (Boolean.getBoolean("queuedesk.test.postgres-required")) {
					throw new IllegalStateException("No PostgreSQL reachable for the PostgreSQL run", ex);
				}
				return SkipResult.skip("PostgreSQL run SKIPPED: no PostgreSQL reachable (" + ex.getMessage() + ")");
			}
		}

	}

}
