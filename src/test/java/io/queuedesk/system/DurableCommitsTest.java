package io.queuedesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.queuedesk.QueuedeskApplication;

/**
 * Every H2 database on disk runs with {@code WRITE_DELAY=0} (commits written before they
 * are acknowledged), also behind a URL of the operator's own; a delay the URL chooses is
 * kept and warned about. {@code CrashDurabilityTest} shows what the delay costs.
 */
@ExtendWith(OutputCaptureExtension.class)
class DurableCommitsTest {

	@TempDir
	Path directory;

	@Test
	void onlyH2DatabasesOnDiskWithoutAChosenDelayGetWriteDelayZero() {
		assertThat(DurableCommits.withoutWriteDelay("jdbc:h2:file:/srv/qd;MODE=PostgreSQL"))
			.isEqualTo("jdbc:h2:file:/srv/qd;MODE=PostgreSQL;WRITE_DELAY=0");
		assertThat(DurableCommits.withoutWriteDelay("jdbc:h2:./data/qd")).isEqualTo("jdbc:h2:./data/qd;WRITE_DELAY=0");
		assertThat(DurableCommits.withoutWriteDelay("jdbc:h2:tcp://db:9092/qd")).endsWith(";WRITE_DELAY=0");
		assertThat(DurableCommits.withoutWriteDelay("jdbc:h2:file:./q;write_delay=200"))
			.isEqualTo("jdbc:h2:file:./q;write_delay=200");
		assertThat(DurableCommits.withoutWriteDelay("jdbc:h2:mem:test;MODE=PostgreSQL"))
			.isEqualTo("jdbc:h2:mem:test;MODE=PostgreSQL");
		assertThat(DurableCommits.withoutWriteDelay("jdbc:h2:tcp://db/mem:test"))
			.isEqualTo("jdbc:h2:tcp://db/mem:test");
		assertThat(DurableCommits.withoutWriteDelay("jdbc:postgresql://db:5432/qd"))
			.isEqualTo("jdbc:postgresql://db:5432/qd");
	}

	@Test
	void anOwnH2UrlWithoutADelayCommitsAtOnce(CapturedOutput output) {
		try (ConfigurableApplicationContext context = start(
				"jdbc:h2:file:" + directory.resolve("own") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE")) {
			assertThat(writeDelay(context)).isEqualTo("0");
		}
		assertThat(output).doesNotContain("WRITE_DELAY");
	}

	@Test
	void aDelayChosenInTheUrlIsKeptAndWarnedAbout(CapturedOutput output) {
		try (ConfigurableApplicationContext context = start("jdbc:h2:file:" + directory.resolve("delayed")
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;WRITE_DELAY=300")) {
			assertThat(writeDelay(context)).isEqualTo("300");
		}
		assertThat(output).contains("The H2 URL sets WRITE_DELAY=300");
	}

	private static ConfigurableApplicationContext start(String url) {
		return new SpringApplicationBuilder(QueuedeskApplication.class).web(WebApplicationType.NONE)
			.run("--spring.datasource.url=" + url, "--spring.datasource.username=sa", "--spring.datasource.password=",
					"--queuedesk.demo-data=false", "--logging.level.io.queuedesk.system.DurableCommits=WARN");
	}

	private static String writeDelay(ConfigurableApplicationContext context) {
		return context.getBean(JdbcClient.class)
			.sql("select setting_value from information_schema.settings where setting_name = 'WRITE_DELAY'")
			.query(String.class)
			.single();
	}

}
