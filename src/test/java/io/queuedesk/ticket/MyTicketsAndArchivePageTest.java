package io.queuedesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import io.queuedesk.DatabaseRun;
import io.queuedesk.StatementCounter;
import io.queuedesk.user.Role;
import io.queuedesk.user.SignedInUser;
import io.queuedesk.user.TestUsers;

/**
 * The role homes and the archive (docs/RULES.md#pages-and-routes), with fresh users so
 * other tests' tickets never crowd the lists.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(StatementCounter.class)
class MyTicketsAndArchivePageTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService accounts;

	@Autowired
	PasswordEncoder encoder;

	TicketTestData data;

	String developer;

	String submitter;

	long clientB;

	long clientA;

	@BeforeEach
	void setUp() {
		data = new TicketTestData(jdbc, accounts);
		developer = TestUsers.uniqueEmail("home-dev");
		submitter = TestUsers.uniqueEmail("home-sub");
		TestUsers.insert(jdbc, encoder, developer, "P@55word1", Role.DEVELOPER, true, true, null);
		TestUsers.insert(jdbc, encoder, submitter, "P@55word1", Role.SUBMITTER, true, true, null);
		// Names chosen so that B sorts after A: the page groups by client name.
		clientA = data.client("A-home");
		clientB = data.client("B-home");
	}

	@Test
	void aDeveloperSeesAssignedTicketsGroupedByClientInQueueOrderAndTicketsToPickUp() throws Exception {
		data.ticket(clientB, "B first " + data.tag, "d", "Billing", null, "OPEN", submitter, developer);
		data.ticket(clientA, "A first " + data.tag, "d", "Billing", LocalDate.now().minusDays(3), "IN_PROGRESS",
				submitter, developer);
		data.ticket(clientA, "A second " + data.tag, "d", "Billing", null, "ACCEPTED", submitter, developer);
		data.ticket(clientA, "A done " + data.tag, "d", "Billing", null, "COMPLETED", submitter, developer);
		data.ticket(clientA, "Unassigned " + data.tag, "d", "Billing", null, "OPEN", submitter, null);

		String html = page("/my/tickets", developer);

		String assigned = html.substring(html.indexOf("assigned-heading"), html.indexOf("pickable-heading"));
		assertThat(assigned).containsSubsequence(data.clientName(clientA), "A first " + data.tag,
				"A second " + data.tag, data.clientName(clientB), "B first " + data.tag);
		assertThat(assigned).doesNotContain("A done " + data.tag).contains("Overdue");
		String pickable = html.substring(html.indexOf("pickable-heading"), html.indexOf("raised-heading"));
		assertThat(pickable).contains("Unassigned " + data.tag).contains("/assign");
	}

	@Test
	void aSubmitterSeesOwnTicketsWithStatusPositionAndTheActionsAllowed() throws Exception {
		data.ticket(clientA, "Someone else's " + data.tag);
		long open = data.ticket(clientA, "Mine open " + data.tag, "d", "Billing", null, "OPEN", submitter, null);
		long completed = data.ticket(clientA, "Mine done " + data.tag, "d", "Billing", null, "COMPLETED", submitter,
				developer);

		String html = page("/my/tickets", submitter);

		assertThat(html).doesNotContain("assigned-heading").doesNotContain("pickable-heading");
		assertThat(html).contains("Mine open " + data.tag, "Mine done " + data.tag)
			.doesNotContain("Someone else&#39;s " + data.tag);
		assertThat(html).contains("#2 of 2 in " + data.clientName(clientA) + "&#39;s queue");
		assertThat(html).contains("/tickets/" + open + "/edit").doesNotContain("/tickets/" + completed + "/edit");
		assertThat(html).contains("/tickets/" + completed + "/transition")
			.doesNotContain("/tickets/" + open + "/transition");
	}

	@Test
	void everySectionIsPagedByCursorInAConstantNumberOfStatements() throws Exception {
		for (int i = 0; i < 55; i++) {
			data.ticket(clientA, String.format("Paged %02d %s", i, data.tag), "d", "Billing", null, "OPEN", submitter,
					developer);
		}
		for (int i = 0; i < 5; i++) {
			data.ticket(clientB, "Paged done " + i + " " + data.tag, "d", "Billing", null, "COMPLETED", submitter,
					null);
		}

		// Assigned to the developer: 50 in queue order, then the rest after the cursor.
		StatementCounter.reset();
		String first = page("/my/tickets", developer);
		int firstStatements = StatementCounter.count();
		String assigned = first.substring(first.indexOf("assigned-heading"), first.indexOf("pickable-heading"));
		assertThat(assigned).contains("Paged 49 " + data.tag).doesNotContain("Paged 50 " + data.tag);
		String next = link(assigned, "next");
		assertThat(next).contains("assignedAfter=").contains("assignedPage=1");
		StatementCounter.reset();
		String second = page(next, developer);
		// MariaDB: two lists across queues read their clients first, and queue positions
		// take two statements (QueuesInTurn, SegmentPositions).
		assertThat(StatementCounter.count()).isEqualTo(firstStatements)
			.isLessThanOrEqualTo(DatabaseRun.isMariaDbRun() ? 18 : 14);
		String assignedAgain = second.substring(second.indexOf("assigned-heading"), second.indexOf("pickable-heading"));
		assertThat(assignedAgain).contains("Paged 50 " + data.tag, "Paged 54 " + data.tag)
			.doesNotContain("Paged 49 " + data.tag);
		assertThat(link(assignedAgain, "prev")).isEqualTo("/my/tickets");

		// Raised by the submitter: newest first (queued and completed), 50 and then 10.
		String raised = page("/my/tickets", submitter);
		assertThat(raised).contains("Paged done 4 " + data.tag)
			.contains("Paged 10 " + data.tag)
			.doesNotContain("Paged 09 " + data.tag);
		String older = page(link(raised, "next"), submitter);
		assertThat(older).contains("Paged 09 " + data.tag, "Paged 00 " + data.tag)
			.doesNotContain("Paged 10 " + data.tag);
		String back = page(link(older, "prev"), submitter);
		assertThat(back).contains("Paged 10 " + data.tag).doesNotContain("Paged 09 " + data.tag);
	}

	/** The href of the first link with that rel, unescaped. */
	private static String link(String html, String rel) {
		Matcher matcher = Pattern.compile("href=\"([^\"]*)\" class=\"[^\"]*\" rel=\"" + rel + "\"").matcher(html);
		assertThat(matcher.find()).as("a %s link", rel).isTrue();
		return matcher.group(1).replace("&amp;", "&");
	}

	@Test
	void theArchiveListsCompletedTicketsNewestFirstAndFiltersByClientAndText() throws Exception {
		long older = data.ticket(clientA, "Archived older " + data.tag, "d", "Billing", null, "COMPLETED", submitter,
				null);
		long newer = data.ticket(clientB, "Archived newer " + data.tag, "d", "Billing", null, "COMPLETED", submitter,
				null);
		data.sql("update tickets set completed_at = ? where id = ?", Timestamp.from(Instant.now().minusSeconds(3600)),
				older);
		data.ticket(clientA, "Still open " + data.tag, "d", "Billing", null, "OPEN", submitter, null);

		String all = page("/archive?q=" + data.tag, "admin@example.com");
		assertThat(all).containsSubsequence("Archived newer " + data.tag, "Archived older " + data.tag)
			.doesNotContain("Still open " + data.tag);

		String filtered = page("/archive?client=" + clientA + "&q=" + data.tag, "admin@example.com");
		assertThat(filtered).contains("Archived older " + data.tag).doesNotContain("Archived newer " + data.tag);
		assertThat(page("/archive?q=" + data.tag, submitter)).contains("Archived newer " + data.tag);
		assertThat(page("/archive?q=" + data.tag, developer)).as("completed, unassigned: not the developer's")
			.doesNotContain("Archived newer " + data.tag);
		assertThat(newer).isPositive();
	}

	@Test
	void theTicketListHidesCompletedTicketsUnlessAskedFor() throws Exception {
		data.ticket(clientA, "Done " + data.tag, "d", "Billing", null, "COMPLETED", submitter, null);

		assertThat(page("/tickets?q=" + data.tag, "admin@example.com")).doesNotContain("Done " + data.tag);
		assertThat(page("/tickets?status=COMPLETED&q=" + data.tag, "admin@example.com")).contains("Done " + data.tag);
	}

	private String page(String url, String email) throws Exception {
		SignedInUser signedIn = (SignedInUser) accounts.loadUserByUsername(email);
		return mvc.perform(get(url).with(user(signedIn))).andReturn().getResponse().getContentAsString();
	}

}
