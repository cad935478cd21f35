package io.queuedesk.ticket;

import static io.queuedesk.ticket.TicketTestData.ADMIN;
import static io.queuedesk.ticket.TicketTestData.DEV_ONE;
import static io.queuedesk.ticket.TicketTestData.SUBMITTER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

import io.queuedesk.queue.QueueFixture;

/**
 * The admin's queue page and the queue position on the ticket page
 * (docs/RULES.md#queues-and-invariant-q, #pages-and-routes).
 */
@SpringBootTest
@AutoConfigureMockMvc
class QueuePageTest {

	private static final Pattern ROW_ID = Pattern.compile("<tr id=\"ticket-(\\d+)\"");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService accounts;

	TicketTestData data;

	long client;

	long first;

	long second;

	long third;

	@BeforeEach
	void setUp() {
		data = new TicketTestData(jdbc, accounts);
		client = data.client("Queue page");
		first = data.ticket(client, "First " + data.tag);
		second = data.ticket(client, "Second " + data.tag);
		third = data.ticket(client, "Third " + data.tag);
		data.sql("update tickets set queue_rank = ? where id = ?", QueueFixture.rank(4), first);
		data.sql("update tickets set queue_rank = ? where id = ?", QueueFixture.rank(1), third);
		data.sql("update tickets set queue_rank = ? where id = ?", QueueFixture.rank(3), first);
	}

	@Test
	void theQueueTableScrollsInsideARegionNamedByTheHeadingAndStacksOnAPhone() throws Exception {
		String html = page(ADMIN, "/queues/" + client);

		assertThat(html).containsOnlyOnce("id=\"queue-table\"")
			.contains("<h1 id=\"queue-heading\"")
			.containsPattern("<div class=\"table-responsive\" role=\"region\" tabindex=\"0\"\\s+"
					+ "aria-labelledby=\"queue-heading queue-heading-table\">\\s*<span hidden id=\"queue-heading-table\">table</span>\\s*<table class=\"[^\"]*table-stack-sm[^\"]*\" id=\"queue-table\"")
			.contains("data-label=\"Assignee\"");
	}

	@Test
	void adminSeesTheQueueInRankOrderWithMoveControls() throws Exception {
		String html = page(ADMIN, "/queues/" + client);

		assertThat(rowIds(html)).containsExactly(third, second, first);
		assertThat(html).contains("3 tickets in the queue");
		for (long id : List.of(first, second, third)) {
			assertThat(html).contains("action=\"/tickets/" + id + "/move\"");
			assertThat(html).contains("id=\"position-" + id + "\"");
		}
		assertThat(html).contains("name=\"to\" value=\"top\"")
			.contains("name=\"to\" value=\"bottom\"")
			.contains("name=\"returnTo\" value=\"queue\"")
			.contains("name=\"_csrf\"");
		// Drag-and-drop (js/queue-drag.js) reads each row's rank and submits that row's
		// position form.
		assertThat(html).contains("id=\"ticket-" + third + "\" data-priority=\"1\" data-ticket-id=\"" + third + "\"")
			.contains("id=\"ticket-" + first + "\" data-priority=\"3\"")
			.containsPattern("src=\"/js/queue-drag-[0-9a-f]{32}\\.js\"");
	}

	@Test
	void queuePageIsForAdminsOnly() throws Exception {
		mvc.perform(get("/queues/" + client).with(user(data.user(DEV_ONE)))).andExpect(status().isForbidden());
		mvc.perform(get("/queues/" + client).with(user(data.user(SUBMITTER)))).andExpect(status().isForbidden());
	}

	@Test
	void movingFromTheQueuePageReordersAndReturnsToTheTicket() throws Exception {
		mvc.perform(post("/tickets/" + first + "/move").param("position", "1")
			.param("returnTo", "queue")
			.with(user(data.user(ADMIN)))
			.with(csrf()))
			.andExpect(redirectedUrl("/queues/" + client + "#ticket-" + first))
			.andExpect(flash().attribute("flashSuccess", "Ticket #" + first + " moved from #3 to #1."));

		assertThat(data.queue(client)).containsExactly(first, third, second);
		assertThat(rowIds(page(ADMIN, "/queues/" + client))).containsExactly(first, third, second);
	}

	@Test
	void ticketPageShowsItsPlaceInTheQueue() throws Exception {
		String expected = "#2 of 3 in " + data.clientName(client) + "'s queue";

		assertThat(HtmlUtils.htmlUnescape(page(SUBMITTER, "/tickets/" + second))).contains(expected);
		assertThat(HtmlUtils.htmlUnescape(page(ADMIN, "/tickets/" + first)))
			.contains("#3 of 3 in " + data.clientName(client) + "'s queue");
	}

	@Test
	void completedTicketPageSaysItIsNotQueued() throws Exception {
		data.sql("update tickets set status = 'COMPLETED', queue_rank = null where id = ?", first);

		assertThat(page(ADMIN, "/tickets/" + first)).contains("Not in a queue (completed)").doesNotContain(" of 2 in ");
	}

	private List<Long> rowIds(String html) {
		Matcher matcher = ROW_ID.matcher(html);
		List<Long> ids = new ArrayList<>();
		while (matcher.find()) {
			ids.add(Long.valueOf(matcher.group(1)));
		}
		return ids;
	}

	private String page(String email, String path) throws Exception {
		return mvc.perform(get(path).with(user(data.user(email))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

}
