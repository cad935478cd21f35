package io.queuedesk.ticket;

import static io.queuedesk.ticket.TicketTestData.ADMIN;
import static io.queuedesk.ticket.TicketTestData.DEV_ONE;
import static io.queuedesk.ticket.TicketTestData.DEV_TWO;
import static io.queuedesk.ticket.TicketTestData.SUBMITTER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The boards (docs/RULES.md#the-board) with the whole app: a queue's board in columns and
 * queue order, its card buttons coming back to the board, the JSON answers the drag
 * script reads, and a developer's board across clients.
 */
@SpringBootTest
@AutoConfigureMockMvc
class BoardPageTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService accounts;

	TicketTestData data;

	long client;

	/** Queue order: open1, accepted, open2, progress, hold, open3 (overdue). */
	long open1;

	long accepted;

	long open2;

	long progress;

	long hold;

	long open3;

	@BeforeEach
	void setUp() {
		data = new TicketTestData(jdbc, accounts);
		client = data.client("0 Board");
		open1 = data.ticket(client, "Open one " + data.tag);
		accepted = ticket("Accepted " + data.tag, "ACCEPTED", null);
		open2 = data.ticket(client, "Open two " + data.tag);
		progress = ticket("In progress " + data.tag, "IN_PROGRESS", null);
		hold = ticket("On hold " + data.tag, "ON_HOLD", null);
		open3 = data.ticket(client, "Open three " + data.tag, "Late", "Billing", LocalDate.now().minusDays(2), "OPEN",
				SUBMITTER, DEV_TWO);
	}

	private long ticket(String title, String status, LocalDate target) {
		return data.ticket(client, title, "Description of " + title, "Billing", target, status, SUBMITTER, DEV_TWO);
	}

	@Test
	void theBoardHasAColumnPerQueuedStatusWithItsCardsInQueueOrder() throws Exception {
		Document board = Jsoup.parse(page(ADMIN, "/queues/" + client + "/board"));

		assertThat(board.select(".board-column").eachAttr("data-status")).containsExactly("OPEN", "ACCEPTED",
				"IN_PROGRESS", "ON_HOLD");
		assertThat(cards(board, "OPEN")).containsExactly(open1, open2, open3);
		assertThat(cards(board, "ACCEPTED")).containsExactly(accepted);
		assertThat(cards(board, "IN_PROGRESS")).containsExactly(progress);
		assertThat(cards(board, "ON_HOLD")).containsExactly(hold);
		// Ranks are the places in the whole queue, not in the column.
		Element late = card(board, open3);
		assertThat(late.attr("data-priority")).isEqualTo("6");
		assertThat(late.select(".board-rank").text()).isEqualTo("Rank 6");
		assertThat(late.select(".board-card-title a").attr("href")).isEqualTo("/tickets/" + open3);
		assertThat(late.text()).contains("Open three " + data.tag)
			.contains("Assignee: Dev Two")
			.contains(LocalDate.now().minusDays(2).toString())
			.contains("Overdue");
		assertThat(card(board, open1).text()).contains("Assignee: Unassigned").doesNotContain("Overdue");
		assertThat(board.select("h1").text()).isEqualTo("Board of " + data.clientName(client));
		assertThat(board.select("a[href=\"/queues/" + client + "\"]").text()).isEqualTo("List view");
		assertThat(board.select("script[src~=/js/board-drag-[0-9a-f]{32}\\.js]")).hasSize(1);
	}

	@Test
	void eachCardHasTheTicketPagesButtonsComingBackToTheBoard() throws Exception {
		Document board = Jsoup.parse(page(ADMIN, "/queues/" + client + "/board"));

		Element card = card(board, progress);
		assertThat(card.attr("data-next")).isEqualTo("ON_HOLD COMPLETED");
		assertThat(card.select("form[action=\"/tickets/" + progress + "/transition\"]")).hasSize(2)
			.allSatisfy(form -> assertThat(form.select("input[name=returnTo]").val()).isEqualTo("board"));
		assertThat(card.select("form[action$=\"/transition\"] button").eachText())
			.containsExactly("Put on hold (ticket #" + progress + ")", "Mark completed (ticket #" + progress + ")");
		assertThat(card(board, hold).select("form[action$=\"/transition\"] button").eachText())
			.containsExactly("Resume (ticket #" + hold + ")");
		Element move = card.selectFirst("form[action=\"/tickets/" + progress + "/move\"]");
		assertThat(move).isNotNull();
		assertThat(move.select("input[name=returnTo]").val()).isEqualTo("board");
		assertThat(move.select("button[name=to]").eachAttr("value")).containsExactly("top", "up", "down", "bottom");
	}

	@Test
	void aStepFromTheCardReturnsToTheBoard() throws Exception {
		mvc.perform(post("/tickets/" + open2 + "/transition").param("to", "ACCEPTED")
			.param("returnTo", "board")
			.with(user(data.user(ADMIN)))
			.with(csrf()))
			.andExpect(redirectedUrl("/queues/" + client + "/board#card-" + open2))
			.andExpect(flash().attribute("flashSuccess", "Ticket #" + open2 + " is now Accepted."));

		Document board = Jsoup.parse(page(ADMIN, "/queues/" + client + "/board"));
		assertThat(cards(board, "ACCEPTED")).containsExactly(accepted, open2);
		assertThat(cards(board, "OPEN")).containsExactly(open1, open3);
	}

	@Test
	void aRefusedStepFromTheCardReturnsToTheBoardWithTheMessage() throws Exception {
		mvc.perform(post("/tickets/" + open2 + "/transition").param("to", "IN_PROGRESS")
			.param("returnTo", "board")
			.with(user(data.user(ADMIN)))
			.with(csrf()))
			.andExpect(redirectedUrl("/queues/" + client + "/board#card-" + open2))
			.andExpect(flash().attribute("flashError",
					"A ticket cannot go from Open to In progress. Nothing was changed."));
	}

	@Test
	void aMoveFromTheCardReturnsToTheBoard() throws Exception {
		mvc.perform(post("/tickets/" + open3 + "/move").param("to", "top")
			.param("returnTo", "board")
			.with(user(data.user(ADMIN)))
			.with(csrf()))
			.andExpect(redirectedUrl("/queues/" + client + "/board#card-" + open3))
			.andExpect(flash().attribute("flashSuccess", "Ticket #" + open3 + " moved from #6 to #1."));

		assertThat(cards(Jsoup.parse(page(ADMIN, "/queues/" + client + "/board")), "OPEN")).containsExactly(open3,
				open1, open2);
	}

	@Test
	void theDragScriptGetsJsonAnswers() throws Exception {
		// Dropping open3 onto open1 in the Open column: open3 takes open1's rank.
		mvc.perform(post("/tickets/" + open3 + "/move").param("position", "1")
			.accept(MediaType.APPLICATION_JSON)
			.with(user(data.user(ADMIN)))
			.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.from").value(6))
			.andExpect(jsonPath("$.to").value(1))
			.andExpect(jsonPath("$.message").value("Ticket #" + open3 + " moved from #6 to #1."));
		assertThat(data.queue(client)).containsExactly(open3, open1, accepted, open2, progress, hold);

		mvc.perform(post("/tickets/" + accepted + "/transition").param("to", "IN_PROGRESS")
			.accept(MediaType.APPLICATION_JSON)
			.with(user(data.user(ADMIN)))
			.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("IN_PROGRESS"))
			.andExpect(jsonPath("$.message").value("Ticket #" + accepted + " is now In progress."));

		// The card still showed "Accepted": the step is refused, 409, with the reason.
		mvc.perform(post("/tickets/" + accepted + "/transition").param("to", "IN_PROGRESS")
			.accept(MediaType.APPLICATION_JSON)
			.with(user(data.user(ADMIN)))
			.with(csrf()))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.message")
				.value("A ticket cannot go from In progress to In progress. Nothing was changed."));
		assertThat(data.count("select count(*) from tickets where id = ? and status = 'IN_PROGRESS'", accepted))
			.isEqualTo(1);
		// No flash is left over for the next page.
		assertThat(page(ADMIN, "/queues/" + client + "/board")).doesNotContain("alert-danger\" role=\"alert\">");
	}

	@Test
	void theQueueBoardIsForAdminsOnly() throws Exception {
		mvc.perform(get("/queues/" + client + "/board").with(user(data.user(DEV_ONE))))
			.andExpect(status().isForbidden());
		mvc.perform(get("/queues/" + client + "/board").with(user(data.user(SUBMITTER))))
			.andExpect(status().isForbidden());
		mvc.perform(get("/queues/999999999/board").with(user(data.user(ADMIN)))).andExpect(status().isNotFound());
	}

	@Test
	void theQueuePageAndTheBoardLinkToEachOther() throws Exception {
		Document queue = Jsoup.parse(page(ADMIN, "/queues/" + client));
		assertThat(queue.select("a[href=\"/queues/" + client + "/board\"]").text()).isEqualTo("Board view");
	}

	@Test
	void aDevelopersBoardShowsTheirTicketsAcrossClientsWithoutMoves() throws Exception {
		long other = data.client("0 Board other");
		long elsewhere = data.ticket(other, "Elsewhere " + data.tag, "Other client", "Billing", null, "ACCEPTED",
				SUBMITTER, DEV_TWO);

		Document board = Jsoup.parse(page(DEV_TWO, "/my/board"));

		assertThat(board.select("h1").text()).isEqualTo("My board");
		assertThat(cards(board, "OPEN")).contains(open3).doesNotContain(open1, open2);
		assertThat(cards(board, "ACCEPTED")).contains(accepted, elsewhere);
		assertThat(card(board, elsewhere).select(".board-rank").text())
			.isEqualTo("Rank 1 at " + data.clientName(other));
		assertThat(card(board, progress).select("form[action$=\"/transition\"] input[name=returnTo]").eachAttr("value"))
			.containsOnly("my-board");
		assertThat(board.select("form[action$=\"/move\"]")).isEmpty();
		assertThat(board.select("#board").attr("data-reorder")).isEqualTo("false");

		mvc.perform(post("/tickets/" + elsewhere + "/transition").param("to", "IN_PROGRESS")
			.param("returnTo", "my-board")
			.with(user(data.user(DEV_TWO)))
			.with(csrf())).andExpect(redirectedUrl("/my/board#card-" + elsewhere));
	}

	@Test
	void myTicketsLinksToTheBoardAndSubmittersHaveNone() throws Exception {
		assertThat(Jsoup.parse(page(DEV_TWO, "/my/tickets")).select("a[href=\"/my/board\"]").text())
			.isEqualTo("Board view");
		mvc.perform(get("/my/board").with(user(data.user(SUBMITTER)))).andExpect(status().isForbidden());
	}

	private String page(String email, String path) throws Exception {
		return mvc.perform(get(path).with(user(data.user(email))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private static List<Long> cards(Document board, String status) {
		return board.select(".board-column[data-status=" + status + "] .board-card")
			.eachAttr("data-ticket-id")
			.stream()
			.map(Long::valueOf)
			.toList();
	}

	private static Element card(Document board, long id) {
		Element card = board.getElementById("card-" + id);
		assertThat(card).as("card of ticket %d", id).isNotNull();
		return card;
	}

}
