package io.queuedesk.mail.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

import io.queuedesk.mail.MailThreading;
import io.queuedesk.ticket.TicketActions;
import io.queuedesk.user.Role;
import io.queuedesk.user.TestUsers;

/**
 * A reply becomes a public comment by its sender (SPEC §10): found by the
 * {@code In-Reply-To}/{@code References} of a notification Queuedesk sent, or by the
 * {@code [#id]} of its subject alone; quoted history and signature cut (Gmail and Outlook
 * layouts); its files become the comment's. A sender who may not comment on that ticket,
 * or a ticket that does not exist, is refused without any answer, as is a reply with
 * nothing left to say.
 */
class InboundReplyTest extends InboundMailTestCase {

	@Autowired
	MailThreading threading;

	@Autowired
	PasswordEncoder encoder;

	@Test
	void aGmailReplyToTheAssignmentMailBecomesACommentByTheDeveloperFoundByItsHeaders() throws Exception {
		long ticket = ticketBySubmitter();
		TicketActions.of(context).assign(ticket, userId(DEV_ONE), as(ADMIN));
		List<MimeMessage> assigned = mailsTo(DEV_ONE, ticket);
		assertThat(assigned).hasSize(1);
		MimeMessage notification = assigned.get(0);
		// The subject without its tag: only the headers can find the ticket.
		String subject = "Re: " + notification.getSubject().replace("[#" + ticket + "] ", "");
		RawMail reply = RawMail.fixture("gmail-reply")
			.from(DEV_ONE)
			.subject(subject)
			.inReplyTo(notification.getMessageID(),
					notification.getHeader("References")[0] + " " + notification.getMessageID());

		HttpResponse<String> answer = post(reply);

		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
		assertThat(ticketOf(answer)).isEqualTo(ticket);
		long comment = commentOf(answer);
		assertThat(answer.body()).isEqualTo("{\"ticket\":" + ticket + ",\"comment\":" + comment + "}");
		assertThat(comment(comment)).containsEntry("author", DEV_ONE)
			.containsEntry("internal", false)
			.containsEntry("body", "I found it: the export job hits the row limit of the old report server. "
					+ "I raised it to 50\u202f000.");
		assertThat(inboundRow(reply.messageId())).startsWith("ACCEPTED", null, ticket, comment);
		// The submitter hears of it, as of any public comment.
		List<MimeMessage> toSubmitter = mailsTo(SUBMITTER, ticket);
		assertThat(toSubmitter).hasSize(1);
		assertThat(toSubmitter.get(0).getSubject()).startsWith("[#" + ticket + "] New comment");
	}

	@Test
	void anOutlookReplyToANotificationIdBecomesACommentWithoutTheQuotedMail() {
		long ticket = ticketBySubmitter();
		String notification = threading.messageId(ticket);
		RawMail reply = RawMail.fixture("outlook-reply")
			.from(SUBMITTER)
			.subject("RE: New comment: Claims export stops")
			.with("ticket", String.valueOf(ticket))
			.inReplyTo(notification, threading.rootId(ticket) + " " + notification);

		HttpResponse<String> answer = post(reply);

		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
		assertThat(ticketOf(answer)).isEqualTo(ticket);
		String body = (String) comment(commentOf(answer)).get("body");
		assertThat(body).startsWith("Thanks, the export works again.")
			.doesNotContain("QUOTED-HISTORY", "From: Queuedesk", "________");
		assertThat(comment(commentOf(answer))).containsEntry("author", SUBMITTER);
	}

	@Test
	void aMailWithTheTicketTagInItsSubjectAloneIsAReply() {
		long ticket = ticketBySubmitter();
		HttpResponse<String> answer = post(
				RawMail.text(SUBMITTER, "Re: [#" + ticket + "] Claims export stops", "It happens on Fridays too."));
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
		assertThat(ticketOf(answer)).isEqualTo(ticket);
		assertThat(comment(commentOf(answer))).containsEntry("body", "It happens on Fridays too.")
			.containsEntry("author", SUBMITTER);
		assertThat(count("select count(*) from tickets where title = ?", "Claims export stops")).isZero();
	}

	@Test
	void theFilesOfAReplyBecomeTheComments() {
		long ticket = ticketBySubmitter();
		String notification = threading.messageId(ticket);
		HttpResponse<String> answer = post(RawMail.fixture("outlook-attachments")
			.from(SUBMITTER)
			.subject("RE: Claims export stops")
			.inReplyTo(notification, notification));
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
		long comment = commentOf(answer);
		assertThat(jdbc.sql("select file_name, content_type, comment_id from attachments where ticket_id = ?")
			.param(ticket)
			.query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getLong(3)))
			.list()).containsExactlyInAnyOrder(List.of("Rechnung M\u00e4rz.pdf", "application/pdf", comment),
					List.of("Fehler \u00dcbersicht.png", "image/png", comment));
	}

	@Test
	void aSubmitterReplyingToAnotherSubmittersTicketIsRefused() throws Exception {
		long ticket = ticketBySubmitter();
		String other = TestUsers.uniqueEmail("other-submitter");
		TestUsers.insert(jdbc, encoder, other, "P@55word-other", Role.SUBMITTER, true, true, null);
		String notification = threading.messageId(ticket);
		List<RawMail> replies = List.of(RawMail.text(other, "Re: [#" + ticket + "] Claims export stops", "Me too!"),
				RawMail.text(other, "Re: Claims export stops", "Me too!").inReplyTo(notification, notification));
		for (RawMail reply : replies) {
			HttpResponse<String> answer = post(reply);
			assertThat(answer.statusCode()).as(answer.body()).isEqualTo(422);
			assertThat(reasonOf(answer)).isEqualTo("MAY_NOT_COMMENT");
			assertThat(inboundRow(reply.messageId())).startsWith("REFUSED", "MAY_NOT_COMMENT", null, null, other);
		}
		assertThat(count("select count(*) from comments where ticket_id = ?", ticket)).isZero();
		assertNothingSentTo(other);
	}

	@Test
	void aReplyToATicketThatDoesNotExistIsRefusedTheSameWay() throws Exception {
		String missing = threading.messageId(987_654_321L);
		for (RawMail reply : List.of(RawMail.text(SUBMITTER, "Re: [#987654321] Old ticket", "Hello?"),
				RawMail.text(SUBMITTER, "Re: Old ticket", "Hello?").inReplyTo(missing, missing))) {
			HttpResponse<String> answer = post(reply);
			assertThat(answer.statusCode()).as(answer.body()).isEqualTo(422);
			assertThat(reasonOf(answer)).isEqualTo("MAY_NOT_COMMENT");
		}
		assertNothingSentTo(SUBMITTER);
	}

	@Test
	void aReplyWithNothingButTheQuotedMailIsRefusedAsEmpty() throws Exception {
		long ticket = ticketBySubmitter();
		RawMail reply = RawMail.text(SUBMITTER, "Re: [#" + ticket + "] Claims export stops", """
				On Mon, 30 Nov 2026 at 18:15, Queuedesk <desk@desk.example.test> wrote:
				> Dev One commented:
				> Could you send a screenshot?
				""");
		HttpResponse<String> answer = post(reply);
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(422);
		assertThat(reasonOf(answer)).isEqualTo("EMPTY");
		assertThat(count("select count(*) from comments where ticket_id = ?", ticket)).isZero();
		assertNothingSentTo(SUBMITTER);
	}

	/** A ticket raised by mail by the demo submitter, in the default client's queue. */
	long ticketBySubmitter() {
		HttpResponse<String> answer = post(
				RawMail.text(SUBMITTER, "Claims export stops " + InboundNewTicketTest.tag(), "After 1000 rows."));
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
		return ticketOf(answer);
	}

	Map<String, Object> comment(long id) {
		return jdbc.sql("""
				select c.body, c.internal, u.email as author from comments c join users u on u.id = c.author_id
				where c.id = ?
				""").param(id).query().singleRow();
	}

}
