package io.queuedesk.ticket.files;

import static io.queuedesk.ticket.files.FileTestData.DEV_ONE;
import static io.queuedesk.ticket.files.FileTestData.SUBMITTER;
import static io.queuedesk.ticket.files.FileTestData.part;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Mails about files (the outbox rows, as mail/MailNotificationTest reads them): files
 * added to a ticket or to a comment are announced to the other side with their count and
 * the ticket link; a mail never carries a file's name or content.
 */
class AttachmentMailTest extends FileTestCase {

	long ticket;

	@BeforeEach
	void ticket() {
		ticket = data.ticket(SUBMITTER, DEV_ONE);
	}

	@Test
	void filesAddedByTheSubmitterAreAnnouncedToTheAssigneeWithTheirCount() throws Exception {
		String secret = "payload-" + data.tag;
		data.addFiles(ticket, SUBMITTER, part("first-" + data.tag + ".txt", secret),
				part("second-" + data.tag + ".txt", secret));

		List<Mail> mails = mails(ticket);
		assertThat(mails).extracting(Mail::recipient).containsExactly(DEV_ONE);
		Mail mail = mails.get(0);
		assertThat(mail.subject()).isEqualTo("[#" + ticket + "] New files: " + title());
		assertThat(mail.text()).contains("2 files are attached", "/tickets/" + ticket);
		assertThat(mail.html()).contains("2 files are attached", "/tickets/" + ticket);
		assertThat(mail.text() + mail.html()).doesNotContain(secret).doesNotContain(data.tag + ".txt");
	}

	@Test
	void aCommentWithFilesSaysHowMany() throws Exception {
		String secret = "payload-" + data.tag;
		data.comment(ticket, SUBMITTER, "Logs " + data.tag, false, part("a.log", secret), part("b.log", secret),
				part("c.log", secret));
		data.comment(ticket, DEV_ONE, "", false, part("answer.txt", secret));

		List<Mail> mails = mails(ticket);
		assertThat(mails).extracting(Mail::recipient).containsExactly(DEV_ONE, SUBMITTER);
		assertThat(mails.get(0).text()).contains("Logs " + data.tag, "3 files are attached", "/tickets/" + ticket);
		assertThat(mails.get(1).text()).contains("One file is attached", "/tickets/" + ticket);
		assertThat(mails).allSatisfy(mail -> assertThat(mail.text() + mail.html()).doesNotContain(secret));
	}

	@Test
	void filesOfAnInternalNoteAreMailedToNobody() throws Exception {
		data.comment(ticket, DEV_ONE, "", true, part("internal.txt", "internal"), part("more.txt", "more"));
		assertThat(mails(ticket)).isEmpty();
	}

	private List<Mail> mails(long ticketId) {
		return jdbc.sql("""
				select recipient, subject, text_body, html_body from mail_outbox
				where subject like ? order by id
				""")
			.param("[#" + ticketId + "]%")
			.query((rs, n) -> new Mail(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.list();
	}

	private String title() {
		return jdbc.sql("select title from tickets where id = ?").param(ticket).query(String.class).single();
	}

	record Mail(String recipient, String subject, String text, String html) {
	}

}
