package io.queuedesk.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.queuedesk.DatabaseRun;
import io.queuedesk.system.CommandRunner;

/**
 * {@code populate-database} and {@code reset-database}
 * (docs/RULES.md#demo-data-and-commands) on the shared test database. The destructive
 * path of reset runs only against a private database, in QueuedeskApplicationTest.
 */
@SpringBootTest
class DatabaseCommandsTest {

	@Autowired
	PopulateDatabaseCommand populate;

	@Autowired
	ResetDatabaseCommand reset;

	@Autowired
	JdbcClient jdbc;

	final ByteArrayOutputStream out = new ByteArrayOutputStream();

	final ByteArrayOutputStream err = new ByteArrayOutputStream();

	@Test
	void populateTwiceChangesNothingAndSaysSo() {
		populate.run(new DefaultApplicationArguments(), print(out), print(err));
		out.reset();
		long users = count("users");
		long tickets = count("tickets");
		long clients = count("clients");

		assertThat(populate.run(new DefaultApplicationArguments(), print(out), print(err))).isZero();

		assertThat(out.toString(StandardCharsets.UTF_8)).contains("already present").contains("nothing changed");
		assertThat(count("users")).isEqualTo(users);
		assertThat(count("tickets")).isEqualTo(tickets);
		assertThat(count("clients")).isEqualTo(clients);
	}

	@Test
	void resetIsRefusedOnADatabaseServerWithoutForce() {
		Assumptions.assumeTrue(DatabaseRun.isServerRun(),
				"only the PostgreSQL and MariaDB runs have a production database");
		long users = count("users");
		long tickets = count("tickets");

		int exit = reset.run(new DefaultApplicationArguments(), print(out), print(err));

		assertThat(exit).isEqualTo(CommandRunner.EXIT_FAILURE);
		assertThat(err.toString(StandardCharsets.UTF_8)).contains(DatabaseRun.name()).contains("--force");
		assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
		assertThat(count("users")).isEqualTo(users).isPositive();
		assertThat(count("tickets")).isEqualTo(tickets);
	}

	@Test
	void resetOfANonEmbeddedDatabaseNeverTouchesFlywayWithoutForce() {
		Flyway flyway = mock(Flyway.class);
		DatabaseInfo production = mock(DatabaseInfo.class);
		given(production.isEmbedded()).willReturn(false);
		given(production.productName()).willReturn("PostgreSQL");

		int exit = new ResetDatabaseCommand(flyway, production).run(new DefaultApplicationArguments("--confirm"),
				print(out), print(err));

		assertThat(exit).isEqualTo(CommandRunner.EXIT_FAILURE);
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("refusing").contains("--force");
		verifyNoInteractions(flyway);
	}

	private long count(String table) {
		return jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

	private static PrintStream print(ByteArrayOutputStream target) {
		return new PrintStream(target, true, StandardCharsets.UTF_8);
	}

}
