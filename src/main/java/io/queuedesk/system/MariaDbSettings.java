package io.queuedesk.system;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.PriorityOrdered;
import org.springframework.core.env.Environment;

/**
 * What the app sets on every connection to MariaDB (or MySQL), so that the SQL written
 * for PostgreSQL means the same there (docs/OPERATIONS.md#mariadb-and-mysql). Decided
 * from the datasource URL the pool and Flyway actually get ({@code jdbc:mariadb:} or
 * {@code jdbc:mysql:}), so a URL set late (a test's) is seen too. An auto-configuration
 * (META-INF/spring), so that a test slice that runs Flyway ({@code @DataJpaTest}, which
 * imports it in the test resources) migrates MariaDB with MariaDB's migrations too.
 */
@AutoConfiguration
class MariaDbSettings {

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
	 * {@code innodb_ft_enable_stopword = OFF}: a FULLTEXT index takes the stopword
	 * setting of the session that builds it, also when a later ALTER TABLE rebuilds it;
	 * the ticket search index has none (db/vendor/mariadb/V8), so "the" or "who" can be
	 * searched as on PostgreSQL.
	 */
	static final String SESSION = "SET SESSION sql_mode = '" + SQL_MODE + "', time_zone = '+00:00'"
			+ ", innodb_ft_enable_stopword = OFF";

	static final String MIGRATIONS = "classpath:db/vendor/mariadb";

	static boolean appliesTo(String jdbcUrl) {
		return jdbcUrl != null && (jdbcUrl.startsWith("jdbc:mariadb:") || jdbcUrl.startsWith("jdbc:mysql:"));
	}

	/**
	 * The session settings, the statement timeout (seconds on MariaDB; MySQL has no such
	 * variable, so it is in a comment only MariaDB executes) and a row lock waited for at
	 * most 10 s, as on the embedded H2.
	 */
	static String connectionInitSql(long statementTimeoutMillis) {
		return SESSION + ", innodb_lock_wait_timeout = 10 /*M!, max_statement_time = "
				+ (statementTimeoutMillis / 1000.0) + " */";
	}

	/**
	 * The pool, once Boot bound its settings: the session settings on every new
	 * connection; READ COMMITTED, PostgreSQL's default (InnoDB's REPEATABLE READ takes
	 * gap locks the queue's locking was not designed for); the driver's timeouts in
	 * milliseconds, where application.properties gives PostgreSQL's seconds. First of the
	 * post-processors, so that it sees the pool itself before anything wraps it (a test's
	 * statement-counting proxy did, and its context ran with none of these settings).
	 */
	@Bean
	static PoolSettings mariaDbPool(Environment environment) {
		return new PoolSettings(environment);
	}

	static final class PoolSettings implements BeanPostProcessor, PriorityOrdered {

		private final Environment environment;

		PoolSettings(Environment environment) {
			this.environment = environment;
		}

		@Override
		public Object postProcessAfterInitialization(Object bean, String beanName) {
			if (bean instanceof HikariDataSource pool && appliesTo(pool.getJdbcUrl())) {
				long timeout = environment.getProperty("queuedesk.db.statement-timeout-ms", Long.class, 30_000L);
				pool.setConnectionInitSql(connectionInitSql(timeout));
				pool.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
				inMillis(pool, "connectTimeout");
				inMillis(pool, "socketTimeout");
				pool.addDataSourceProperty("connectionTimeZone", "UTC");
			}
			return bean;
		}

		@Override
		public int getOrder() {
			return Ordered.HIGHEST_PRECEDENCE;
		}

	}

	private static void inMillis(HikariDataSource pool, String property) {
		Object seconds = pool.getDataSourceProperties().get(property);
		if (seconds != null) {
			pool.addDataSourceProperty(property, String.valueOf(Long.parseLong(seconds.toString().strip()) * 1000));
		}
	}

	/**
	 * Migrations: db/migration and MariaDB's own (not db/standard, whose identity columns
	 * and time zones MariaDB lacks), with the session settings but no statement timeout
	 * (Flyway's connection is its own: {@link MigrationConnection}).
	 */
	@Bean
	FlywayConfigurationCustomizer mariaDbMigrations(DataSourceProperties dataSource) {
		return flyway -> {
			if (appliesTo(dataSource.determineUrl())) {
				flyway.locations("classpath:db/migration", MIGRATIONS).initSql(SESSION);
			}
		};
	}

}
