package io.queuedesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import io.queuedesk.queue.QueueService;
import io.queuedesk.system.SliceSecurity;
import io.queuedesk.ticket.TicketRow.Ref;
import io.queuedesk.user.Role;
import io.queuedesk.user.SignedInUser;
import io.queuedesk.user.TestUsers;

/** The home of developers and submitters, with the queries mocked. */
@WebMvcTest(MyTicketsController.class)
@Import(SliceSecurity.class)
class MyTicketsControllerTest {

	static final Ref CLIENT_A = new Ref(1, "Client A");

	static final Ref CLIENT_B = new Ref(2, "Client B");

	static final Ref DEV = new Ref(42, "Dev One");

	static final Ref SAM = new Ref(7, "Sam");

	@Autowired
	MockMvc mvc;

	@MockitoBean
	TicketQueries queries;

	@MockitoBean
	QueueService queues;

	@Test
	void developerSeesAssignedTicketsByClientAndTicketsToPickUp() throws Exception {
		SignedInUser dev = TestUsers.signedIn(42, "dev@test.example", "Dev One", Role.DEVELOPER);
		given(queries.assignedTo(eq(dev), eq(MyTicketsController.SECTION_SIZE), any(), any(), anyInt()))
			.willReturn(slice(row(11, "Alpha first", CLIENT_A, 1, DEV, SAM, false),
					row(12, "Alpha second", CLIENT_A, 2, DEV, SAM, true),
					row(21, "Bravo first", CLIENT_B, 1, DEV, SAM, false)));
		given(queries.unassigned(eq(dev), eq(MyTicketsController.SECTION_SIZE), any(), any(), anyInt()))
			.willReturn(slice(row(31, "Nobody has this", CLIENT_B, 2, null, SAM, false)));
		given(queries.raisedBy(any(), any(), any(), anyInt(), anyInt())).willReturn(slice());

		String html = mvc.perform(get("/my/tickets").with(user(dev)))
			.andExpect(status().isOk())
			.andExpect(view().name("tickets/my"))
			.andExpect(model().attribute("assignedTotal", 3L))
			.andExpect(content().string(containsString("Assigned to me")))
			.andExpect(content().string(containsString("Ready to pick up")))
			.andExpect(content().string(containsString("You have not raised any tickets yet.")))
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(html).containsSubsequence("Client A", "Alpha first", "Alpha second", "Client B", "Bravo first");
		assertThat(html.split("Overdue</span>", -1)).as("exactly one overdue label").hasSize(2);
		assertThat(html).contains("action=\"/tickets/31/assign\"").contains("name=\"_csrf\"");
	}

	@Test
	void submitterSeesTheirTicketsWithQueuePositionAndNoStaffSections() throws Exception {
		SignedInUser sam = TestUsers.signedIn(7, "sam@test.example", "Sam", Role.SUBMITTER);
		given(queries.raisedBy(sam, null, null, 0, MyTicketsController.SECTION_SIZE))
			.willReturn(slice(row(11, "Printer on fire", CLIENT_A, 3, DEV, SAM, false)));
		given(queues.sizes()).willReturn(Map.of(1L, 5));

		mvc.perform(get("/my/tickets").with(user(sam)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Printer on fire")))
			.andExpect(content().string(containsString("#3 of 5 in Client A&#39;s queue")))
			.andExpect(content().string(containsString("Dev One")))
			.andExpect(content().string(not(containsString("Assigned to me"))))
			.andExpect(content().string(not(containsString("Ready to pick up"))));
		verify(queries, never()).assignedTo(any(), anyInt(), any(), any(), anyInt());
		verify(queries, never()).unassigned(any(), anyInt(), any(), any(), anyInt());
	}

	@Test
	void anonymousVisitorsMustSignIn() throws Exception {
		mvc.perform(get("/my/tickets").accept(MediaType.TEXT_HTML))
			.andExpect(status().isFound())
			.andExpect(header().string("Location", endsWith("/login")));
		verifyNoInteractions(queries);
	}

	private static TicketRow row(long id, String title, Ref client, Integer priority, Ref assignee, Ref submitter,
			boolean overdue) {
		return new TicketRow(id, title, client, new Ref(5, "Billing"), priority, TicketStatus.OPEN,
				LocalDate.of(2030, 3, overdue ? 1 : 30), overdue, assignee, submitter, Instant.now(), null);
	}

	private static TicketSlice slice(TicketRow... rows) {
		return TicketSliceData.slice(List.of(rows), 0, MyTicketsController.SECTION_SIZE, rows.length);
	}

}
