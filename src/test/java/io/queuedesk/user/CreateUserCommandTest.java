package io.queuedesk.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import io.queuedesk.system.CliCommand;
import io.queuedesk.system.CommandRunner;

/**
 * {@code create-user} (docs/RULES.md#demo-data-and-commands): creates a valid account, or
 * refuses clearly and writes nothing.
 */
@SpringBootTest
class CreateUserCommandTest {

	@Autowired
	CreateUserCommand command;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	final ByteArrayOutputStream out = new ByteArrayOutputStream();

	final ByteArrayOutputStream err = new ByteArrayOutputStream();

	@Test
	void createsAUserWithLowerCasedEmailHashedPasswordAndAnAuditEntry() {
		String email = TestUsers.uniqueEmail("Ops.Person").replace("@test.example", "@Test.EXAMPLE");

		assertThat(run("--email=" + email, "--password=Str0ng-pass", "--role=DEVELOPER", "--name=Ops Person")).isZero();

		String stored = email.toLowerCase(Locale.ROOT);
		var row = jdbc.sql("select id, display_name, password_hash from users where email = ?")
			.param(stored)
			.query()
			.singleRow();
		long id = ((Number) row.get("id")).longValue();
		assertThat(row.get("display_name")).isEqualTo("Ops Person");
		assertThat((String) row.get("password_hash")).startsWith("{bcrypt}$2").doesNotContain("Str0ng-pass");
		assertThat(encoder.matches("Str0ng-pass", (String) row.get("password_hash"))).isTrue();
		assertThat(roles(id)).containsExactly("DEVELOPER");
		assertThat(jdbc.sql("select actor_email from activity_log where action = 'USER_CREATED' and target_user_id = ?")
			.param(id)
			.query(String.class)
			.list()).containsExactly("system");
		assertThat(out()).contains("Created user " + stored).doesNotContain("Str0ng-pass");
		assertThat(err()).isEmpty();
	}

	@Test
	void acceptsSeveralRoles() {
		String email = TestUsers.uniqueEmail("both");

		assertThat(run("--email=" + email, "--password=Str0ng-pass", "--role=ADMIN,DEVELOPER")).isZero();

		long id = jdbc.sql("select id from users where email = ?").param(email).query(Long.class).single();
		assertThat(roles(id)).containsExactly("ADMIN", "DEVELOPER");
	}

	@Test
	void refusesABadEmail() {
		assertRefused(CommandRunner.EXIT_USAGE, "email", "--email=not-an-email", "--password=Str0ng-pass",
				"--role=SUBMITTER");
	}

	@Test
	void refusesAShortPassword() {
		assertRefused(CommandRunner.EXIT_USAGE, "password", "--email=" + TestUsers.uniqueEmail("short"),
				"--password=Seven77", "--role=SUBMITTER");
	}

	@Test
	void refusesControlCharactersInTheName() {
		assertRefused(CommandRunner.EXIT_USAGE, "displayName This field must not contain control characters",
				"--email=" + TestUsers.uniqueEmail("control"), "--password=Str0ng-pass", "--role=SUBMITTER",
				"--name=Ops\u0000Person");
	}

	@Test
	void refusesAnUnknownRole() {
		assertRefused(CommandRunner.EXIT_USAGE, "unknown role 'SUPERUSER'", "--email=" + TestUsers.uniqueEmail("role"),
				"--password=Str0ng-pass", "--role=DEVELOPER,SUPERUSER");
	}

	@Test
	void refusesMissingOptions() {
		assertRefused(CommandRunner.EXIT_USAGE, "required", "--email=" + TestUsers.uniqueEmail("missing"),
				"--role=SUBMITTER");
		assertRefused(CommandRunner.EXIT_USAGE, "usage: create-user");
	}

	@Test
	void refusesAnEmailThatExistsInAnotherCase() {
		assertRefused(CommandRunner.EXIT_FAILURE, "already exists", "--email=Admin@EXAMPLE.com",
				"--password=Str0ng-pass", "--role=SUBMITTER");
		assertThat(jdbc.sql("select display_name from users where email = 'admin@example.com'")
			.query(String.class)
			.single()).isEqualTo("Ada Admin");
	}

	@Test
	void everyCommandBeanIsKnownToTheLauncher(@Autowired List<CliCommand> commands) {
		assertThat(commands).extracting(CliCommand::name)
			.containsExactlyInAnyOrderElementsOf(CommandRunner.NAMES)
			.contains("create-user", "populate-database", "reset-database");
	}

	private void assertRefused(int exitCode, String message, String... args) {
		long users = count("users");
		long activity = count("activity_log");

		assertThat(run(args)).isEqualTo(exitCode);

		assertThat(err()).contains("error").contains(message).doesNotContain("Exception");
		assertThat(out()).isEmpty();
		assertThat(count("users")).as("no user written").isEqualTo(users);
		assertThat(count("activity_log")).as("no activity written").isEqualTo(activity);
		out.reset();
		err.reset();
	}

	private int run(String... args) {
		return command.run(new DefaultApplicationArguments(args), new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
	}

	private List<String> roles(long userId) {
		return jdbc.sql("select role from user_roles where user_id = ? order by role")
			.param(userId)
			.query(String.class)
			.list();
	}

	private long count(String table) {
		return jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

	private String out() {
		return out.toString(StandardCharsets.UTF_8);
	}

	private String err() {
		return err.toString(StandardCharsets.UTF_8);
	}

}
