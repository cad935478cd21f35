package io.queuedesk.system;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the app sets on every connection to MariaDB (or MySQL), so that the SQL written
 * for PostgreSQL means the same there (docs/OPERATIONS.md#mariadb-and-mysql). Added to
 * the environment by {@link DatabaseUrlEnvironmentPostProcessor} when the datasource URL
 * is {@code jdbc:mariadb:} or {@code jdbc:mysql:}.
 */
final class MariaDbSettings {

	static final String SOURCE_NAME = "queuedeskMariaDb";

	/**
	 * Strict: a value that does not fit is an error, never silently cut or zeroed.
	 * {@code PIPES_AS_CONCAT}: {@code ||} joins strings, as in standard SQL (not a
	 * logical OR). {@code NO_BACKSLASH_ESCAPES}: a backslash in a literal is a backslash,
	 * as in PostgreSQL, so {@code like ? escape '\'} reads the same on both.
	 */
	static final String SQL_MODE = "STRICT_ALL_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_ZERO_DATE,NO_ZERO_IN_DATE,"
			+ "NO_ENGINE_SUBSTITUTION,PIPES_AS_CONCAT,NO_BACKSLASH_ESCAPES";

	/**
	 * Timestamps are DATETIME columns holding UTC: the session's zone is UTC, whatever
	 * the server's default, and the driver converts instants with the same zone.
	 */
	private static final String SESSION = "SET SESSION sql_mode = '" + SQL_MODE + "', time_zone = '+00:00'";

	private MariaDbSettings() {
	}

	static boolean appliesTo(String jdbcUrl) {
		return jdbcUrl != null && (jdbcUrl.startsWith("jdbc:mariadb:") || jdbcUrl.startsWith("jdbc:mysql:"));
	}

	static Map<String, Object> properties() {
		Map<String, Object> properties = new LinkedHashMap<>();
		// The statement timeout (seconds on MariaDB; MySQL has no such variable, so it is
		// in a comment only MariaDB executes) and a row lock waited for at most 10 s, as
		// on the embedded H2.
		properties.put("spring.datasource.hikari.connection-init-sql", SESSION
				+ ", innodb_lock_wait_timeout = 10 /*M!, max_statement_time = ${queuedesk.db.statement-timeout-ms} / 1000 */");
		// Migrations run on a connection of their own (system/MigrationConnection), with
		// no
		// statement timeout.
		properties.put("spring.flyway.init-sql", SESSION);
		// PostgreSQL's default; InnoDB's REPEATABLE READ would take gap locks the queue's
		// locking was not designed for.
		properties.put("spring.datasource.hikari.transaction-isolation", "TRANSACTION_READ_COMMITTED");
		properties.put("spring.flyway.locations", "classpath:db/migration,classpath:db/vendor/mariadb");
		// The driver's timeouts are in milliseconds (PostgreSQL's, in
		// application.properties,
		// in seconds).
		String driver = "spring.datasource.hikari.data-source-properties.";
		properties.put(driver + "connectTimeout", "${DB_CONNECT_TIMEOUT_S:5}000");
		properties.put(driver + "socketTimeout", "${DB_SOCKET_TIMEOUT_S:45}000");
		properties.put(driver + "connectionTimeZone", "UTC");
		return properties;
	}

}
