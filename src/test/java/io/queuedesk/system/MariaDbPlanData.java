package io.queuedesk.system;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import org.flywaydb.core.Flyway;

/**
 * The database of the MariaDB plan tests ({@link MariaDbQueryPlanTest}), as
 * {@link PlanData} is PostgreSQL's: its own database on the server of the MariaDB run
 * (the run's database name + {@code _plans}, or {@code -Dqueuedesk.test.plans-url}),
 * holding the data set of {@code plan-data-mariadb.sql}, kept between runs. A run reuses
 * it when its marker table names this generator version and size and no migration is
 * pending; otherwise it drops the database, lets Flyway create the schema when the
 * application starts, and generates the data again (about a minute for 200,000 tickets).
 */
final class MariaDbPlanData {

	/** Raise when plan-data-mariadb.sql changes, so cached databases are made again. */
	static final int GENERATOR_VERSION = 1;

	static final int TICKETS = PlanData.TICKETS;

	static final String USER = System.getProperty("spring.datasource.username", "root");

	static final String PASSWORD = System.getProperty("spring.datasource.password", "");

	static final String URL = System.getProperty("queuedesk.test.plans-url", derivedUrl());

	private static final String MARKER = "queuedesk plan data (MariaDB) v" + GENERATOR_VERSION + ", " + TICKETS
			+ " tickets";

	private static final List<String> TABLES = List.of("tickets", "comments", "activity_log", "attachments",
			"attachment_chunks", "users", "user_roles", "clients", "product_areas", "queue_segments");

	private static Boolean reusable;

	private MariaDbPlanData() {
	}

	private static String derivedUrl() {
		String url = System.getProperty("spring.datasource.url", "jdbc:mariadb://127.0.0.1:3306/queuedesk_test");
		int slash = url.lastIndexOf('/');
		int query = url.indexOf('?', slash);
		return query < 0 ? url + "_plans" : url.substring(0, query) + "_plans" + url.substring(query);
	}

	private static String database() {
		int slash = URL.lastIndexOf('/');
		int query = URL.indexOf('?', slash);
		return query < 0 ? URL.substring(slash + 1) : URL.substring(slash + 1, query);
	}

	private static String serverUrl() {
		return URL.substring(0, URL.lastIndexOf('/') + 1);
	}

	/**
	 * Before the application context starts: whether the database holds the data set of
	 * this version and size with an up-to-date schema; if not, it is dropped and created
	 * empty.
	 */
	static synchronized boolean prepare() {
		if (reusable != null) {
			return reusable;
		}
		try {
			boolean current = exists() && MARKER.equals(marker()) && schemaIsCurrent();
			if (!current) {
				try (Connection server = DriverManager.getConnection(serverUrl(), USER, PASSWORD);
						Statement statement = server.createStatement()) {
					statement.execute("DROP DATABASE IF EXISTS `" + database() + "`");
					statement.execute("CREATE DATABASE `" + database() + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
				}
			}
			reusable = current;
			return current;
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot prepare the plan test database " + URL, ex);
		}
	}

	private static boolean exists() throws SQLException {
		try (Connection server = DriverManager.getConnection(serverUrl(), USER, PASSWORD);
				Statement statement = server.createStatement();
				ResultSet rs = statement.executeQuery("SELECT 1 FROM information_schema.tables WHERE table_schema = '"
						+ database() + "' AND table_name = 'plan_marker'")) {
			return rs.next();
		}
	}

	private static String marker() throws SQLException {
		try (Connection connection = connect();
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT marker FROM plan_marker")) {
			return rs.next() ? rs.getString(1) : null;
		}
	}

	private static boolean schemaIsCurrent() {
		Flyway flyway = Flyway.configure()
			.dataSource(URL, USER, PASSWORD)
			.locations("classpath:db/migration", MariaDbSettings.MIGRATIONS)
			.initSql(MariaDbSettings.SESSION)
			.placeholders(Map.of("statementTimeout", "0"))
			.load();
		return flyway.info().pending().length == 0 && flyway.validateWithResult().validationSuccessful;
	}

	/** A connection with the application's session settings (SQL mode, UTC). */
	static Connection connect() throws SQLException {
		Connection connection = DriverManager.getConnection(URL, USER, PASSWORD);
		try (Statement statement = connection.createStatement()) {
			statement.execute(MariaDbSettings.SESSION);
		}
		return connection;
	}

	/**
	 * Fills the freshly migrated database: runs {@code plan-data-mariadb.sql}, lets
	 * {@code rebuildQueues} count the queue segments, updates the optimizer's statistics
	 * and writes the marker.
	 */
	static void generate(String passwordHash, Runnable rebuildQueues) {
		long start = System.nanoTime();
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			for (String sql : PlanData.script("plan-data-mariadb.sql", passwordHash)) {
				statement.execute(sql);
			}
			rebuildQueues.run();
			statement.execute("ANALYZE TABLE " + String.join(", ", TABLES));
			statement.execute("CREATE TABLE plan_marker (marker VARCHAR(200) NOT NULL)");
			statement.execute("INSERT INTO plan_marker (marker) VALUES ('" + MARKER + "')");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Generating the plan test data failed", ex);
		}
		System.out.printf("[queuedesk] Plan test data generated in %s: %,d tickets in %.0f s%n", database(), TICKETS,
				(System.nanoTime() - start) / 1e9);
	}

}
