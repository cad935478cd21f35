package io.queuedesk.dashboard;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.util.EnumMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import io.queuedesk.client.ClientService;
import io.queuedesk.queue.QueueService;
import io.queuedesk.system.SliceSecurity;
import io.queuedesk.ticket.TicketQueries;
import io.queuedesk.ticket.TicketStatus;
import io.queuedesk.user.Role;
import io.queuedesk.user.TestUsers;

@WebMvcTest(DashboardController.class)
@Import(SliceSecurity.class)
class DashboardControllerTest {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	TicketQueries tickets;

	@MockitoBean
	ClientService clients;

	@MockitoBean
	QueueService queues;

	@Test
	void showsCountsByStatusAndTheTotal() throws Exception {
		Map<TicketStatus, Long> counts = new EnumMap<>(TicketStatus.class);
		for (TicketStatus status : TicketStatus.values()) {
			counts.put(status, 0L);
		}
		counts.put(TicketStatus.OPEN, 7L);
		counts.put(TicketStatus.IN_PROGRESS, 3L);
		given(tickets.countByStatus()).willReturn(counts);

		mvc.perform(get("/admin").with(user(TestUsers.signedIn(1, "a@test.example", "Ada", Role.ADMIN))))
			.andExpect(status().isOk())
			.andExpect(view().name("dashboard/index"))
			.andExpect(model().attribute("total", 10L))
			.andExpect(content().string(containsString("In progress")))
			.andExpect(content().string(containsString("Signed in as Ada")));
	}

	@Test
	void saysSoWhenThereAreNoTickets() throws Exception {
		given(tickets.countByStatus()).willReturn(new EnumMap<>(Map.of(TicketStatus.OPEN, 0L)));

		mvc.perform(get("/admin").with(user(TestUsers.signedIn(1, "a@test.example", "Ada", Role.ADMIN))))
			.andExpect(content().string(containsString("No tickets yet.")));
	}

	@Test
	void isForbiddenToEveryoneElse() throws Exception {
		mvc.perform(get("/admin").with(user(TestUsers.signedIn(2, "d@test.example", "D", Role.DEVELOPER))))
			.andExpect(status().isForbidden());
		mvc.perform(get("/admin").with(user(TestUsers.signedIn(3, "s@test.example", "S", Role.SUBMITTER))))
			.andExpect(status().isForbidden());
		verifyNoInteractions(tickets, clients, queues);
	}

}
