package io.queuedesk.mail.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;

import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;

import io.queuedesk.ticket.TicketActions;

/**
 * Nothing a sender writes is trusted (SPEC §10): line breaks and control characters in
 * the subject (here smuggled in an encoded word) leave a clean one-line title, and the
 * notification that follows carries no header the sender wrote.
 */
class InboundUntrustedTextTest extends InboundMailTestCase {

	@Test
	void aSubjectWithLineBreaksAndControlCharactersMakesACleanTitleAndInjectsNoHeader() throws Exception {
		String tag = InboundNewTicketTest.tag();
		// "Printer <tag>\r\nBcc: evil@attacker.example\r\n\u0007\u202e" as an encoded
		// word.
		String subject = "=?UTF-8?Q?Printer_" + tag
				+ "=0D=0ABcc:_evil@attacker.example=0D=0AX-Injected:_yes=07=E2=80=AE_broken?=";
		HttpResponse<String> answer = post(RawMail.text(SUBMITTER, subject, "Body\u0000 with\u0007 control\u001b[31m"));
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
		long ticket = ticketOf(answer);
		String title = jdbc.sql("select title from tickets where id = ?").param(ticket).query(String.class).single();
		assertThat(title).isEqualTo("Printer " + tag + " Bcc: evil@attacker.example X-Injected: yes broken");
		String description = jdbc.sql("select description from tickets where id = ?")
			.param(ticket)
			.query(String.class)
			.single();
		assertThat(description).doesNotContain("\u0000", "\u0007", "\u001b").startsWith("Body with control");

		TicketActions.of(context).assign(ticket, userId(DEV_ONE), as(ADMIN));
		List<MimeMessage> mails = mailsTo(DEV_ONE, ticket);
		assertThat(mails).hasSize(1);
		MimeMessage mail = mails.get(0);
		assertThat(mail.getHeader("Bcc")).isNull();
		assertThat(mail.getHeader("X-Injected")).isNull();
		assertThat(Arrays.stream(mail.getAllRecipients()).map(Address::toString)).containsExactly(DEV_ONE);
		assertThat(mail.getSubject()).doesNotContain("\r", "\n").contains(title);
		assertThat(greenMail.getReceivedMessagesForDomain("attacker.example")).isEmpty();
	}

}
