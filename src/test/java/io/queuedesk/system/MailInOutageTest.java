package io.queuedesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Mail in while PostgreSQL is down (a TCP proxy refuses connections, as in
 * DatabaseOutageTest): {@code POST /api/inbound-mail} answers 503 with
 * {@code Retry-After} and records nothing, so that the mail server delivers the message
 * again; once the database is back, that delivery becomes the ticket, once. PostgreSQL
 * run only.
 */
@DirtiesContext
@EnabledIfSystemProperty(named = "queuedesk.test.database", matches = "postgres|mariadb",
		disabledReason = "database server runs only")
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.hikari.maximum-pool-size=4", "spring.datasource.hikari.minimum-idle=2",
				"queuedesk.mail-in.token=" + MailInOutageTest.TOKEN, "queuedesk.mail-in.default-client=Client C" })
class MailInOutageTest extends ServerOutageTestCase {

	static final String TOKEN = "outage-test-token";

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aMessagePostedWhileTheDatabaseIsDownIs503AndTakenWhenPostedAgain() throws Exception {
		String title = "Outage " + UUID.randomUUID().toString().substring(0, 8);
		byte[] raw = ("From: user@example.com\r\nTo: support@desk.example.test\r\nSubject: " + title
				+ "\r\nMessage-ID: <" + UUID.randomUUID() + "@mail.example.com>\r\n\r\nPosted during an outage.\r\n")
			.getBytes(StandardCharsets.US_ASCII);

		proxy.cut();
		HttpResponse<String> down = post(raw);
		assertThat(down.statusCode()).as(down.body()).isEqualTo(503);
		assertThat(down.headers().firstValue("Retry-After")).contains(DatabaseBusyFilter.RETRY_AFTER_SECONDS);

		proxy.restore();
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		HttpResponse<String> again = post(raw);
		while (again.statusCode() == 503 && System.nanoTime() < deadline) {
			Thread.sleep(200);
			again = post(raw);
		}
		assertThat(again.statusCode()).as(again.body()).isEqualTo(202);
		assertThat(post(raw).statusCode()).isEqualTo(200);
		assertThat(jdbc.sql("select count(*) from tickets where title = ?").param(title).query(Long.class).single())
			.isEqualTo(1);
	}

	private HttpResponse<String> post(byte[] raw) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/inbound-mail"))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Bearer " + TOKEN)
			.header("Content-Type", "message/rfc822")
			.POST(HttpRequest.BodyPublishers.ofByteArray(raw))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
