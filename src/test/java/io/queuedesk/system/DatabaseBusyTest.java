package io.queuedesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.util.Locale;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.web.util.HtmlUtils;

/**
 * Back-pressure: with every pooled connection taken, a request that needs the database answers
 * 503 with Retry-After once the pool's short wait is over (instead of hanging), as the friendly
 * page or, under /api, as JSON. Its own application context with a two-connection pool (Flyway
 * needs two at start-up).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.hikari.maximum-pool-size=2", "spring.datasource.hikari.minimum-idle=2",
				"spring.datasource.hikari.connection-timeout=250" })
class DatabaseBusyTest {

	@LocalServerPort
	int port;

	@Autowired
	DataSource dataSource;

	@Autowired
	MessageSource messages;

	@Test
	void withThePoolExhaustedPagesAnswer503AndTheApiJson() throws Exception {
		Browser user = new Browser(port);
		assertThat(user.signIn("user@example.com", "P@55word").statusCode()).isEqualTo(302);

		try (Connection first = dataSource.getConnection(); Connection second = dataSource.getConnection()) {
			HttpResponse<String> page = user.get("/account/password");
			assertThat(page.statusCode()).isEqualTo(503);
			assertThat(page.headers().firstValue("Retry-After")).contains(DatabaseBusyFilter.RETRY_AFTER_SECONDS);
			assertThat(page.headers().firstValue("Content-Type")).get().asString().startsWith("text/html");
			assertThat(page.body()).contains("<html")
				.contains(HtmlUtils.htmlEscape(messages.getMessage("error.status.503", null, Locale.ENGLISH)))
				.doesNotContain("Exception")
				.doesNotContain("Connection is not available");

			HttpResponse<String> api = user.get("/api/clients", "application/json");
			assertThat(api.statusCode()).isEqualTo(503);
			assertThat(api.headers().firstValue("Retry-After")).contains(DatabaseBusyFilter.RETRY_AFTER_SECONDS);
			assertThat(api.headers().firstValue("Content-Type")).get().asString().contains("json");
			assertThat(api.body()).contains("\"status\":503").doesNotContain("Exception");

			assertThat(new Browser(port).get("/login").statusCode()).as("pages for visitors need no database")
				.isEqualTo(200);
		}

		assertThat(user.get("/account/password").statusCode()).as("the session outlives the busy moment")
			.isEqualTo(200);
	}

	@Test
	void otherFailuresAreNotMistakenForABusyDatabase() {
		assertThat(DatabaseBusyFilter.noConnectionInTime(new IllegalStateException("boom"))).isFalse();
		assertThat(DatabaseBusyFilter.noConnectionInTime(new RuntimeException(
				new java.sql.SQLTransientConnectionException("Connection is not available, request timed out"))))
			.isTrue();
	}

}
