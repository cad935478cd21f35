package io.queuedesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.test.context.SpringBootTest;

import io.queuedesk.DatabaseRun;

/**
 * Migrations run without the statement timeout of the pool's connections (a long upgrade
 * is not cancelled), while the app's own connections keep it. On H2, PostgreSQL and
 * MariaDB.
 */
@SpringBootTest
class MigrationConnectionTest {

	@Autowired
	DataSource pool;

	@Autowired
	List<FlywayConfigurationCustomizer> customizers;

	@Autowired
	Flyway flyway;

	@Test
	void flywaysConnectionHasNoStatementTimeoutButThePoolsHave() throws SQLException {
		FluentConfiguration migration = Flyway.configure();
		customizers.forEach(customizer -> customizer.customize(migration));

		try (Connection connection = migration.getDataSource().getConnection()) {
			assertThat(timeoutMillis(connection)).as("migration connection").isZero();
		}
		if (DatabaseRun.isServerRun()) {
			// The test H2 URL sets no QUERY_TIMEOUT; the PostgreSQL pool carries the
			// default option, MariaDB's its connection-init SQL.
			try (Connection connection = pool.getConnection()) {
				assertThat(timeoutMillis(connection)).as("pooled connection").isEqualTo(30_000);
			}
		}
		assertThat(flyway.getConfiguration().getDataSource()).as("the app's Flyway uses it").isNotSameAs(pool);
	}

	@Test
	void theH2SettingIsTakenOutOfTheUrl() {
		assertThat(MigrationConnection
			.withoutQueryTimeout("jdbc:h2:file:./data/q;MODE=PostgreSQL;QUERY_TIMEOUT=30000;LOCK_TIMEOUT=1"))
			.isEqualTo("jdbc:h2:file:./data/q;MODE=PostgreSQL;LOCK_TIMEOUT=1");
	}

	private static long timeoutMillis(Connection connection) throws SQLException {
		String sql = DatabaseRun.isPostgresRun()
				? "select setting::bigint from pg_settings where name = 'statement_timeout'"
				: DatabaseRun.isMariaDbRun() ? "select cast(@@max_statement_time * 1000 as signed)"
						: "select cast(setting_value as bigint) from information_schema.settings where setting_name = 'QUERY_TIMEOUT'";
		try (ResultSet rows = connection.createStatement().executeQuery(sql)) {
			rows.next();
			return rows.getLong(1);
		}
	}

}
