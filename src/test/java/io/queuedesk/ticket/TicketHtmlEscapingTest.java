package io.queuedesk.ticket;

import static io.queuedesk.ticket.TicketTestData.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Ticket text is shown as text: markup in a title or description never reaches the page
 * as markup.
 */
@SpringBootTest
@AutoConfigureMockMvc
class TicketHtmlEscapingTest {

	static final String SCRIPT = "<script>alert(1)</script>";

	static final String ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService accounts;

	@Test
	void markupIsEscapedOnTheTicketPageTheListAndTheQueue() throws Exception {
		TicketTestData data = new TicketTestData(jdbc, accounts);
		long client = data.client("Escaping");
		long ticket = data.ticket(client, SCRIPT + " " + data.tag, "<img src=x onerror=alert(2)>", "Billing", null,
				"OPEN", ADMIN, null);

		for (String page : new String[] { "/tickets/" + ticket, "/tickets?client=" + client, "/queues/" + client }) {
			String html = mvc.perform(get(page).with(user(data.user(ADMIN))))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(html).as(page).doesNotContain(SCRIPT).contains(ESCAPED + " " + data.tag);
			assertThat(html).as(page).doesNotContain("<img src=x");
		}
	}

}
