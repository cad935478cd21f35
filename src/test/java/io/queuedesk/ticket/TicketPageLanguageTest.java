package io.queuedesk.ticket;

import static io.queuedesk.ticket.TicketTestData.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Dates as the page's language writes them (issue 18): German "30.11.2026 10:15", English
 * keeps "2026-11-30 10:15"; a machine's copy (a date input's value, a datetime attribute)
 * stays ISO whatever the language.
 */
@SpringBootTest
@AutoConfigureMockMvc
class TicketPageLanguageTest {

	static final String GERMAN_DATE_TIME = "\\d{2}\\.\\d{2}\\.\\d{4} \\d{2}:\\d{2}";

	static final String ISO_DATE_TIME = "\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService accounts;

	@Autowired
	Clock clock;

	@Test
	void aTicketPageWritesDatesInThePagesLanguage() throws Exception {
		TicketTestData data = new TicketTestData(jdbc, accounts);
		LocalDate target = LocalDate.now(clock).plusDays(3);
		long id = data.ticket(data.client("Dates"), "Dated " + data.tag, "d", "Billing", target, "OPEN", ADMIN, null);

		String german = html("/tickets/" + id, "de-DE,de;q=0.9");
		assertThat(german).contains("<html lang=\"de\"")
			.containsPattern("<dd class=\"col-7\">" + GERMAN_DATE_TIME + "</dd>")
			.doesNotContainPattern("<dd class=\"col-7\">" + ISO_DATE_TIME + "</dd>")
			.contains(target.format(DateTimeFormatter.ofPattern("dd.MM.yyyy")));

		String english = html("/tickets/" + id, "en-GB,en;q=0.9");
		assertThat(english).contains("<html lang=\"en\"")
			.containsPattern("<dd class=\"col-7\">" + ISO_DATE_TIME + "</dd>")
			.contains(target.toString());

		// The edit form's date input keeps the machine format in German too.
		String form = html("/tickets/" + id + "/edit", "de");
		assertThat(form)
			.containsPattern("type=\"date\"[^>]*value=\"" + target + "\"|value=\"" + target + "\"[^>]*type=\"date\"");
	}

	private String html(String path, String languages) throws Exception {
		TicketTestData data = new TicketTestData(jdbc, accounts);
		return mvc.perform(get(path).with(user(data.user(ADMIN))).header("Accept-Language", languages))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

}
