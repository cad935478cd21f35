package io.queuedesk.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.queuedesk.DatabaseRun;

/**
 * What every pooled connection to MariaDB carries (system/MariaDbSettings), so the SQL
 * written for PostgreSQL means the same there. The session checks run in the MariaDB run
 * only.
 */
@SpringBootTest
class MariaDbSettingsTest {

	@Autowired
	DataSource pool;

	@Autowired
	JdbcClient jdbc;

	@Test
	void onlyMariaDbAndMySqlUrlsGetTheSettings() {
		assertThat(MariaDbSettings.appliesTo("jdbc:mariadb://db:3306/q")).isTrue();
		assertThat(MariaDbSettings.appliesTo("jdbc:mysql://db:3306/q")).isTrue();
		assertThat(MariaDbSettings.appliesTo("jdbc:postgresql://db/q")).isFalse();
		assertThat(MariaDbSettings.appliesTo("jdbc:h2:mem:q")).isFalse();
		assertThat(MariaDbSettings.connectionInitSql(30_000)).endsWith("/*M!, max_statement_time = 30.0 */");
		assertThat(MariaDbSettings.connectionInitSql(0)).contains("max_statement_time = 0.0");
	}

	@Test
	void everyConnectionIsStrictUtcAndReadCommitted() throws SQLException {
		assumeTrue(DatabaseRun.isMariaDbRun(), "MariaDB run only");
		try (Connection connection = pool.getConnection()) {
			assertThat(connection.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_READ_COMMITTED);
		}
		assertThat(jdbc.sql("select @@session.sql_mode").query(String.class).single()).contains("STRICT_ALL_TABLES",
				"PIPES_AS_CONCAT", "NO_BACKSLASH_ESCAPES");
		assertThat(jdbc.sql("select @@session.time_zone").query(String.class).single()).isEqualTo("+00:00");
		assertThat(jdbc.sql("select @@session.tx_isolation").query(String.class).single()).isEqualTo("READ-COMMITTED");
	}

	@Test
	void sqlWrittenForPostgreSqlMeansTheSame() {
		assumeTrue(DatabaseRun.isMariaDbRun(), "MariaDB run only");
		assertThat(jdbc.sql("select 'a' || 'b'").query(String.class).single()).as("|| joins").isEqualTo("ab");
		assertThat(jdbc.sql("select 'a\\b'").query(String.class).single()).as("a backslash is a backslash")
			.isEqualTo("a\\b");
		assertThat(jdbc.sql("select count(*) from roles where name = 'admin'").query(Integer.class).single())
			.as("a column compares exactly, as in PostgreSQL")
			.isZero();
	}

	@Test
	void instantsGoInAndComeOutAsTheSameInstant() {
		assumeTrue(DatabaseRun.isMariaDbRun(), "MariaDB run only");
		Instant instant = Instant.parse("2026-03-29T01:30:00.123456Z");
		Timestamp stored = jdbc.sql("select cast(? as datetime(6))")
			.param(Timestamp.from(instant))
			.query(Timestamp.class)
			.single();
		assertThat(stored.toInstant()).isEqualTo(instant);
		assertThat(jdbc.sql("select cast(? as char)").param(Timestamp.from(instant)).query(String.class).single())
			.as("stored as UTC wall time")
			.startsWith("2026-03-29 01:30:00.123456");
	}

}
