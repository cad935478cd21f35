package io.queuedesk.ticket;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import io.queuedesk.reference.ClientService;
import io.queuedesk.queue.MoveTarget;
import io.queuedesk.queue.QueueService;
import io.queuedesk.system.Flash;
import io.queuedesk.system.SliceSecurity;
import io.queuedesk.ticket.queue.QueueController;
import io.queuedesk.user.Role;
import io.queuedesk.user.SignedInUser;
import io.queuedesk.user.TestUsers;

/**
 * The move and transfer buttons: parsed into the right target, refused politely when
 * malformed. In the ticket package, as its exceptions are built with package-private
 * constructors.
 */
@WebMvcTest(QueueController.class)
@Import({ SliceSecurity.class, Flash.class })
class QueueControllerTest {

	final SignedInUser admin = TestUsers.signedIn(1, "admin@test.example", "Ada", Role.ADMIN);

	@Autowired
	MockMvc mvc;

	@MockitoBean
	QueueMoves tickets;

	@MockitoBean
	TicketQueries queries;

	@MockitoBean
	ClientService clients;

	@Test
	void moveToTheTop() throws Exception {
		given(tickets.move(eq(9L), any(), eq(admin))).willReturn(new QueueMove(9, 5, new QueueService.Move(4, 1)));

		mvc.perform(post("/tickets/9/move").param("to", "top").with(user(admin)).with(csrf()))
			.andExpect(redirectedUrl("/tickets/9"))
			.andExpect(flash().attribute("flashSuccess", "Ticket #9 moved from #4 to #1."));
		verify(tickets).move(9L, MoveTarget.top(), admin);
	}

	@Test
	void moveToAPositionReturnsToTheQueue() throws Exception {
		given(tickets.move(eq(9L), any(), eq(admin))).willReturn(new QueueMove(9, 5, new QueueService.Move(1, 3)));

		mvc.perform(post("/tickets/9/move").param("position", "3")
			.param("returnTo", "queue")
			.with(user(admin))
			.with(csrf())).andExpect(redirectedUrl("/queues/5#ticket-9"));
		verify(tickets).move(9L, new MoveTarget.Position(3), admin);
	}

	@Test
	void upDownAndBottomAreUnderstood() throws Exception {
		given(tickets.move(eq(9L), any(), eq(admin))).willReturn(new QueueMove(9, 5, new QueueService.Move(2, 2)));

		for (String to : new String[] { "up", "down", "bottom" }) {
			mvc.perform(post("/tickets/9/move").param("to", to).with(user(admin)).with(csrf()))
				.andExpect(redirectedUrl("/tickets/9"))
				.andExpect(flash().attribute("flashSuccess", "Ticket #9 stays at #2."));
		}
		verify(tickets).move(9L, new MoveTarget.Relative(-1), admin);
		verify(tickets).move(9L, new MoveTarget.Relative(1), admin);
		verify(tickets).move(9L, MoveTarget.bottom(), admin);
	}

	@Test
	void malformedTargetIsAFlashErrorAndNothingMoves() throws Exception {
		for (String[] param : new String[][] { { "position", "abc" }, { "position", "0" }, { "position", "-2" },
				{ "to", "sideways" }, { "to", "" } }) {
			mvc.perform(post("/tickets/9/move").param(param[0], param[1]).with(user(admin)).with(csrf()))
				.andExpect(redirectedUrl("/tickets/9"))
				.andExpect(flash().attribute("flashError",
						"Enter a position as a whole number from 1 to the length of the queue."));
		}
		verify(tickets, never()).move(any(Long.class), any(), any());
	}

	@Test
	void refusedMoveIsAFlashError() throws Exception {
		given(tickets.move(eq(9L), any(), eq(admin))).willThrow(new TicketActionException("ticket.move.notQueued"));

		mvc.perform(post("/tickets/9/move").param("to", "top").with(user(admin)).with(csrf()))
			.andExpect(redirectedUrl("/tickets/9"))
			.andExpect(flash().attribute("flashError", "Completed tickets are not in a queue and cannot be moved."));
	}

	@Test
	void transferPassesTheClientAndRedirects() throws Exception {
		given(tickets.transfer(9L, 6L, admin)).willReturn(new QueueMove(9, 6, new QueueService.Move(2, 5)));

		mvc.perform(post("/tickets/9/transfer").param("clientId", "6").with(user(admin)).with(csrf()))
			.andExpect(redirectedUrl("/tickets/9"))
			.andExpect(flash().attribute("flashSuccess",
					"Ticket #9 transferred; it is now #5 in its new client's queue."));
	}

	@Test
	void postsNeedTheCsrfToken() throws Exception {
		mvc.perform(post("/tickets/9/move").param("to", "top").with(user(admin))).andExpect(status().isForbidden());
		mvc.perform(post("/tickets/9/transfer").param("clientId", "6").with(user(admin)))
			.andExpect(status().isForbidden());
		verifyNoInteractions(tickets);
	}

	@Test
	void queuePageIsForAdminsOnly() throws Exception {
		SignedInUser developer = TestUsers.signedIn(2, "dev@test.example", "Dev", Role.DEVELOPER);

		mvc.perform(get("/queues/5").with(user(developer))).andExpect(status().isForbidden());
		verifyNoInteractions(queries, clients);
	}

}
