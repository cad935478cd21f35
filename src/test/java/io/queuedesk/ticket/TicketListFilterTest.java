package io.queuedesk.ticket;

import static io.queuedesk.ticket.TicketTestData.ADMIN;
import static io.queuedesk.ticket.TicketTestData.DEV_ONE;
import static io.queuedesk.ticket.TicketTestData.SUBMITTER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The /tickets filters and sort orders (docs/RULES.md#pages-and-routes), each on tickets
 * of this test's own clients.
 */
@SpringBootTest
@AutoConfigureMockMvc
class TicketListFilterTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService accounts;

	@Autowired
	Clock clock;

	TicketTestData data;

	long client;

	long other;

	long assignedSoon;

	long acceptedOverdue;

	long unassignedTomorrow;

	long completedLate;

	long otherClientOverdue;

	@BeforeEach
	void setUp() {
		data = new TicketTestData(jdbc, accounts);
		client = data.client("Filters");
		other = data.client("Others");
		LocalDate today = LocalDate.now(clock);
		assignedSoon = data.ticket(client, "Alpha invoice " + data.tag, "Plain text", "Billing", today.plusDays(3),
				"OPEN", SUBMITTER, DEV_ONE);
		acceptedOverdue = data.ticket(client, "Beta " + data.tag, "Mentions a ZEBRA crossing", "Claims",
				today.minusDays(2), "ACCEPTED", SUBMITTER, null);
		unassignedTomorrow = data.ticket(client, "Gamma " + data.tag, "Plain text", "Billing", today.plusDays(1),
				"OPEN", ADMIN, null);
		completedLate = data.ticket(client, "Delta " + data.tag, "Plain text", "Billing", today.minusDays(3),
				"COMPLETED", ADMIN, DEV_ONE);
		otherClientOverdue = data.ticket(other, "Epsilon " + data.tag, "Plain text", "Billing", today.minusDays(1),
				"OPEN", ADMIN, null);
	}

	@Test
	void clientShowsItsQueuedTicketsInQueueOrder() throws Exception {
		assertThat(list("?client=" + client)).containsExactly(assignedSoon, acceptedOverdue, unassignedTomorrow);
		assertThat(list("?client=" + other)).containsExactly(otherClientOverdue);
	}

	@Test
	void statusFilter() throws Exception {
		assertThat(list("?client=" + client + "&status=ACCEPTED")).containsExactly(acceptedOverdue);
		assertThat(list("?client=" + client + "&status=COMPLETED")).containsExactly(completedLate);
	}

	@Test
	void assigneeNoneOrAPerson() throws Exception {
		assertThat(list("?client=" + client + "&assignee=none")).containsExactly(acceptedOverdue, unassignedTomorrow);
		assertThat(list("?client=" + client + "&assignee=" + data.userId(DEV_ONE))).containsExactly(assignedSoon);
	}

	@Test
	void productArea() throws Exception {
		assertThat(list("?client=" + client + "&productArea=" + data.area("Claims"))).containsExactly(acceptedOverdue);
	}

	@Test
	void overdueOnlyOpenTicketsPastTheirDate() throws Exception {
		assertThat(list("?q=" + data.tag + "&overdue=true")).containsExactly(acceptedOverdue, otherClientOverdue)
			.doesNotContain(completedLate);
		assertThat(list("?client=" + client + "&status=COMPLETED&overdue=true")).isEmpty();
	}

	@Test
	void textMatchesTitleOrDescriptionIgnoringCase() throws Exception {
		assertThat(list("?q=" + data.tag)).containsExactlyInAnyOrder(assignedSoon, acceptedOverdue, unassignedTomorrow,
				otherClientOverdue);
		assertThat(list("?client=" + client + "&q=ALPHA%20INVOICE")).containsExactly(assignedSoon);
		assertThat(list("?client=" + client + "&q=zebra")).containsExactly(acceptedOverdue);
		assertThat(list("?client=" + client + "&q=" + data.tag.toUpperCase(Locale.ROOT) + "&status=COMPLETED"))
			.containsExactly(completedLate);
	}

	@Test
	void commonWordsAreSearchedLikeAnyOther() throws Exception {
		// Stopwords of InnoDB's default list: MariaDB's index is built without it.
		long commonWords = data.ticket(client, "Who will " + data.tag, "What about the zebra?", "Billing", null, "OPEN",
				ADMIN, null);

		assertThat(list("?client=" + client + "&q=who%20about%20THE")).containsExactly(commonWords);
	}

	@Test
	void textWithWildcardCharactersIsTakenLiterally() throws Exception {
		assertThat(list("?client=" + client + "&q=%25")).isEmpty();
		assertThat(list("?client=" + client + "&q=_")).isEmpty();
	}

	@Test
	void sortByTargetDateUnderEitherName() throws Exception {
		for (String sort : new String[] { "TARGET_DATE", "targetDate" }) {
			assertThat(list("?client=" + client + "&sort=" + sort)).as(sort)
				.containsExactly(acceptedOverdue, unassignedTomorrow, assignedSoon);
		}
	}

	@Test
	void submitterSeesOnlyTheirOwnTicketsInTheList() throws Exception {
		assertThat(list(SUBMITTER, "?q=" + data.tag)).containsExactly(assignedSoon, acceptedOverdue);
	}

	private List<Long> list(String query) throws Exception {
		return list(ADMIN, query);
	}

	private List<Long> list(String email, String query) throws Exception {
		String html = mvc.perform(get(URI.create("/tickets" + query)).with(user(data.user(email))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).doesNotContain("alert-warning");
		return TicketHtml.ids(html);
	}

}
