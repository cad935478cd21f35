package io.queuedesk.mail.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.queuedesk.mail.OutboxDelivery;
import io.queuedesk.user.SignedInUser;

/**
 * The application on a random port with mail in configured (token, default client and
 * product area, small size limits so that "too large" is cheap to send) and GreenMail as
 * its SMTP server; mail is posted to {@code POST /api/inbound-mail} over real HTTP. The
 * subclasses share one context.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "queuedesk.base-url=https://desk.example.test/",
				"queuedesk.mail.from=Queuedesk <desk@desk.example.test>",
				"queuedesk.mail-in.token=" + InboundMailTestCase.TOKEN,
				"queuedesk.mail-in.default-client=" + InboundMailTestCase.DEFAULT_CLIENT,
				"queuedesk.mail-in.default-product-area=Claims", "queuedesk.mail-in.max-message-bytes=1MB",
				"queuedesk.attachments.max-bytes=256KB", "queuedesk.attachments.max-files=4" })
abstract class InboundMailTestCase {

	static final String TOKEN = "mail-in-test-token-5f2a9c";

	/** Created by the tests (not demo data), so that one test may deactivate it. */
	static final String DEFAULT_CLIENT = "Mail In Default";

	static final String ADMIN = "admin@example.com";

	static final String DEV_ONE = "developer1@example.com";

	static final String SUBMITTER = "user@example.com";

	static final String OWN = "desk@desk.example.test";

	private static final int SMTP_PORT = freePort();

	static GreenMail greenMail = startGreenMail();

	private static final Pattern TICKET = Pattern.compile("\"ticket\":(\\d+|null)");

	private static final Pattern COMMENT = Pattern.compile("\"comment\":(\\d+|null)");

	private static final Pattern REASON = Pattern.compile("\"reason\":\"([A-Z_]+)\"");

	final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	/**
	 * A spy in every subclass, so that they share one context; one test makes it fail as
	 * a database that is down would.
	 */
	@MockitoSpyBean
	InboundMailLog mailLog;

	@Autowired
	UserDetailsService accounts;

	/** When this test began: outbox rows written since are this test's. */
	Instant testStart;

	@DynamicPropertySource
	static void smtp(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP_PORT);
	}

	@BeforeEach
	void mailServerAndDefaultClient() throws Exception {
		if (!greenMail.isRunning()) {
			greenMail = startGreenMail();
		}
		jdbc.sql("""
				insert into clients (name, active, created_at, version)
				select ?, true, ?, 0 where not exists (select 1 from clients where name = ?)
				""").params(DEFAULT_CLIENT, Timestamp.from(Instant.now()), DEFAULT_CLIENT).update();
		jdbc.sql("update clients set active = true where name = ?").param(DEFAULT_CLIENT).update();
		// What earlier tests left in the outbox goes now: a test sees only its own mail.
		OutboxDelivery.sendDue(context);
		greenMail.purgeEmailFromAllMailboxes();
		testStart = Instant.now().minusMillis(1);
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@AfterAll
	static void stopMailServer() {
		greenMail.stop();
	}

	// --- posting

	HttpResponse<String> post(RawMail mail) {
		return post(mail.bytes());
	}

	HttpResponse<String> post(byte[] raw) {
		return send(request().header("Authorization", "Bearer " + TOKEN)
			.header("Content-Type", "message/rfc822")
			.POST(HttpRequest.BodyPublishers.ofByteArray(raw)));
	}

	HttpRequest.Builder request() {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + InboundMailController.PATH))
			.timeout(Duration.ofSeconds(60));
	}

	HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** The ticket of a 202/200 answer. */
	static long ticketOf(HttpResponse<String> answer) {
		return Long.parseLong(group(TICKET, answer.body()));
	}

	/** The comment of a 202/200 answer, or null. */
	static Long commentOf(HttpResponse<String> answer) {
		String comment = group(COMMENT, answer.body());
		return "null".equals(comment) ? null : Long.valueOf(comment);
	}

	static String reasonOf(HttpResponse<String> answer) {
		return group(REASON, answer.body());
	}

	private static String group(Pattern pattern, String body) {
		Matcher matcher = pattern.matcher(body);
		assertThat(matcher.find()).as("%s in %s", pattern, body).isTrue();
		return matcher.group(1);
	}

	// --- the database

	/** status, reason, ticket_id, comment_id, sender, subject of the message's row. */
	List<Object> inboundRow(String messageId) {
		return jdbc.sql(
				"select status, reason, ticket_id, comment_id, sender, subject, source from inbound_mail where message_id = ?")
			.param(messageId)
			.query((rs, n) -> Arrays.asList(rs.getString(1), rs.getString(2), (Object) rs.getObject(3), rs.getObject(4),
					rs.getString(5), rs.getString(6), rs.getString(7)))
			.single();
	}

	long count(String sql, Object... params) {
		return jdbc.sql(sql).params(params).query(Long.class).single();
	}

	long userId(String email) {
		return jdbc.sql("select id from users where email = ?").param(email).query(Long.class).single();
	}

	SignedInUser as(String email) {
		SignedInUser user = (SignedInUser) accounts.loadUserByUsername(email);
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
		return user;
	}

	/**
	 * Sends what the outbox holds and checks that nothing went to {@code address} during
	 * this test: no outbox row and no mail at the SMTP server (no backscatter).
	 */
	void assertNothingSentTo(String address) throws MessagingException {
		assertThat(count("select count(*) from mail_outbox where lower(recipient) = ? and created_at >= ?",
				address.toLowerCase(), Timestamp.from(testStart)))
			.as("outbox rows to %s", address)
			.isZero();
		OutboxDelivery.sendDue(context);
		for (MimeMessage mail : greenMail.getReceivedMessages()) {
			assertThat(Arrays.toString(mail.getAllRecipients())).as("a mail to %s", address)
				.doesNotContainIgnoringCase(address);
		}
	}

	/**
	 * The mails GreenMail received for {@code recipient} whose subject names the ticket.
	 */
	List<MimeMessage> mailsTo(String recipient, long ticket) throws MessagingException {
		OutboxDelivery.sendDue(context);
		return Arrays.stream(greenMail.getReceivedMessagesForDomain(recipient)).filter(mail -> {
			try {
				return mail.getSubject() != null && mail.getSubject().contains("[#" + ticket + "]");
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

	static GreenMail startGreenMail() {
		GreenMail server = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		server.start();
		return server;
	}

	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
