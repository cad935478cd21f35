package io.queuedesk.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/**
 * The embedded H2 keeps enforcing a CHECK constraint after the connection that created it
 * has closed, as the pool does with Flyway's connection some minutes after the first
 * start. H2 2.4.240 failed every later insert there ("Check constraint invalid"); the pom
 * pins a release without that fault.
 */
class EmbeddedDatabaseTest {

	@Test
	void checkConstraintsOutliveTheConnectionThatCreatedThem() throws Exception {
		String url = "jdbc:h2:mem:check-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
		try (Connection keepAlive = DriverManager.getConnection(url)) {
			try (Connection migrating = DriverManager.getConnection(url); Statement sql = migrating.createStatement()) {
				sql.execute(
						"create table t (status varchar(20) not null, constraint ck_t check (status in ('OPEN', 'DONE')))");
			}
			try (Connection later = DriverManager.getConnection(url); Statement sql = later.createStatement()) {
				sql.execute("insert into t values ('OPEN')");
				try (ResultSet rows = sql.executeQuery("select count(*) from t")) {
					rows.next();
					assertThat(rows.getInt(1)).isEqualTo(1);
				}
				assertThat(catchThrowable(() -> sql.execute("insert into t values ('LOST')")))
					.as("the constraint still refuses a bad value")
					.hasMessageContaining("ck_t");
			}
		}
	}

}
