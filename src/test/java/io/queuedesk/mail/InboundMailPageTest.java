package io.queuedesk.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

/**
 * /admin/mail, section "Inbound mail": accepted messages link to their ticket or comment,
 * refused ones show the reason in words, processing ones say so; what a sender wrote is
 * shown as text; 25 a page, newest first, by cursor both ways.
 */
@SpringBootTest
@AutoConfigureMockMvc
class InboundMailPageTest {

	/**
	 * Far after anything else in the table, so that this test's rows are the newest (they
	 * are deleted afterwards).
	 */
	private static final Instant FUTURE = Instant.now().plus(Duration.ofDays(365 * 100)).truncatedTo(ChronoUnit.MICROS);

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService accounts;

	final String marker = UUID.randomUUID().toString().substring(0, 8);

	@AfterEach
	void removeRows() {
		jdbc.sql("delete from inbound_mail where message_id like ?").param("<page." + marker + ".%").update();
	}

	@Test
	void showsEachOutcomeWithLinksReasonsAndEscapedText() throws Exception {
		insert(1, "API", "dev@example.com", "Printer jams", "ACCEPTED", null, 41L, null);
		insert(2, "IMAP", "dev@example.com", "Re: [#41] Printer jams", "ACCEPTED", null, 41L, 77L);
		insert(3, "IMAP", "stranger@example.org", "<script>alert(1)</script>", "REFUSED", "UNKNOWN_SENDER", null, null);
		insert(4, "IMAP", "noreply@example.com", "Out of office", "REFUSED", "AUTOMATIC", null, null);
		insert(5, "API", null, null, "PROCESSING", null, null, null);

		String page = page("/admin/mail");
		assertThat(page).contains("Inbound mail")
			.contains("href=\"/tickets/41\"")
			.contains("Ticket #41")
			.contains("href=\"/tickets/41#comment-77\"")
			.contains("Comment on ticket #41")
			.contains("Unknown sender")
			.contains("Automatic mail (auto-reply, bulk, list or mailer-daemon)")
			.contains("Processing")
			.contains("Mailbox")
			.contains("&lt;script&gt;alert(1)&lt;/script&gt;")
			.doesNotContain("<script>alert(1)")
			.doesNotContain("No inbound mail yet.");
		// Newest first.
		assertThat(page.indexOf("Out of office")).isLessThan(page.indexOf("&lt;script&gt;"));
		assertThat(page.indexOf("&lt;script&gt;")).isLessThan(page.indexOf("Re: [#41] Printer jams"));
	}

	@Test
	void pagesByCursorNewestFirst() throws Exception {
		for (int i = 1; i <= 55; i++) {
			insert(i, "IMAP", "dev@example.com", "Paged " + marker + " " + i + ".", "REFUSED", "TOO_LARGE", null, null);
		}
		String first = page("/admin/mail");
		assertThat(first).contains("Paged " + marker + " 55.").contains("Paged " + marker + " 31.");
		assertThat(first).doesNotContain("Paged " + marker + " 30.");
		assertThat(count(first, "Paged " + marker)).isEqualTo(25);
		assertThat(first).doesNotContain("inboundBefore");

		String next = link(first, "next");
		assertThat(next).contains("inboundAfter=");
		String second = page(next);
		assertThat(count(second, "Paged " + marker)).isEqualTo(25);
		assertThat(second).contains("Paged " + marker + " 30.")
			.contains("Paged " + marker + " 6.")
			.doesNotContain("Paged " + marker + " 31.")
			.doesNotContain("Paged " + marker + " 5.");

		String previous = link(second, "prev");
		assertThat(previous).doesNotContain("inboundBefore").doesNotContain("inboundAfter");
		assertThat(page(previous)).contains("Paged " + marker + " 55.").contains("Paged " + marker + " 31.");

		String third = page(link(second, "next"));
		assertThat(third).contains("Paged " + marker + " 5.").contains("Paged " + marker + " 1.");
		// Back from the third page by the "before" cursor, still newest first.
		String back = link(third, "prev");
		assertThat(back).contains("inboundBefore=");
		String backPage = page(back);
		assertThat(count(backPage, "Paged " + marker)).isEqualTo(25);
		assertThat(backPage).contains("Paged " + marker + " 30.").contains("Paged " + marker + " 6.");
		assertThat(backPage.indexOf("Paged " + marker + " 30."))
			.isLessThan(backPage.indexOf("Paged " + marker + " 6."));

		// A forged cursor is just the first page.
		assertThat(page("/admin/mail?inboundAfter=x.y")).contains("Paged " + marker + " 55.");
	}

	private void insert(int second, String source, String sender, String subject, String status, String reason,
			Long ticket, Long comment) {
		jdbc.sql("""
				insert into inbound_mail (message_id, source, sender, subject, received_at, status, reason, ticket_id,
				  comment_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?)
				""")
			.params("<page." + marker + "." + second + "@example.com>", source, sender, subject,
					Timestamp.from(FUTURE.plusSeconds(second)), status, reason, ticket, comment)
			.update();
	}

	private String page(String url) throws Exception {
		return mvc.perform(get(url).with(user(accounts.loadUserByUsername("admin@example.com"))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	/** The inbound section's pagination link with this rel (the last one on the page). */
	private static String link(String page, String rel) {
		Matcher m = Pattern.compile("<a href=\"([^\"]*)\" class=\"[^\"]*\" rel=\"" + rel + "\"").matcher(page);
		String found = null;
		while (m.find()) {
			found = m.group(1);
		}
		assertThat(found).as(rel + " link").isNotNull();
		return HtmlUtils.htmlUnescape(found);
	}

	private static int count(String text, String part) {
		int n = 0;
		for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
			n++;
		}
		return n;
	}

}
