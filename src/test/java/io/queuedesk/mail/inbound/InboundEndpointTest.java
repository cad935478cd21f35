package io.queuedesk.mail.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

import io.queuedesk.system.HttpSessionClient;

/**
 * {@code POST /api/inbound-mail} as a mail server sees it (SPEC §10): 202 with
 * {@code {"ticket", "comment"}}, 401 without the right bearer token, 415 for another
 * content type, 422 with the reason, 503 while the database is down; no session (none
 * made, a session cookie sent counts for nothing) and no CSRF token.
 */
class InboundEndpointTest extends InboundMailTestCase {

	@Test
	void anAcceptedMessageIs202WithTheTicketAndNoSessionCookie() {
		HttpResponse<String> answer = post(RawMail.text(SUBMITTER, "Endpoint " + InboundNewTicketTest.tag(), "Hi."));
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
		assertThat(answer.headers().firstValue("Content-Type")).get().asString().contains("application/json");
		assertThat(answer.body()).matches("\\{\"ticket\":\\d+,\"comment\":null}");
		assertThat(answer.headers().allValues("Set-Cookie")).isEmpty();
	}

	@Test
	void withoutTheRightBearerTokenIt401s() {
		byte[] raw = RawMail.text(SUBMITTER, "No token", "Hi.").bytes();
		for (String authorization : new String[] { null, "Bearer wrong-token", "Bearer " + TOKEN + "x",
				"Bearer " + TOKEN.substring(1), "Bearer", "Bearer ", "Basic " + TOKEN, TOKEN }) {
			HttpRequest.Builder request = request().header("Content-Type", "message/rfc822")
				.POST(HttpRequest.BodyPublishers.ofByteArray(raw));
			if (authorization != null) {
				request.header("Authorization", authorization);
			}
			HttpResponse<String> answer = send(request);
			assertThat(answer.statusCode()).as(authorization).isEqualTo(401);
			assertThat(answer.headers().firstValue("WWW-Authenticate")).contains("Bearer");
			assertThat(answer.headers().allValues("Set-Cookie")).isEmpty();
		}
		assertThat(count("select count(*) from tickets where title = 'No token'")).isZero();
	}

	@Test
	void aSignedInSessionIsNoTokenAndIsNotNeededEither() throws Exception {
		HttpSessionClient admin = new HttpSessionClient(port);
		assertThat(admin.signIn(ADMIN, "adminP@55word").statusCode()).isEqualTo(302);
		String cookie = "SESSION=" + admin.sessionCookie().orElseThrow().getValue();
		byte[] raw = RawMail.text(ADMIN, "With a session " + InboundNewTicketTest.tag(), "Hi.").bytes();

		HttpResponse<String> withoutToken = send(request().header("Content-Type", "message/rfc822")
			.header("Cookie", cookie)
			.POST(HttpRequest.BodyPublishers.ofByteArray(raw)));
		assertThat(withoutToken.statusCode()).isEqualTo(401);

		HttpResponse<String> withToken = send(request().header("Content-Type", "message/rfc822")
			.header("Authorization", "Bearer " + TOKEN)
			.header("Cookie", cookie)
			.POST(HttpRequest.BodyPublishers.ofByteArray(raw)));
		assertThat(withToken.statusCode()).as(withToken.body()).isEqualTo(202);
		assertThat(withToken.headers().allValues("Set-Cookie")).isEmpty();
		// The ticket is the sender's, not the session's user's (here the same: the
		// sender decides).
		assertThat(count("select count(*) from tickets t join users u on u.id = t.submitter_id where t.id = ? "
				+ "and u.email = ?", ticketOf(withToken), ADMIN))
			.isEqualTo(1);
	}

	@Test
	void anotherContentTypeIs415() {
		byte[] raw = RawMail.text(SUBMITTER, "Wrong type", "Hi.").bytes();
		for (String type : new String[] { "text/plain", "application/x-www-form-urlencoded", "application/json" }) {
			HttpResponse<String> answer = send(request().header("Authorization", "Bearer " + TOKEN)
				.header("Content-Type", type)
				.POST(HttpRequest.BodyPublishers.ofByteArray(raw)));
			assertThat(answer.statusCode()).as(type).isEqualTo(415);
		}
		HttpResponse<String> none = send(
				request().header("Authorization", "Bearer " + TOKEN).POST(HttpRequest.BodyPublishers.ofByteArray(raw)));
		assertThat(none.statusCode()).isEqualTo(415);
		HttpResponse<String> withParameters = post(RawMail.text(SUBMITTER, "Type with parameters", "Hi.").bytes());
		assertThat(withParameters.statusCode()).isEqualTo(202);
	}

	@Test
	void aRefusedMessageIs422WithItsReasonAndMessage() {
		HttpResponse<String> answer = post(RawMail.text("nobody@elsewhere.example", "Hello", "Hi."));
		assertThat(answer.statusCode()).isEqualTo(422);
		assertThat(answer.body()).isEqualTo("{\"reason\":\"UNKNOWN_SENDER\",\"message\":\"Unknown sender\"}");
	}

	@Test
	void whileTheDatabaseIsDownIt503sAndRecordsNothing() {
		doThrow(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
				new SQLException("Connection to 127.0.0.1:5432 refused", "08001")))
			.when(mailLog)
			.outcomeOf(any());
		RawMail mail = RawMail.text(SUBMITTER, "During the outage " + InboundNewTicketTest.tag(), "Hi.");
		HttpResponse<String> answer = post(mail);
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(503);
		assertThat(answer.headers().firstValue("Retry-After")).isPresent();
		assertThat(count("select count(*) from inbound_mail where message_id = ?", mail.messageId())).isZero();
	}

}
