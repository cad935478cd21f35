package io.queuedesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.sql.Statement;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.queuedesk.system.CommandRunner;

/**
 * The jar's commands end to end through {@link QueuedeskApplication#runCommand}, each
 * against a private in-memory H2 database so that nothing touches the database the other
 * tests share.
 */
@ExtendWith(OutputCaptureExtension.class)
class QueuedeskApplicationTest {

	final String url = "jdbc:h2:mem:cmd-" + UUID.randomUUID()
			+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";

	@AfterEach
	void dropDatabase() throws SQLException {
		try (Connection connection = DriverManager.getConnection(url, "sa", "");
				Statement statement = connection.createStatement()) {
			statement.execute("SHUTDOWN");
		}
	}

	@Test
	void createUserExitsZeroAndWritesTheUser(CapturedOutput output) throws SQLException {
		int exit = QueuedeskApplication.runCommand("create-user", "--email=Ops@Example.org", "--password=Str0ng-pass",
				"--role=ADMIN,DEVELOPER", "--name=Ops", "--spring.datasource.url=" + url,
				"--spring.datasource.username=sa", "--spring.datasource.password=");

		assertThat(exit).isZero();
		assertThat(output.getOut()).contains("Created user ops@example.org");
		assertThat(query("select count(*) from users where email = 'ops@example.org'")).isEqualTo(1);
		assertThat(query("select count(*) from user_roles")).isEqualTo(2);
		assertThat(query("select count(*) from users where email = 'admin@example.com'")).as("no demo data").isZero();
	}

	@Test
	void unknownCommandExitsNonZeroAndListsTheCommands(CapturedOutput output) {
		int exit = QueuedeskApplication.runCommand("frobnicate", "--spring.datasource.url=" + url,
				"--spring.datasource.username=sa", "--spring.datasource.password=");

		assertThat(exit).isEqualTo(CommandRunner.EXIT_USAGE);
		assertThat(output.getErr()).contains("unknown command 'frobnicate'")
			.contains("create-user")
			.contains("reset-database");
	}

	/**
	 * generate-data's index builds at a million tickets outlast the web application's 45
	 * s socket timeout on a loaded machine; a command must lift it like the statement
	 * timeout, whatever the environment says.
	 */
	@Test
	void aCommandRunsWithoutStatementOrSocketTimeout() {
		try (GenericApplicationContext context = new GenericApplicationContext()) {
			context.getEnvironment()
				.getPropertySources()
				.addLast(new MapPropertySource("fromTheEnvironment", Map.of(QueuedeskApplication.SOCKET_TIMEOUT, "45",
						QueuedeskApplication.STATEMENT_TIMEOUT, "30000")));

			QueuedeskApplication.applyCommandSettings(context);

			assertThat(context.getEnvironment().getProperty(QueuedeskApplication.SOCKET_TIMEOUT)).isEqualTo("0");
			assertThat(context.getEnvironment().getProperty(QueuedeskApplication.STATEMENT_TIMEOUT)).isEqualTo("0");
		}
	}

	@Test
	void aCommandThatCannotStartExitsNonZero(CapturedOutput output) {
		int exit = QueuedeskApplication.runCommand("populate-database",
				"--spring.datasource.url=jdbc:nosuchdb:nowhere");

		assertThat(exit).isEqualTo(CommandRunner.EXIT_FAILURE);
		assertThat(output.getErr()).contains("error: populate-database").contains("jdbc:nosuchdb");
	}

	@Test
	void populateThenResetWithForceLeavesAnEmptyMigratedDatabase(CapturedOutput output) throws SQLException {
		assertThat(run("populate-database")).isZero();
		assertThat(query("select count(*) from users")).isEqualTo(4);
		assertThat(query("select count(*) from tickets")).as("12 queued, 4 completed").isEqualTo(16);
		assertThat(query("select count(*) from activity_log")).as("written by the services").isPositive();
		assertThat(query("select count(*) from mail_outbox")).as("the demo mails nobody").isZero();

		assertThat(run("populate-database")).isZero();
		assertThat(output.getOut()).contains("Demo data created.").contains("already present");
		assertThat(query("select count(*) from users")).isEqualTo(4);

		assertThat(run("reset-database", "--force")).isZero();
		assertThat(output.getOut()).contains("Database reset");
		assertThat(query("select count(*) from users")).isZero();
		assertThat(query("select count(*) from tickets")).isZero();
		assertThat(query("select count(*) from roles")).as("reference rows of the migration").isEqualTo(3);
		assertThat(query("select count(*) from flyway_schema_history where version = '1' and success")).isEqualTo(1);
	}

	private int run(String... commandAndOptions) {
		String[] args = new String[commandAndOptions.length + 3];
		System.arraycopy(commandAndOptions, 0, args, 0, commandAndOptions.length);
		args[commandAndOptions.length] = "--spring.datasource.url=" + url;
		args[commandAndOptions.length + 1] = "--spring.datasource.username=sa";
		args[commandAndOptions.length + 2] = "--spring.datasource.password=";
		return QueuedeskApplication.runCommand(args);
	}

	private long query(String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(url, "sa", "");
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			result.next();
			return result.getLong(1);
		}
	}

}
