package io.queuedesk.ticket;

import static io.queuedesk.ticket.TicketTestData.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Overdue target dates are styled AND labelled "Overdue" (docs/RULES.md#tickets: colour
 * is never the only signal).
 */
@SpringBootTest
@AutoConfigureMockMvc
class OverdueDisplayTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService accounts;

	@Autowired
	Clock clock;

	@Test
	void overdueDatesCarryTheClassAndTheWord() throws Exception {
		TicketTestData data = new TicketTestData(jdbc, accounts);
		long client = data.client("Dates");
		LocalDate today = LocalDate.now(clock);
		long late = data.ticket(client, "Late " + data.tag, "d", "Billing", today.minusDays(1), "OPEN", ADMIN, null);
		long dueToday = data.ticket(client, "Due today " + data.tag, "d", "Billing", today, "OPEN", ADMIN, null);
		long completed = data.ticket(client, "Done late " + data.tag, "d", "Billing", today.minusDays(4), "COMPLETED",
				ADMIN, null);

		String list = html("/tickets?client=" + client);
		assertThat(TicketHtml.row(list, late)).containsPattern("class=\"[^\"]*\\boverdue\\b")
			.contains(">Overdue<")
			.contains(today.minusDays(1).toString());
		assertThat(TicketHtml.row(list, dueToday)).doesNotContain("overdue").doesNotContain("Overdue");

		String archived = html("/tickets?status=COMPLETED&client=" + client);
		assertThat(TicketHtml.row(archived, completed)).doesNotContain("overdue").doesNotContain("Overdue");

		assertThat(html("/tickets/" + late)).containsPattern("class=\"[^\"]*\\boverdue\\b").contains(">Overdue<");
	}

	private String html(String path) throws Exception {
		TicketTestData data = new TicketTestData(jdbc, accounts);
		return mvc.perform(get(path).with(user(data.user(ADMIN))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

}
