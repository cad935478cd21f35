package io.queuedesk.ticket;

import static io.queuedesk.ticket.TicketTestData.ADMIN;
import static io.queuedesk.ticket.TicketTestData.DEV_ONE;
import static io.queuedesk.ticket.TicketTestData.SUBMITTER;
import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The JSON API on the real database: client queue sizes, and the list's filters and
 * visibility.
 */
@SpringBootTest
@AutoConfigureMockMvc
class TicketJsonApiTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService accounts;

	@Test
	void clientsListTheirQueueLength() throws Exception {
		TicketTestData data = new TicketTestData(jdbc, accounts);
		long busy = data.client("Busy");
		long idle = data.client("Idle");
		data.ticket(busy, "One " + data.tag);
		data.ticket(busy, "Two " + data.tag);
		data.ticket(busy, "Three " + data.tag);
		data.ticket(busy, "Done " + data.tag, "d", "Billing", null, "COMPLETED", ADMIN, null);

		mvc.perform(get("/api/clients").with(user(data.user(SUBMITTER))))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("application/json"))
			.andExpect(jsonPath("$[0]", aMapWithSize(3)))
			.andExpect(jsonPath("$[?(@.id == " + busy + ")].name").value(contains(data.clientName(busy))))
			.andExpect(jsonPath("$[?(@.id == " + busy + ")].queued").value(contains(3)))
			.andExpect(jsonPath("$[?(@.id == " + idle + ")].queued").value(contains(0)))
			.andExpect(jsonPath("$[?(@.name == 'Client A')].queued", hasSize(1)));
	}

	@Test
	void ticketsApplyTheFiltersAndTheViewersVisibility() throws Exception {
		TicketTestData data = new TicketTestData(jdbc, accounts);
		long client = data.client("Api");
		long unassigned = data.ticket(client, "Open to all " + data.tag);
		long mine = data.ticket(client, "For Dev One " + data.tag, "d", "Claims", null, "OPEN", ADMIN, DEV_ONE);
		long others = data.ticket(client, "For Dev Two " + data.tag, "d", "Claims", null, "OPEN", ADMIN,
				TicketTestData.DEV_TWO);

		mvc.perform(get("/api/tickets?client=" + client).with(user(data.user(DEV_ONE))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(2))
			.andExpect(jsonPath("$.items[*].id").value(containsInAnyOrder((int) unassigned, (int) mine)));
		mvc.perform(get("/api/tickets?client=" + client + "&productArea=" + data.area("Claims"))
			.with(user(data.user(ADMIN))))
			.andExpect(jsonPath("$.items[*].id").value(contains((int) mine, (int) others)));

		mvc.perform(
				get("/api/tickets/" + others).header("Accept", "text/html,*/*;q=0.8").with(user(data.user(DEV_ONE))))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.status").value(404));
		mvc.perform(get("/api/tickets?client=abc").with(user(data.user(ADMIN)))).andExpect(status().is4xxClientError());
		mvc.perform(get("/api/tickets/" + others).with(user(data.user(ADMIN))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.assignee.displayName").value("Dev Two"));
	}

}
