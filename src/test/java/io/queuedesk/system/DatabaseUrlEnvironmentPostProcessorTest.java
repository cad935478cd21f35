package io.queuedesk.system;

import static io.queuedesk.system.DatabaseUrlEnvironmentPostProcessor.toDatasourceProperties;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * DATABASE_URL as cloud hosts set it becomes Spring's datasource settings
 * (docs/RULES.md#operations).
 */
class DatabaseUrlEnvironmentPostProcessorTest {

	@Test
	void convertsAFullUrl() {
		assertThat(toDatasourceProperties("postgres://app:s3cret@db.example.net:5432/queuedesk"))
			.containsExactlyInAnyOrderEntriesOf(
					Map.of("spring.datasource.url", "jdbc:postgresql://db.example.net:5432/queuedesk",
							"spring.datasource.username", "app", "spring.datasource.password", "s3cret"));
	}

	@Test
	void acceptsThePostgresqlScheme() {
		assertThat(toDatasourceProperties("postgresql://app:pw@host:6543/db")).containsEntry("spring.datasource.url",
				"jdbc:postgresql://host:6543/db");
	}

	@ParameterizedTest
	@ValueSource(strings = { "mariadb", "mysql" })
	void mariaDbAndMySqlGoThroughMariaDbsDriver(String scheme) {
		assertThat(toDatasourceProperties(scheme + "://app:s3cret@db.example.net:3306/queuedesk?useSsl=true"))
			.containsExactlyInAnyOrderEntriesOf(
					Map.of("spring.datasource.url", "jdbc:mariadb://db.example.net:3306/queuedesk?useSsl=true",
							"spring.datasource.username", "app", "spring.datasource.password", "s3cret"));
	}

	@Test
	void portIsOptional() {
		assertThat(toDatasourceProperties("postgres://app:pw@host/db")).containsEntry("spring.datasource.url",
				"jdbc:postgresql://host/db");
	}

	@Test
	void keepsTheQuery() {
		assertThat(toDatasourceProperties("postgres://app:pw@host:5432/db?sslmode=require"))
			.containsEntry("spring.datasource.url", "jdbc:postgresql://host:5432/db?sslmode=require");
	}

	@Test
	void decodesPercentEncodedCredentials() {
		assertThat(toDatasourceProperties("postgres://us%40er:p%40ss%3Aw%2Fo%25rd@host/db"))
			.containsEntry("spring.datasource.username", "us@er")
			.containsEntry("spring.datasource.password", "p@ss:w/o%rd");
	}

	@Test
	void aPlusInThePasswordStaysAPlus() {
		// Userinfo is percent-encoded, not form-encoded: '+' is a literal plus, never a
		// space.
		assertThat(toDatasourceProperties("postgres://app:a+b+c@host/db")).containsEntry("spring.datasource.password",
				"a+b+c");
	}

	@Test
	void credentialsAreOptional() {
		assertThat(toDatasourceProperties("postgres://host/db")).containsOnlyKeys("spring.datasource.url");
		assertThat(toDatasourceProperties("postgres://app@host/db")).containsEntry("spring.datasource.username", "app")
			.doesNotContainKey("spring.datasource.password");
	}

	@Test
	void acceptsHostNamesThatAreNotInternetNames() {
		// Docker Compose names containers like db_1; java.net.URI sees no host in such a
		// URL.
		assertThat(toDatasourceProperties("postgres://app:p%40ss@db_1:5433/queuedesk?sslmode=disable"))
			.containsExactlyInAnyOrderEntriesOf(
					Map.of("spring.datasource.url", "jdbc:postgresql://db_1:5433/queuedesk?sslmode=disable",
							"spring.datasource.username", "app", "spring.datasource.password", "p@ss"));
		assertThat(toDatasourceProperties("postgres://db_1/queuedesk")).containsOnlyKeys("spring.datasource.url")
			.containsEntry("spring.datasource.url", "jdbc:postgresql://db_1/queuedesk");
	}

	@ParameterizedTest
	@ValueSource(strings = { "postgres://app:pw@db_1:port/db", "postgres://app:pw@:5432/db",
			"oracle://app:pw@host:1521/db", "jdbc:postgresql://host/db", "postgres://app:pw@host:5432",
			"postgres://app:pw@host:5432/", "not a url", "" })
	void rejectsAnythingElse(String url) {
		assertThatIllegalArgumentException().isThrownBy(() -> toDatasourceProperties(url))
			.withMessageContaining("DATABASE_URL")
			.withMessageNotContaining("pw");
	}

	@Test
	void databaseUrlOutranksTheConfiguredDefault() {
		StandardEnvironment environment = environment(Map.of("DATABASE_URL", "postgres://app:pw@host:5432/db"));

		new DatabaseUrlEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());

		assertThat(environment.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://host:5432/db");
		assertThat(environment.getProperty("spring.datasource.username")).isEqualTo("app");
		assertThat(environment.getProperty("spring.datasource.password")).isEqualTo("pw");
	}

	@Test
	void springDatasourceUrlWins() {
		StandardEnvironment environment = environment(Map.of("DATABASE_URL", "postgres://app:pw@host:5432/db",
				"SPRING_DATASOURCE_URL", "jdbc:postgresql://explicit:5432/other"));

		new DatabaseUrlEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());

		assertThat(environment.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://explicit:5432/other");
		assertThat(environment.getPropertySources().contains(DatabaseUrlEnvironmentPostProcessor.SOURCE_NAME))
			.isFalse();
	}

	@Test
	void withoutDatabaseUrlNothingChanges() {
		StandardEnvironment environment = environment(Map.of());

		new DatabaseUrlEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());

		assertThat(environment.getProperty("spring.datasource.url")).startsWith("jdbc:h2:");
	}

	@Test
	void isRegisteredAndAppliedWhenTheApplicationStarts() {
		SpringApplication application = new SpringApplication(Empty.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setEnvironment(environment(Map.of("DATABASE_URL", "postgres://app:pw@started:5432/db")));
		try (ConfigurableApplicationContext context = application.run()) {
			assertThat(context.getEnvironment().getProperty("spring.datasource.url"))
				.isEqualTo("jdbc:postgresql://started:5432/db");
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class Empty {

	}

	/**
	 * An environment whose system environment is {@code variables}, with no system
	 * properties (the PostgreSQL test run sets spring.datasource.url as one) and an H2
	 * default like application.properties.
	 */
	private static StandardEnvironment environment(Map<String, Object> variables) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME,
					new MapPropertySource(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME, new HashMap<>()));
		environment.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
					StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new HashMap<>(variables)));
		environment.getPropertySources()
			.addLast(new MapPropertySource("defaults",
					Map.of("spring.datasource.url", "jdbc:h2:file:./data/queuedesk")));
		return environment;
	}

}
