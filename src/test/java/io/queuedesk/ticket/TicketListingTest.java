package io.queuedesk.ticket;

import static io.queuedesk.ticket.TicketTestData.ADMIN;
import static io.queuedesk.ticket.TicketTestData.SUBMITTER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

/**
 * The ticket list read by cursor: in every order, following "next" to the end and
 * "previous" back to the start shows every matching ticket exactly once, in order; the
 * counts, the refused deep page numbers and bad cursors. Runs on H2 and (second run)
 * PostgreSQL, where the queue order across clients is a LATERAL query and search is
 * full-text.
 */
@SpringBootTest
@AutoConfigureMockMvc
class TicketListingTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService accounts;

	@Autowired
	Clock clock;

	TicketTestData data;

	long kilo;

	long lima;

	long mike;

	long november;

	long oscar;

	long papa;

	@BeforeEach
	void twoQueues() {
		data = new TicketTestData(jdbc, accounts);
		LocalDate today = LocalDate.now(clock);
		// Client names sort Alpha before Bravo; titles use words no hex tag can contain.
		long alpha = data.client("Alpha");
		long bravo = data.client("Bravo");
		kilo = data.ticket(alpha, data.tag + " Kilo", "Text", "Billing", today.plusDays(5), "OPEN", SUBMITTER, null);
		lima = data.ticket(alpha, data.tag + " Lima", "Text", "Billing", null, "OPEN", SUBMITTER, null);
		mike = data.ticket(alpha, data.tag + " Mike", "Text", "Billing", today.plusDays(1), "OPEN", SUBMITTER, null);
		november = data.ticket(bravo, data.tag + " November", "Text", "Billing", today.plusDays(1), "OPEN", SUBMITTER,
				null);
		oscar = data.ticket(bravo, data.tag + " Oscar", "Text", "Billing", today.plusDays(3), "OPEN", SUBMITTER, null);
		papa = data.ticket(bravo, data.tag + " Papa", "Text", "Billing", null, "OPEN", SUBMITTER, null);
		// Creation times: Kilo oldest, Papa newest, Lima and Mike at the same instant
		// (the id decides).
		Instant base = Instant.parse("2030-01-01T10:00:00Z");
		created(kilo, base);
		created(lima, base.plusSeconds(60));
		created(mike, base.plusSeconds(60));
		created(november, base.plusSeconds(120));
		created(oscar, base.plusSeconds(180));
		created(papa, base.plusSeconds(240));
	}

	@Test
	void queueOrderByClientNameThenPosition() throws Exception {
		assertWalk("PRIORITY", List.of(kilo, lima, mike, november, oscar, papa));
	}

	@Test
	void targetDateOrderPutsTicketsWithoutOneLast() throws Exception {
		assertWalk("TARGET_DATE", List.of(mike, november, oscar, kilo, lima, papa));
	}

	@Test
	void newestFirstWithTheIdDecidingBetweenEqualTimes() throws Exception {
		assertWalk("CREATED", List.of(papa, oscar, november, mike, lima, kilo));
	}

	@Test
	void completedTicketsMostRecentlyCompletedFirst() throws Exception {
		Instant base = Instant.parse("2001-02-01T10:00:00Z");
		for (long id : List.of(kilo, lima, mike)) {
			data.sql("update tickets set status = 'COMPLETED', queue_rank = null, completed_at = ? where id = ?",
					Timestamp.from(base.plusSeconds(id == lima ? 0 : id == kilo ? 60 : 120)), id);
		}
		assertThat(walk("/tickets?q=" + data.tag + "&status=COMPLETED&size=2")).containsExactly(mike, kilo, lima);
		assertThat(walk("/archive?q=" + data.tag + "&size=1")).containsExactly(mike, kilo, lima);
	}

	@Test
	void positionsArePerClientQueue() throws Exception {
		String html = html(
				"/tickets?q=" + data.tag + "&size=4&after=" + new ListCursor('q', clientOf(kilo), rankOf(kilo)));

		assertThat(TicketHtml.ids(html)).containsExactly(lima, mike, november, oscar);
		assertThat(TicketHtml.row(html, mike)).contains("<td>3</td>");
		assertThat(TicketHtml.row(html, oscar)).contains("<td>2</td>");
	}

	@Test
	void everyWordMustMatchAndWordsMatchByTheirStart() throws Exception {
		assertThat(TicketHtml.ids(html("/tickets?q=" + data.tag + "%20mike"))).containsExactly(mike);
		assertThat(TicketHtml.ids(html("/tickets?q=" + data.tag + "%20NOV"))).containsExactly(november);
		assertThat(TicketHtml.ids(html("/tickets?q=" + data.tag + "%20quebec"))).isEmpty();
	}

	@Test
	void countsAndPageLabels() throws Exception {
		String first = html("/tickets?q=" + data.tag + "&size=4");

		assertThat(first).contains("6 tickets").contains("Page 1 of 2");
		assertThat(html(TicketHtml.nextLink(first))).contains("Page 2 of 2");
	}

	@Test
	void pageNumbersBeyondTheirReachAreRefusedWithAMessage() throws Exception {
		String html = html("/tickets?q=" + data.tag + "&size=50&page=200");

		assertThat(html).contains("Page numbers reach the first 10,000 tickets only");
		assertThat(TicketHtml.ids(html)).isEmpty();
		assertThat(TicketHtml.ids(html("/tickets?q=" + data.tag + "&size=2&page=1"))).containsExactly(mike, november);
	}

	@Test
	void aBrokenCursorShowsTheFirstPageWithAWarning() throws Exception {
		String html = html("/tickets?q=" + data.tag + "&size=2&after=x.y.z");

		assertThat(html).contains("The page link was not valid; showing the first page.");
		assertThat(TicketHtml.ids(html)).containsExactly(kilo, lima);
	}

	@Test
	void theJsonListHandsOutTheNextCursor() throws Exception {
		String first = json("/api/tickets?q=" + data.tag + "&size=4");
		List<Integer> firstIds = JsonPath.read(first, "$.items[*].id");
		String next = JsonPath.read(first, "$.next");

		String second = json("/api/tickets?q=" + data.tag + "&size=4&after=" + next);

		assertThat(firstIds).containsExactly((int) kilo, (int) lima, (int) mike, (int) november);
		assertThat((List<Integer>) JsonPath.read(second, "$.items[*].id")).containsExactly((int) oscar, (int) papa);
		assertThat((Object) JsonPath.read(second, "$.next")).isNull();
		assertThat((Integer) JsonPath.read(first, "$.total")).isEqualTo(6);
		assertThat((Boolean) JsonPath.read(first, "$.totalCapped")).isFalse();
	}

	/**
	 * Forward by "next" to the end, then back by "previous" to the start: the same
	 * tickets in order.
	 */
	private void assertWalk(String sort, List<Long> expected) throws Exception {
		String start = "/tickets?q=" + data.tag + "&sort=" + sort + "&size=2";
		assertThat(walk(start)).as("forward, %s", sort).containsExactlyElementsOf(expected);

		String last = start;
		for (String next = start; next != null; next = TicketHtml.nextLink(html(next))) {
			last = next;
		}
		List<List<Long>> pagesBackwards = new ArrayList<>();
		for (String previous = last; previous != null; previous = TicketHtml.previousLink(html(previous))) {
			pagesBackwards.add(TicketHtml.ids(html(previous)));
		}
		Collections.reverse(pagesBackwards);
		assertThat(pagesBackwards.stream().flatMap(List::stream).toList()).as("backward, %s", sort)
			.containsExactlyElementsOf(expected);
	}

	private List<Long> walk(String start) throws Exception {
		List<Long> seen = new ArrayList<>();
		for (String page = start; page != null;) {
			String html = html(page);
			seen.addAll(TicketHtml.ids(html));
			page = TicketHtml.nextLink(html);
			assertThat(seen.size()).as("pages end").isLessThan(50);
		}
		return seen;
	}

	private void created(long id, Instant at) {
		data.sql("update tickets set created_at = ? where id = ?", Timestamp.from(at), id);
	}

	private long clientOf(long id) {
		return jdbc.sql("select client_id from tickets where id = ?").param(id).query(Long.class).single();
	}

	private long rankOf(long id) {
		return jdbc.sql("select queue_rank from tickets where id = ?").param(id).query(Long.class).single();
	}

	private String html(String uri) throws Exception {
		return mvc.perform(get(URI.create(uri)).with(user(data.user(ADMIN))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private String json(String uri) throws Exception {
		return mvc.perform(get(URI.create(uri)).accept("application/json").with(user(data.user(ADMIN))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

}
