package io.queuedesk.system;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;

import io.queuedesk.DatabaseRun;

/**
 * The database of {@link BadInputPropertiesTest}: its own in-memory H2 in the H2 run; in
 * the PostgreSQL and MariaDB runs the run's database name plus {@code _fuzz} on the same
 * server, created empty (Flyway then migrates it). What the fuzzing creates (tickets,
 * users and clients with odd names) stays there.
 */
final class FuzzDatabase {

	private static final String RUN_URL = System.getProperty("spring.datasource.url", "");

	private static final String USER = System.getProperty("spring.datasource.username", "postgres");

	private static final String PASSWORD = System.getProperty("spring.datasource.password", "");

	private FuzzDatabase() {
	}

	/** The URL to start the application with; on a server, a fresh database. */
	static String url() {
		if (!DatabaseRun.isServerRun()) {
			return "jdbc:h2:mem:queuedesk-fuzz;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;"
					+ "LOCK_TIMEOUT=10000;DB_CLOSE_DELAY=-1";
		}
		try {
			return ScratchDatabase.server("_fuzz").url();
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot prepare the fuzzing database", ex);
		}
	}

	/**
	 * Skips the suite in a server run without a reachable server, as DatabaseRun does for
	 * the Jupiter tests (and fails it when the run requires the server, as in CI).
	 */
	static final class SkipWithoutServer implements SkipExecutionHook {

		@Override
		public SkipResult shouldBeSkipped(LifecycleContext context) {
			if (!DatabaseRun.isServerRun()) {
				return SkipResult.doNotSkip();
			}
			String server = RUN_URL.substring(0, RUN_URL.lastIndexOf('/') + 1)
					+ (DatabaseRun.isPostgresRun() ? "postgres" : "");
			try (Connection connection = DriverManager.getConnection(server, USER, PASSWORD)) {
				return SkipResult.doNotSkip();
			}
			catch (SQLException ex) {
				String property = "queuedesk.test." + (DatabaseRun.isPostgresRun() ? "postgres" : "mariadb")
						+ "-required";
				if (Boolean.getBoolean(property)) {
					throw new IllegalStateException("No " + DatabaseRun.name() + " reachable for its run", ex);
				}
				return SkipResult
					.skip(DatabaseRun.name() + " run SKIPPED: no server reachable (" + ex.getMessage() + ")");
			}
		}

	}

}
