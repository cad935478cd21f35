package io.queuedesk.system;

import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Flyway migrates over a connection of its own, opened for the migration and closed after
 * it, without the statement timeout that every pooled connection carries
 * (DB_STATEMENT_TIMEOUT_MS): an upgrade may rewrite and index a large table for minutes
 * (V7 and V8 on a million tickets), and a timeout would roll it back at every start.
 * Pooled connections keep their limit.
 */
@Configuration(proxyBeanMethods = false)
class MigrationConnection {

	@Bean
	FlywayConfigurationCustomizer migrationsWithoutStatementTimeout(DataSourceProperties dataSource) {
		return flyway -> flyway.dataSource(withoutQueryTimeout(dataSource.determineUrl()),
				dataSource.determineUsername(), dataSource.determinePassword());
	}

	/**
	 * The URL without H2's {@code QUERY_TIMEOUT} setting; PostgreSQL's timeout is a
	 * driver option of the pool, not part of the URL, so a connection of Flyway's own has
	 * none.
	 */
	static String withoutQueryTimeout(String url) {
		return url.replaceAll("(?i);QUERY_TIMEOUT=[^;]*", "");
	}

}
