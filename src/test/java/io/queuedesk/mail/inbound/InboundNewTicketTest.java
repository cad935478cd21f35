package io.queuedesk.mail.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/**
 * A mail that is no reply becomes a new ticket by its sender (SPEC §10): title from the
 * subject without reply and forward prefixes, description from the text (the plain
 * alternative; HTML-only mail turned into text), client by the recipient's plus tag else
 * the default, the default product area, at the bottom of the queue, an activity entry
 * "created by mail", the mail's files (inline images too) as the ticket's attachments.
 */
class InboundNewTicketTest extends InboundMailTestCase {

	@Test
	void aGmailMailToThePlusTagOfClientABecomesATicketAtTheBottomOfItsQueue() {
		String tag = tag();
		RawMail mail = RawMail.fixture("gmail-new-ticket")
			.from(SUBMITTER)
			.to("support+client-a@desk.example.test")
			.subject("Fwd: AW: Re: Claims export stops " + tag);

		HttpResponse<String> answer = post(mail);

		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
		long ticket = ticketOf(answer);
		assertThat(answer.body()).isEqualTo("{\"ticket\":" + ticket + ",\"comment\":null}");
		Map<String, Object> row = ticket(ticket);
		assertThat(row).containsEntry("title", "Claims export stops " + tag)
			.containsEntry("client", "Client A")
			.containsEntry("area", "Claims")
			.containsEntry("submitter", SUBMITTER)
			.containsEntry("status", "OPEN");
		assertThat((String) row.get("description")).startsWith("Hello,")
			.contains("the claims export stops after 1\u202f000 rows since this morning. It worked last week.")
			.contains("Reports \u2192 Claims \u2192 Export CSV.")
			.doesNotContain("HTML-ALTERNATIVE");
		assertThat(count("select count(*) from tickets where client_id = (select client_id from tickets where id = ?)"
				+ " and queue_rank > (select queue_rank from tickets where id = ?)", ticket, ticket))
			.as("tickets below the new one")
			.isZero();
		String details = jdbc.sql(
				"select details from activity_log where ticket_id = ? and action = 'TICKET_CREATED' and actor_email = ?")
			.params(ticket, SUBMITTER)
			.query(String.class)
			.single();
		assertThat(details).startsWith("client: Client A, position #").endsWith("created by mail");
		assertThat(inboundRow(mail.messageId())).containsExactly("ACCEPTED", null, ticket, null, SUBMITTER,
				"Fwd: AW: Re: Claims export stops " + tag, "API");
	}

	@Test
	void withoutAPlusTagOrWithOneThatNamesNoClientTheDefaultClientGetsTheTicket() {
		for (String to : List.of("support@desk.example.test", "support+no-such-client@desk.example.test")) {
			HttpResponse<String> answer = post(
					RawMail.text(DEV_ONE, "Printer on floor 3 " + tag(), "It prints blank pages.").to(to));
			assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
			Map<String, Object> row = ticket(ticketOf(answer));
			assertThat(row).containsEntry("client", DEFAULT_CLIENT)
				.containsEntry("submitter", DEV_ONE)
				.containsEntry("description", "It prints blank pages.");
		}
	}

	@Test
	void anHtmlOnlyMailFromAppleMailBecomesTextWithoutMarkup() {
		String tag = tag();
		HttpResponse<String> answer = post(RawMail.fixture("apple-html-only")
			.from(SUBMITTER)
			.to("Support <support+client-b@desk.example.test>")
			.subject("Invoice page error " + tag));
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
		Map<String, Object> row = ticket(ticketOf(answer));
		assertThat(row).containsEntry("client", "Client B");
		String description = (String) row.get("description");
		assertThat(description).contains("The billing page shows \u201cError 500\u201d when I open an invoice.")
			.contains("First invoice")
			.contains("Second invoice")
			.contains("the screenshot")
			.doesNotContain("<", ">", "alert(", "color: red", "display: none");
	}

	@Test
	void attachmentsOfAnOutlookMailBecomeTheTicketsWithTheirDecodedNames() {
		HttpResponse<String> answer = post(
				RawMail.fixture("outlook-attachments").from(SUBMITTER).subject("Invoice M\u00e4rz " + tag()));
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
		long ticket = ticketOf(answer);
		assertThat((String) ticket(ticket).get("description"))
			.isEqualTo("The invoice for M\u00e4rz is attached, and a screenshot of the error.\n\nSam");
		assertThat(files(ticket)).containsExactlyInAnyOrder(
				List.of("Rechnung M\u00e4rz.pdf", "application/pdf", (long) RawMail.PDF.length, "none"),
				List.of("Fehler \u00dcbersicht.png", "image/png", (long) RawMail.PNG.length, "none"));
	}

	@Test
	void theInlineImageOfAThunderbirdMailIsKeptBesideItsPlainText() {
		HttpResponse<String> answer = post(
				RawMail.fixture("thunderbird-inline-image").from(SUBMITTER).subject("Chart cut off " + tag()));
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
		long ticket = ticketOf(answer);
		assertThat((String) ticket(ticket).get("description"))
			.isEqualTo("The dashboard chart is cut off, see the picture.\n\nSam");
		assertThat(files(ticket)).containsExactly(List.of("chart.png", "image/png", (long) RawMail.PNG.length, "none"));
	}

	@Test
	void anOverlongSubjectAndBodyAreCutToTheLimits() {
		String subject = "Re: " + "Long subject ".repeat(100);
		String body = "Line of a very long log\n".repeat(2_000);
		HttpResponse<String> answer = post(RawMail.text(SUBMITTER, subject, body));
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
		Map<String, Object> row = ticket(ticketOf(answer));
		assertThat((String) row.get("title")).hasSizeLessThanOrEqualTo(200).startsWith("Long subject Long");
		assertThat((String) row.get("description")).hasSizeLessThanOrEqualTo(20_000)
			.startsWith("Line of a very long log\n")
			.endsWith("[\u2026]");
	}

	@Test
	void aMailWithoutSubjectOrTextStillBecomesATicket() {
		HttpResponse<String> answer = post(RawMail.text(SUBMITTER, "Re:", ""));
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
		Map<String, Object> row = ticket(ticketOf(answer));
		assertThat(row).containsEntry("title", "(no subject)").containsEntry("description", "(The mail had no text.)");
	}

	static String tag() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

	Map<String, Object> ticket(long id) {
		return jdbc.sql("""
				select t.title, t.description, t.status, c.name as client, a.name as area, u.email as submitter
				from tickets t join clients c on c.id = t.client_id join product_areas a on a.id = t.product_area_id
				join users u on u.id = t.submitter_id where t.id = ?
				""").param(id).query().singleRow();
	}

	/** name, content type, size and "none" or the comment of each attachment. */
	List<List<Object>> files(long ticket) {
		return jdbc.sql("select file_name, content_type, size_bytes, comment_id from attachments where ticket_id = ?")
			.param(ticket)
			.query((rs, n) -> List.<Object>of(rs.getString(1), rs.getString(2), rs.getLong(3),
					rs.getObject(4) == null ? "none" : rs.getLong(4)))
			.list();
	}

}
