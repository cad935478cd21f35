package io.queuedesk.ticket;

import static io.queuedesk.ticket.TicketTestData.ADMIN;
import static io.queuedesk.ticket.TicketTestData.DEV_ONE;
import static io.queuedesk.ticket.TicketTestData.SUBMITTER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Through the web: someone else's ticket is a 404 (ids do not leak); a visible one a user
 * may not manage is a 403.
 */
@SpringBootTest
@AutoConfigureMockMvc
class TicketPageAccessTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService accounts;

	TicketTestData data;

	long client;

	long adminsTicket;

	long submittersTicket;

	@BeforeEach
	void setUp() {
		data = new TicketTestData(jdbc, accounts);
		client = data.client("Access");
		adminsTicket = data.ticket(client, "Admin's " + data.tag, "d", "Billing", null, "OPEN", ADMIN, DEV_ONE);
		submittersTicket = data.ticket(client, "Sam's " + data.tag);
	}

	@Test
	void someoneElsesTicketIsNotFoundForASubmitter() throws Exception {
		mvc.perform(get("/tickets/" + adminsTicket).with(user(data.user(SUBMITTER)))).andExpect(status().isNotFound());
		mvc.perform(get("/tickets/" + adminsTicket + "/edit").with(user(data.user(SUBMITTER))))
			.andExpect(status().isNotFound());
		mvc.perform(post("/tickets/" + adminsTicket + "/delete").with(user(data.user(SUBMITTER))).with(csrf()))
			.andExpect(status().isNotFound());
		mvc.perform(post("/tickets/" + adminsTicket + "/move").param("to", "bottom")
			.with(user(data.user(SUBMITTER)))
			.with(csrf())).andExpect(status().isNotFound());
		mvc.perform(get("/tickets/" + Long.MAX_VALUE).with(user(data.user(SUBMITTER))))
			.andExpect(status().isNotFound());

		assertThat(data.queue(client)).containsExactly(adminsTicket, submittersTicket);
	}

	@Test
	void visibleTicketCannotBeMovedOrTransferredByANonAdmin() throws Exception {
		long target = data.client("Access target");
		mvc.perform(post("/tickets/" + submittersTicket + "/move").param("to", "top")
			.with(user(data.user(SUBMITTER)))
			.with(csrf())).andExpect(status().isForbidden());
		mvc.perform(post("/tickets/" + adminsTicket + "/move").param("to", "bottom")
			.with(user(data.user(DEV_ONE)))
			.with(csrf())).andExpect(status().isForbidden());
		mvc.perform(post("/tickets/" + adminsTicket + "/transfer").param("clientId", String.valueOf(target))
			.with(user(data.user(DEV_ONE)))
			.with(csrf())).andExpect(status().isForbidden());

		assertThat(data.queue(client)).containsExactly(adminsTicket, submittersTicket);
		assertThat(data.size(target)).isZero();
	}

	@Test
	void ownTicketPageWorksForTheSubmitter() throws Exception {
		mvc.perform(get("/tickets/" + submittersTicket).with(user(data.user(SUBMITTER)))).andExpect(status().isOk());
	}

}
