package io.queuedesk.ticket;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import io.queuedesk.reference.ClientService;
import io.queuedesk.queue.MoveTarget;
import io.queuedesk.system.Flash;
import io.queuedesk.system.SliceSecurity;
import io.queuedesk.ticket.queue.QueueController;
import io.queuedesk.user.Role;
import io.queuedesk.user.SignedInUser;
import io.queuedesk.user.TestUsers;

/**
 * Issue 12, point 2: a ticket change that lost a race (whatever
 * ConcurrencyFailureException the database or JPA raised) goes back to the ticket page
 * with "changed by someone else", from every ticket write path; where no ticket is in the
 * path, it is the 409 page.
 */
@WebMvcTest({ TicketWorkflowController.class, TicketController.class, QueueController.class })
@Import({ SliceSecurity.class, Flash.class })
class TicketRaceAnswersTest {

	static final String CHANGED_BY_OTHERS = "Someone else changed this ticket at the same moment, so nothing was saved. "
			+ "It is shown below as it is now; please check and try again.";

	final SignedInUser admin = TestUsers.signedIn(1, "admin@test.example", "Ada", Role.ADMIN);

	@Autowired
	MockMvc mvc;

	@MockitoBean
	TicketWorkflow workflow;

	@MockitoBean
	TicketService tickets;

	@MockitoBean
	QueueMoves moves;

	@MockitoBean
	TicketQueries queries;

	@MockitoBean
	TicketFormOptions options;

	@MockitoBean
	ClientService clients;

	@Test
	void transitionThatLostTheVersionCheckAtCommit() throws Exception {
		willThrow(new ObjectOptimisticLockingFailureException(Ticket.class, 9L)).given(workflow)
			.transition(anyLong(), any(), any(), any());

		assertBackOnTheTicket(post("/tickets/9/transition").param("to", "ACCEPTED").param("version", "0"));
	}

	@Test
	void assignmentThatTimedOutOnALock() throws Exception {
		willThrow(new CannotAcquireLockException("lock timeout")).given(workflow).assign(anyLong(), any(), any());

		assertBackOnTheTicket(post("/tickets/9/assign").param("assigneeId", "2"));
	}

	@Test
	void deleteThatLostTheVersionCheck() throws Exception {
		willThrow(new ObjectOptimisticLockingFailureException(Ticket.class, 9L)).given(tickets)
			.delete(anyLong(), any());

		assertBackOnTheTicket(post("/tickets/9/delete"));
	}

	@Test
	void moveAndTransferThatWereDeadlockVictims() throws Exception {
		given(moves.move(anyLong(), any(MoveTarget.class), any()))
			.willThrow(new PessimisticLockingFailureException("deadlock detected"));
		given(moves.transfer(anyLong(), any(), any()))
			.willThrow(new PessimisticLockingFailureException("deadlock detected"));

		assertBackOnTheTicket(post("/tickets/9/move").param("to", "top"));
		assertBackOnTheTicket(post("/tickets/9/transfer").param("clientId", "3"));
	}

	@Test
	void withoutATicketInThePathItIsTheConflictPage() throws Exception {
		given(tickets.create(any(), any(), any())).willThrow(new CannotAcquireLockException("lock timeout"));

		mvc.perform(post("/tickets/new").with(user(admin))
			.with(csrf())
			.param("title", "T")
			.param("description", "D")
			.param("clientId", "1")
			.param("productAreaId", "1")).andExpect(status().isConflict()).andExpect(flash().attributeCount(0));
	}

	private void assertBackOnTheTicket(MockHttpServletRequestBuilder request) throws Exception {
		mvc.perform(request.with(user(admin)).with(csrf()))
			.andExpect(redirectedUrl("/tickets/9"))
			.andExpect(flash().attribute("flashError", CHANGED_BY_OTHERS));
	}

}
