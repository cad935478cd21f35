package io.queuedesk.system;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.flywaydb.core.Flyway;

/**
 * The database of the plan tests ({@link QueryPlanTest}): its own database on the server
 * of the PostgreSQL run (the run's database name + {@code _plans}, or
 * {@code -Dqueuedesk.test.plans-url}), so the shared test database stays small. The
 * generated data set is kept between runs: the database's comment records the generator
 * version and size, and a run reuses the data when the comment matches and no migration
 * is pending; otherwise it empties the schema, lets Flyway create it when the application
 * starts, and generates the data again ({@link #generate}).
 * <p>
 * The data come from {@code plan-data.sql} until {@code generate-data} (branch perf-gen)
 * is on main; then {@link #generate} can call that command instead, with the constants
 * below (accounts, search words) set to what it generates and {@link #GENERATOR_VERSION}
 * raised.
 */
final class PlanData {

	/** Raise when plan-data.sql changes, so cached databases are generated again. */
	static final int GENERATOR_VERSION = 2;

	static final int TICKETS = Integer.getInteger("queuedesk.test.plans-tickets", 200_000);

	static final String USER = System.getProperty("spring.datasource.username", "postgres");

	static final String PASSWORD = System.getProperty("spring.datasource.password", "");

	static final String URL = System.getProperty("queuedesk.test.plans-url", derivedUrl());

	static final String DATABASE = databaseOf(URL);

	// What the tests need to know of the generated data; all else they look up.

	static final String ADMIN = "plan-admin-1@plans.example";

	static final String DEVELOPER = "plan-dev-1@plans.example";

	/** plan-user-1 happens to have no queued ticket in this data set. */
	static final String SUBMITTER = "plan-user-2@plans.example";

	/** In about 1.7 % of the titles. */
	static final String FREQUENT_WORD = "ledger";

	/** In about 50 titles. */
	static final String RARE_WORD = "zephyrine";

	private static final String MARKER = "queuedesk plan data v" + GENERATOR_VERSION + ", " + TICKETS + " tickets";

	private static final List<String> GUARDED_TABLES = List.of("tickets", "comments", "activity_log", "attachments",
			"attachment_chunks");

	private static Boolean reusable;

	private PlanData() {
	}

	/** The run's database URL with {@code _plans} appended to the database name. */
	private static String derivedUrl() {
		String url = System.getProperty("spring.datasource.url", "jdbc:postgresql://127.0.0.1:5432/queuedesk_test");
		int slash = url.lastIndexOf('/');
		int query = url.indexOf('?', slash);
		return query < 0 ? url + "_plans" : url.substring(0, query) + "_plans" + url.substring(query);
	}

	private static String databaseOf(String url) {
		int slash = url.lastIndexOf('/');
		int query = url.indexOf('?', slash);
		return query < 0 ? url.substring(slash + 1) : url.substring(slash + 1, query);
	}

	/**
	 * Before the application context starts: creates the database if missing and tells
	 * whether it holds the generated data set of this version and size with an up-to-date
	 * schema. If not, it empties the schema (Flyway then creates it) so that
	 * {@link #generate} starts from scratch.
	 */
	static synchronized boolean prepare() {
		if (reusable != null) {
			return reusable;
		}
		try {
			createDatabaseIfMissing();
			boolean current = MARKER.equals(marker()) && schemaIsCurrent();
			if (!current) {
				try (Connection connection = connect(); Statement statement = connection.createStatement()) {
					statement.execute("COMMENT ON DATABASE \"" + DATABASE + "\" IS NULL");
					statement.execute("DROP SCHEMA IF EXISTS public CASCADE");
					statement.execute("CREATE SCHEMA public");
				}
			}
			reusable = current;
			return current;
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot prepare the plan test database " + URL, ex);
		}
	}

	/** Flyway would apply nothing and every applied migration matches its file. */
	private static boolean schemaIsCurrent() {
		Flyway flyway = Flyway.configure()
			.dataSource(URL, USER, PASSWORD)
			.locations("classpath:db/migration", "classpath:db/standard", "classpath:db/vendor/postgresql")
			.placeholders(Map.of("statementTimeout", "0"))
			.load();
		return flyway.info().pending().length == 0 && flyway.validateWithResult().validationSuccessful;
	}

	private static String marker() throws SQLException {
		try (Connection connection = connect();
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(
						"SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = current_database()")) {
			return rs.next() ? rs.getString(1) : null;
		}
	}

	static Connection connect() throws SQLException {
		return DriverManager.getConnection(URL, USER, PASSWORD);
	}

	private static void createDatabaseIfMissing() throws SQLException {
		String maintenanceUrl = URL.substring(0, URL.lastIndexOf('/') + 1) + "postgres";
		try (Connection connection = DriverManager.getConnection(maintenanceUrl, USER, PASSWORD);
				Statement statement = connection.createStatement();
				ResultSet existing = statement
					.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
			if (!existing.next()) {
				statement.execute("CREATE DATABASE \"" + DATABASE + "\"");
			}
		}
	}

	/**
	 * Fills the freshly migrated database: drops the indexes of the big tables, runs
	 * {@code plan-data.sql}, builds the indexes again (one bulk build is several times
	 * faster than maintaining them row by row, above all the GIN indexes), lets
	 * {@code rebuildQueues} count the queue segments, vacuums and analyses, and finally
	 * writes the marker.
	 */
	static void generate(String passwordHash, Runnable rebuildQueues) {
		long start = System.nanoTime();
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			statement.execute("SET statement_timeout = 0");
			statement.execute("SET maintenance_work_mem = '256MB'");
			List<String> indexes = new ArrayList<>();
			List<String> names = new ArrayList<>();
			try (ResultSet rs = statement.executeQuery("""
					SELECT i.indexname, i.indexdef FROM pg_indexes i
					WHERE i.schemaname = 'public' AND i.tablename IN ('tickets', 'comments', 'activity_log')
					  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)
					""")) {
				while (rs.next()) {
					names.add(rs.getString(1));
					indexes.add(rs.getString(2));
				}
			}
			for (String name : names) {
				statement.execute("DROP INDEX \"" + name + "\"");
			}
			long phase = System.nanoTime();
			for (String sql : script(passwordHash)) {
				statement.execute(sql);
			}
			String times = "rows %.0f s".formatted((System.nanoTime() - phase) / 1e9);
			phase = System.nanoTime();
			for (String index : indexes) {
				statement.execute(index);
			}
			times += ", indexes %.0f s".formatted((System.nanoTime() - phase) / 1e9);
			phase = System.nanoTime();
			rebuildQueues.run();
			// Vacuumed, as autovacuum would have done on a real desk: index-only scans
			// need the
			// visibility map, and the planner chooses differently without it.
			for (String table : GUARDED_TABLES) {
				statement.execute("VACUUM (ANALYZE) " + table);
			}
			statement.execute("ANALYZE");
			times += ", queues, vacuum and analyse %.0f s".formatted((System.nanoTime() - phase) / 1e9);
			System.out.println("[queuedesk] Plan test data: " + times);
			statement.execute("COMMENT ON DATABASE \"" + DATABASE + "\" IS '" + MARKER + "'");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Generating the plan test data failed", ex);
		}
		System.out.printf("[queuedesk] Plan test data generated in %s: %,d tickets in %.0f s%n", DATABASE, TICKETS,
				(System.nanoTime() - start) / 1e9);
	}

	/**
	 * The statements of plan-data.sql: comment lines dropped, split where a line ends
	 * with ';'.
	 */
	static List<String> script(String passwordHash) {
		return script("plan-data.sql", passwordHash);
	}

	/** The statements of a data script of this package (PostgreSQL's, or MariaDB's). */
	static List<String> script(String resource, String passwordHash) {
		try (InputStream in = PlanData.class.getResourceAsStream(resource)) {
			String text = new String(in.readAllBytes(), StandardCharsets.UTF_8)
				.replace("${tickets}", Integer.toString(TICKETS))
				.replace("${hash}", passwordHash.replace("'", "''"));
			StringBuilder withoutComments = new StringBuilder();
			for (String line : text.split("\n")) {
				if (!line.strip().startsWith("--")) {
					withoutComments.append(line).append('\n');
				}
			}
			return Arrays.stream(withoutComments.toString().split(";\\s*\n"))
				.map(String::strip)
				.filter(sql -> !sql.isEmpty())
				.toList();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
