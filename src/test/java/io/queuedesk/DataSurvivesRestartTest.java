package io.queuedesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The embedded default (docs/RULES.md#operations): an H2 file database whose data
 * survives restarts, with demo data created on the first start only
 * (queuedesk.demo-data=auto, as in production).
 */
class DataSurvivesRestartTest {

	@TempDir
	Path directory;

	@Test
	void firstStartCreatesDemoDataAndLaterStartsKeepEverything() {
		String url = "jdbc:h2:file:" + directory.resolve("qd").toAbsolutePath()
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
		String[] settings = { "--spring.datasource.url=" + url, "--spring.datasource.username=sa",
				"--spring.datasource.password=", "--queuedesk.demo-data=auto" };

		try (ConfigurableApplicationContext first = start(settings)) {
			JdbcClient jdbc = first.getBean(JdbcClient.class);
			assertThat(count(jdbc, "select count(*) from users where email like '%@example.com'")).isEqualTo(4);
			assertThat(count(jdbc, "select count(*) from tickets")).as("12 queued, 4 completed").isEqualTo(16);
			assertThat(count(jdbc, "select count(*) from tickets where queue_rank is not null")).isEqualTo(12);
		}

		String[] createUser = { "create-user", "--email=kept@test.example", "--password=Str0ng-pass",
				"--role=SUBMITTER", settings[0], settings[1], settings[2] };
		assertThat(QueuedeskApplication.runCommand(createUser)).isZero();

		try (ConfigurableApplicationContext second = start(settings)) {
			JdbcClient jdbc = second.getBean(JdbcClient.class);
			assertThat(count(jdbc, "select count(*) from users where email = 'kept@test.example'")).isEqualTo(1);
			assertThat(count(jdbc, "select count(*) from users where email like '%@example.com'")).isEqualTo(4);
			assertThat(count(jdbc, "select count(*) from users")).isEqualTo(5);
			assertThat(count(jdbc, "select count(*) from clients")).isEqualTo(3);
			assertThat(count(jdbc, "select count(*) from tickets")).isEqualTo(16);
		}
	}

	private static ConfigurableApplicationContext start(String... args) {
		return new SpringApplicationBuilder(QueuedeskApplication.class).web(WebApplicationType.NONE).run(args);
	}

	private static long count(JdbcClient jdbc, String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

}
