package io.queuedesk;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Registered for every test (junit-platform.properties). In the PostgreSQL and MariaDB
 * runs of the suite ({@code -Dqueuedesk.test.database=postgres|mariadb}, set by the pom's
 * second and third Surefire executions) it checks once that the server answers, and
 * creates the test database afresh, so every run starts from the same state. When no
 * server answers, every test of that run is skipped with a message saying so, so the
 * README's test command still passes on a machine without the server. In the H2 run it
 * does nothing.
 */
public class DatabaseRun implements ExecutionCondition {

	private static final String URL = System.getProperty("spring.datasource.url", "");

	private static final String USER = System.getProperty("spring.datasource.username", "postgres");

	private static final String PASSWORD = System.getProperty("spring.datasource.password", "");

	private static volatile ConditionEvaluationResult result;

	public static boolean isPostgresRun() {
		return "postgres".equals(database());
	}

	public static boolean isMariaDbRun() {
		return "mariadb".equals(database());
	}

	/** PostgreSQL or MariaDB: a database server, not the embedded H2. */
	public static boolean isServerRun() {
		return isPostgresRun() || isMariaDbRun();
	}

	/** The run's name for messages: H2, PostgreSQL or MariaDB. */
	public static String name() {
		return isPostgresRun() ? "PostgreSQL" : isMariaDbRun() ? "MariaDB" : "H2";
	}

	private static String database() {
		return System.getProperty("queuedesk.test.database", "h2");
	}

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		if (!isServerRun()) {
			return ConditionEvaluationResult.enabled("H2 run");
		}
		if (result == null) {
			synchronized (DatabaseRun.class) {
				if (result == null) {
					result = prepare();
				}
			}
		}
		return result;
	}

	private static ConditionEvaluationResult prepare() {
		try {
			createEmpty(URL, USER, PASSWORD);
			System.out.println("[queuedesk] Running the suite against " + name() + " at " + URL);
			return ConditionEvaluationResult.enabled(name() + " reachable at " + URL);
		}
		catch (SQLException ex) {
			String message = name() + " run SKIPPED: no " + name() + " reachable at " + URL + " (" + ex.getMessage()
					+ "). Start one (see TESTING.md) to run the suite on " + name() + ".";
			System.out.println("[queuedesk] " + message);
			if (Boolean.getBoolean("queuedesk.test." + database() + "-required")) {
				// CI made sure a server runs: failing to reach it is an error, not a
				// reason to skip.
				throw new IllegalStateException(message, ex);
			}
			return ConditionEvaluationResult.disabled(message);
		}
	}

	/**
	 * Makes the database the URL names exist and hold nothing, on the run's server:
	 * PostgreSQL's is created if missing and its schema emptied; MariaDB's is dropped and
	 * created again (there a database is a schema).
	 */
	public static void createEmpty(String url, String user, String password) throws SQLException {
		int slash = url.lastIndexOf('/');
		int query = url.indexOf('?', slash);
		String database = query < 0 ? url.substring(slash + 1) : url.substring(slash + 1, query);
		if (isMariaDbRun()) {
			try (Connection server = DriverManager.getConnection(url.substring(0, slash + 1), user, password);
					Statement statement = server.createStatement()) {
				statement.execute("DROP DATABASE IF EXISTS `" + database + "`");
				// The server's default character set, as an operator's CREATE DATABASE
				// would leave it: the migrations name their own.
				statement.execute("CREATE DATABASE `" + database + "`");
			}
			return;
		}
		try (Connection maintenance = DriverManager.getConnection(url.substring(0, slash + 1) + "postgres", user,
				password); Statement statement = maintenance.createStatement()) {
			var existing = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'");
			if (!existing.next()) {
				statement.execute("CREATE DATABASE \"" + database + "\"");
			}
		}
		try (Connection connection = DriverManager.getConnection(url, user, password);
				Statement statement = connection.createStatement()) {
			statement.execute("DROP SCHEMA IF EXISTS public CASCADE");
			statement.execute("CREATE SCHEMA public");
		}
	}

}
