package io.queuedesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.MockMvc;

import io.queuedesk.queue.MoveTarget;
import io.queuedesk.queue.QueueService;
import io.queuedesk.reference.Client;
import io.queuedesk.reference.ClientService;
import io.queuedesk.system.Flash;
import io.queuedesk.system.SliceSecurity;
import io.queuedesk.ticket.TicketRow.Ref;
import io.queuedesk.ticket.queue.QueueController;
import io.queuedesk.user.Role;
import io.queuedesk.user.SignedInUser;
import io.queuedesk.user.TestUsers;

/**
 * The board pages and the JSON answers of the buttons' endpoints that the drag script
 * uses (docs/RULES.md#the-board), with mocked services.
 */
@WebMvcTest({ QueueController.class, MyBoardController.class, TicketWorkflowController.class })
@Import({ SliceSecurity.class, Flash.class })
class BoardControllerTest {

	static final Ref CLIENT_A = new Ref(5, "Client A");

	static final Ref DEV = new Ref(42, "Dev One");

	static final Ref SAM = new Ref(7, "Sam");

	final SignedInUser admin = TestUsers.signedIn(1, "admin@test.example", "Ada", Role.ADMIN);

	final SignedInUser dev = TestUsers.signedIn(42, "dev@test.example", "Dev One", Role.DEVELOPER);

	@Autowired
	MockMvc mvc;

	@MockitoBean
	QueueMoves moves;

	@MockitoBean
	TicketQueries queries;

	@MockitoBean
	ClientService clients;

	@MockitoBean
	TicketWorkflow workflow;

	@Test
	void theQueueBoardSortsThePageOfTheQueueIntoColumns() throws Exception {
		Client client = new Client("Client A", Instant.now());
		ReflectionTestUtils.setField(client, "id", 5L);
		given(clients.find(5L)).willReturn(Optional.of(client));
		given(queries.queue(5, 0, ReturnTo.QUEUE_PAGE_SIZE)).willReturn(new PageImpl<>(
				List.of(row(11, 1, TicketStatus.ACCEPTED, CLIENT_A), row(12, 2, TicketStatus.OPEN, CLIENT_A),
						row(13, 3, TicketStatus.ACCEPTED, CLIENT_A), row(14, 4, TicketStatus.ON_HOLD, CLIENT_A)),
				PageRequest.of(0, ReturnTo.QUEUE_PAGE_SIZE), 4));

		Document board = Jsoup.parse(mvc.perform(get("/queues/5/board").with(user(admin)))
			.andExpect(status().isOk())
			.andExpect(view().name("queues/board"))
			.andReturn()
			.getResponse()
			.getContentAsString());

		assertThat(board.select(".board-column[data-status=ACCEPTED] .board-card").eachAttr("data-ticket-id"))
			.containsExactly("11", "13");
		assertThat(board.select(".board-column[data-status=IN_PROGRESS] .board-card")).isEmpty();
		assertThat(board.select(".board-column[data-status=IN_PROGRESS] .board-empty").text()).isEqualTo("No tickets");
		assertThat(board.select("#card-13").attr("data-next")).isEqualTo("IN_PROGRESS ON_HOLD");
		assertThat(board.select("#card-13 .board-rank").text()).isEqualTo("Rank 3");
		assertThat(board.select("#board").attr("data-reorder")).isEqualTo("true");
		assertThat(board.select("#card-12 form[action=\"/tickets/12/move\"]")).hasSize(1);
	}

	@Test
	void theQueueBoardIsForAdminsAndAMissingClientIsNotFound() throws Exception {
		mvc.perform(get("/queues/5/board").with(user(dev))).andExpect(status().isForbidden());
		verifyNoInteractions(queries, clients);

		given(clients.find(6L)).willReturn(Optional.empty());
		mvc.perform(get("/queues/6/board").with(user(admin))).andExpect(status().isNotFound());
	}

	@Test
	void aDevelopersBoardShowsClientAndRankAndNoMoveControls() throws Exception {
		given(queries.myBoard(eq(dev), eq(MyBoardController.BOARD_SIZE), any(), any(), anyInt()))
			.willReturn(TicketSliceData.slice(
					List.of(row(21, 3, TicketStatus.IN_PROGRESS, CLIENT_A),
							row(22, 1, TicketStatus.OPEN, new Ref(6, "Client B"))),
					0, MyBoardController.BOARD_SIZE, 2));

		Document board = Jsoup.parse(mvc.perform(get("/my/board").with(user(dev)))
			.andExpect(status().isOk())
			.andExpect(view().name("tickets/my-board"))
			.andReturn()
			.getResponse()
			.getContentAsString());

		assertThat(board.select("#card-21 .board-rank").text()).isEqualTo("Rank 3 at Client A");
		assertThat(board.select("#card-22 .board-rank").text()).isEqualTo("Rank 1 at Client B");
		assertThat(board.select("#card-21").attr("data-next")).isEqualTo("ON_HOLD COMPLETED");
		assertThat(board.select("form[action$=\"/move\"]")).isEmpty();
		// The cards' forms (the footer's colour-mode form has a returnTo of its own).
		assertThat(board.select(".board-card input[name=returnTo]").eachAttr("value")).isNotEmpty()
			.containsOnly("my-board");
		assertThat(board.text()).contains("2 tickets assigned to you");
	}

	@Test
	void aStepWithReturnToBoardGoesBackToTheBoardPageThatHeldTheTicket() throws Exception {
		given(queries.placeOf(9, admin)).willReturn(new ReturnTo.Place(5, 60));

		mvc.perform(post("/tickets/9/transition").param("to", "ACCEPTED")
			.param("returnTo", "board")
			.with(user(admin))
			.with(csrf()))
			.andExpect(redirectedUrl("/queues/5/board?page=1#card-9"))
			.andExpect(flash().attribute("flashSuccess", "Ticket #9 is now Accepted."));
		verify(workflow).transition(9, TicketStatus.ACCEPTED, null, admin);

		mvc.perform(post("/tickets/9/transition").param("to", "ACCEPTED")
			.param("returnTo", "my-board")
			.with(user(dev))
			.with(csrf())).andExpect(redirectedUrl("/my/board#card-9"));
		verify(queries, never()).placeOf(9, dev);
	}

	@Test
	void theTransitionAnswersJsonToTheDragScript() throws Exception {
		mvc.perform(post("/tickets/9/transition").param("to", "IN_PROGRESS")
			.accept(MediaType.APPLICATION_JSON)
			.with(user(admin))
			.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.message").value("Ticket #9 is now In progress."))
			.andExpect(jsonPath("$.status").value("IN_PROGRESS"))
			.andExpect(flash().attributeCount(0));

		willThrow(new TicketActionException("ticket.transition.invalid", TicketStatus.OPEN, TicketStatus.IN_PROGRESS))
			.given(workflow)
			.transition(10, TicketStatus.IN_PROGRESS, null, admin);
		mvc.perform(post("/tickets/10/transition").param("to", "IN_PROGRESS")
			.accept(MediaType.APPLICATION_JSON)
			.with(user(admin))
			.with(csrf()))
			.andExpect(status().isConflict())
			.andExpect(
					jsonPath("$.message").value("A ticket cannot go from Open to In progress. Nothing was changed."));

		willThrow(new PessimisticLockingFailureException("deadlock")).given(workflow)
			.transition(11, TicketStatus.ON_HOLD, null, admin);
		mvc.perform(post("/tickets/11/transition").param("to", "ON_HOLD")
			.accept(MediaType.APPLICATION_JSON)
			.with(user(admin))
			.with(csrf())).andExpect(status().isConflict()).andExpect(jsonPath("$.message").isNotEmpty());
	}

	@Test
	void theMoveAnswersJsonToTheDragScript() throws Exception {
		given(moves.move(eq(9L), any(), eq(admin))).willReturn(new QueueMove(9, 5, new QueueService.Move(4, 2)));

		mvc.perform(post("/tickets/9/move").param("position", "2")
			.accept(MediaType.APPLICATION_JSON)
			.with(user(admin))
			.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.from").value(4))
			.andExpect(jsonPath("$.to").value(2))
			.andExpect(jsonPath("$.message").value("Ticket #9 moved from #4 to #2."));
		verify(moves).move(9L, new MoveTarget.Position(2), admin);

		mvc.perform(post("/tickets/9/move").param("position", "x")
			.accept(MediaType.APPLICATION_JSON)
			.with(user(admin))
			.with(csrf()))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.message")
				.value("Enter a position as a whole number from 1 to the length of the queue."));

		// A browser's form post (Accept: text/html, …, */*) still gets the redirect.
		mvc.perform(post("/tickets/9/move").param("position", "2")
			.param("returnTo", "board")
			.header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
			.with(user(admin))
			.with(csrf())).andExpect(redirectedUrl("/queues/5/board#card-9"));
	}

	@Test
	void theJsonAnswersNeedTheCsrfTokenToo() throws Exception {
		mvc.perform(post("/tickets/9/transition").param("to", "ACCEPTED")
			.accept(MediaType.APPLICATION_JSON)
			.with(user(admin))).andExpect(status().isForbidden());
		mvc.perform(post("/tickets/9/move").param("position", "1").accept(MediaType.APPLICATION_JSON).with(user(admin)))
			.andExpect(status().isForbidden());
		verifyNoInteractions(workflow, moves);
	}

	private static TicketRow row(long id, int priority, TicketStatus status, Ref client) {
		return new TicketRow(id, "Ticket " + id, client, new Ref(3, "Billing"), priority, status,
				LocalDate.of(2030, 1, 1), false, DEV, SAM, Instant.now(), null);
	}

}
