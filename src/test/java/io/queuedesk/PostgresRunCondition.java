package io.queuedesk;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Registered for every test (junit-platform.properties). In the PostgreSQL run of the
 * suite ({@code -Dqueuedesk.test.database=postgres}, set by the pom's second Surefire
 * execution) it checks once that the server answers, creates the test database if needed
 * and empties its schema, so every run starts from the same state. When no server
 * answers, every test of that run is skipped with a message saying so, so the README's
 * test command still passes on a machine without PostgreSQL. In the H2 run it does
 * nothing.
 */
public class PostgresRunCondition implements ExecutionCondition {

	private static final String URL = System.getProperty("spring.datasource.url", "");

	private static final String USER = System.getProperty("spring.datasource.username", "postgres");

	private static final String PASSWORD = System.getProperty("spring.datasource.password", "");

	private static volatile ConditionEvaluationResult result;

	public static boolean isPostgresRun() {
		return "postgres".equals(System.getProperty("queuedesk.test.database"));
	}

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		if (!isPostgresRun()) {
			return ConditionEvaluationResult.enabled("H2 run");
		}
		if (result == null) {
			synchronized (PostgresRunCondition.class) {
				if (result == null) {
					result = prepare();
				}
			}
		}
		return result;
	}

	private static ConditionEvaluationResult prepare() {
		try {
			createDatabaseIfMissing();
			try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD);
					Statement statement = connection.createStatement()) {
				statement.execute("DROP SCHEMA IF EXISTS public CASCADE");
				statement.execute("CREATE SCHEMA public");
			}
			System.out.println("[queuedesk] Running the suite against PostgreSQL at " + URL);
			return ConditionEvaluationResult.enabled("PostgreSQL reachable at " + URL);
		}
		catch (SQLException ex) {
			String message = "PostgreSQL run SKIPPED: no PostgreSQL reachable at " + URL + " (" + ex.getMessage()
					+ "). Start one (see TESTING.md) to run the suite on PostgreSQL.";
			System.out.println("[queuedesk] " + message);
			if (Boolean.getBoolean("queuedesk.test.postgres-required")) {
				// CI made sure a server runs: failing to reach it is an error, not a
				// reason to skip.
				throw new IllegalStateException(message, ex);
			}
			return ConditionEvaluationResult.disabled(message);
		}
	}

	/** The URL names a database that may not exist yet on a fresh server: create it. */
	private static void createDatabaseIfMissing() throws SQLException {
		int slash = URL.lastIndexOf('/');
		int query = URL.indexOf('?', slash);
		String database = query < 0 ? URL.substring(slash + 1) : URL.substring(slash + 1, query);
		String maintenanceUrl = URL.substring(0, slash + 1) + "postgres";
		try (Connection connection = DriverManager.getConnection(maintenanceUrl, USER, PASSWORD);
				Statement statement = connection.createStatement()) {
			var existing = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'");
			if (!existing.next()) {
				statement.execute("CREATE DATABASE \"" + database + "\"");
			}
		}
	}

}
