package io.queuedesk.ticket;

import static io.queuedesk.ticket.TicketTestData.ADMIN;
import static io.queuedesk.ticket.TicketTestData.DEV_ONE;
import static io.queuedesk.ticket.TicketTestData.DEV_TWO;
import static io.queuedesk.ticket.TicketTestData.SUBMITTER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

import io.queuedesk.system.NotFoundException;
import io.queuedesk.user.SignedInUser;

/**
 * Who sees which ticket (docs/RULES.md#roles-and-visibility), on the ticket page and in
 * lists alike; the rest is "not found".
 */
@SpringBootTest
class TicketVisibilityTest {

	@Autowired
	TicketQueries queries;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService accounts;

	TicketTestData data;

	long client;

	long bySubmitterForDevTwo;

	long unassignedOpen;

	long assignedToDevOne;

	long assignedToDevTwo;

	long unassignedCompleted;

	long raisedByDevOne;

	long completedForDevOne;

	@BeforeEach
	void setUp() {
		data = new TicketTestData(jdbc, accounts);
		client = data.client("Visibility");
		bySubmitterForDevTwo = ticket("Submitter's", "OPEN", SUBMITTER, DEV_TWO);
		unassignedOpen = ticket("Unassigned", "OPEN", ADMIN, null);
		assignedToDevOne = ticket("For Dev One", "ACCEPTED", ADMIN, DEV_ONE);
		assignedToDevTwo = ticket("For Dev Two", "IN_PROGRESS", ADMIN, DEV_TWO);
		unassignedCompleted = ticket("Done unassigned", "COMPLETED", ADMIN, null);
		raisedByDevOne = ticket("Dev One's own", "OPEN", DEV_ONE, DEV_TWO);
		completedForDevOne = ticket("Done by Dev One", "COMPLETED", ADMIN, DEV_ONE);
	}

	@AfterEach
	void tearDown() {
		TicketTestData.signOut();
	}

	@Test
	void adminSeesEverything() {
		assertSees(ADMIN, all());
	}

	@Test
	void submitterSeesOnlyTheirOwn() {
		assertSees(SUBMITTER, Set.of(bySubmitterForDevTwo));
	}

	@Test
	void developerSeesOwnAssignedAndPickableButNotOthersWork() {
		assertSees(DEV_ONE, Set.of(unassignedOpen, assignedToDevOne, raisedByDevOne, completedForDevOne));
	}

	private void assertSees(String email, Set<Long> visible) {
		SignedInUser viewer = data.signIn(email);
		for (long id : all()) {
			if (visible.contains(id)) {
				assertThat(queries.details(id, viewer).ticket().id()).isEqualTo(id);
			}
			else {
				assertThatThrownBy(() -> queries.details(id, viewer)).as("ticket %d for %s", id, email)
					.isInstanceOf(NotFoundException.class);
			}
		}
		assertThat(listed(viewer, null)).as("open tickets listed for %s", email)
			.containsExactlyInAnyOrderElementsOf(
					visible.stream().filter(id -> id != unassignedCompleted && id != completedForDevOne).toList());
		assertThat(listed(viewer, TicketStatus.COMPLETED)).as("completed tickets listed for %s", email)
			.containsExactlyInAnyOrderElementsOf(
					visible.stream().filter(id -> id == unassignedCompleted || id == completedForDevOne).toList());
	}

	private List<Long> listed(SignedInUser viewer, TicketStatus status) {
		TicketFilter filter = new TicketFilter();
		filter.setClient(client);
		filter.setStatus(status);
		return queries.list(filter, viewer).rows().stream().map(TicketRow::id).toList();
	}

	private Set<Long> all() {
		return Set.copyOf(
				Stream
					.of(bySubmitterForDevTwo, unassignedOpen, assignedToDevOne, assignedToDevTwo, unassignedCompleted,
							raisedByDevOne, completedForDevOne)
					.toList());
	}

	private long ticket(String title, String status, String submitter, String assignee) {
		return data.ticket(client, title + " " + data.tag, "d", "Billing", null, status, submitter, assignee);
	}

}
