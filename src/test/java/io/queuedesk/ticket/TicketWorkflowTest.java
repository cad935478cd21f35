package io.queuedesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import io.queuedesk.queue.QueueFixture;
import io.queuedesk.system.NotFoundException;
import io.queuedesk.user.SignedInUser;

/** The workflow (docs/RULES.md#workflow) through the service, on H2 and PostgreSQL. */
@SpringBootTest
@RecordApplicationEvents
class TicketWorkflowTest {

	@Autowired
	TicketWorkflow workflow;

	@Autowired
	TicketService tickets;

	@Autowired
	UserDetailsService accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEvents events;

	SignedInUser admin;

	SignedInUser devOne;

	SignedInUser devTwo;

	SignedInUser submitter;

	long client;

	@BeforeEach
	void users() {
		admin = as("admin@example.com");
		devOne = as("developer1@example.com");
		devTwo = as("developer2@example.com");
		submitter = as("user@example.com");
		String name = "Workflow " + UUID.randomUUID();
		jdbc.sql("insert into clients (name, active, created_at, version) values (?, true, current_timestamp, 0)")
			.param(name)
			.update();
		client = jdbc.sql("select id from clients where name = ?").param(name).query(Long.class).single();
	}

	@Test
	void theHappyPathEndsInTheArchiveAndReopensAtTheBottom() {
		long first = raise(submitter, devOne.getId());
		long second = raise(submitter, null);

		step(devOne, first, TicketStatus.ACCEPTED);
		step(devOne, first, TicketStatus.IN_PROGRESS);
		step(devOne, first, TicketStatus.ON_HOLD);
		step(devOne, first, TicketStatus.IN_PROGRESS);
		step(devOne, first, TicketStatus.COMPLETED);

		assertThat(status(first)).isEqualTo("COMPLETED");
		assertThat(priority(first)).isNull();
		assertThat(priority(second)).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from tickets where id = ? and completed_at is not null")
			.param(first)
			.query(Long.class)
			.single()).isEqualTo(1);

		step(submitter, first, TicketStatus.OPEN);

		assertThat(status(first)).isEqualTo("OPEN");
		assertThat(priority(first)).isEqualTo(2);
		assertThat(jdbc.sql("select count(*) from tickets where id = ? and completed_at is null")
			.param(first)
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from activity_log where ticket_id = ? and action = 'STATUS_CHANGED'")
			.param(first)
			.query(Long.class)
			.single()).isEqualTo(6);
		assertThat(events.stream(TicketEvents.TicketStatusChanged.class).filter(e -> e.ticketId() == first).count())
			.isEqualTo(6);
	}

	@ParameterizedTest(name = "{0} → {1} refused")
	@CsvSource({ "OPEN, IN_PROGRESS", "OPEN, COMPLETED", "OPEN, ON_HOLD", "ACCEPTED, COMPLETED", "ACCEPTED, OPEN",
			"ON_HOLD, COMPLETED", "COMPLETED, IN_PROGRESS", "COMPLETED, ACCEPTED", "IN_PROGRESS, IN_PROGRESS" })
	void stepsTheWorkflowDoesNotAllowChangeNothing(TicketStatus from, TicketStatus to) {
		long id = raise(submitter, devOne.getId());
		jdbc.sql("update tickets set status = ? where id = ?").params(from.name(), id).update();
		if (from == TicketStatus.COMPLETED) {
			jdbc.sql("update tickets set queue_rank = null where id = ?").param(id).update();
			QueueFixture.recountAll(jdbc);
		}
		long entries = activityCount(id);

		assertThatThrownBy(() -> step(admin, id, to)).isInstanceOf(TicketActionException.class)
			.extracting("code")
			.isEqualTo("ticket.transition.invalid");

		assertThat(status(id)).isEqualTo(from.name());
		assertThat(activityCount(id)).isEqualTo(entries);
	}

	@Test
	void aStaleFormIsRefused() {
		long id = raise(submitter, devOne.getId());
		long version = version(id);
		step(devOne, id, TicketStatus.ACCEPTED);

		assertThatThrownBy(() -> withUser(devOne, () -> workflow.transition(id, TicketStatus.ON_HOLD, version, devOne)))
			.isInstanceOf(TicketActionException.class)
			.extracting("code")
			.isEqualTo("ticket.transition.stale");
		assertThat(status(id)).isEqualTo("ACCEPTED");
	}

	@Test
	void onlyTheAssigneeOrAnAdminAdvancesAndOnlyTheSubmitterOrAnAdminReopens() {
		long id = raise(submitter, devOne.getId());

		assertThatThrownBy(() -> step(submitter, id, TicketStatus.ACCEPTED)).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> step(devTwo, id, TicketStatus.ACCEPTED)).isInstanceOf(NotFoundException.class);
		step(admin, id, TicketStatus.ACCEPTED);
		step(devOne, id, TicketStatus.IN_PROGRESS);
		step(devOne, id, TicketStatus.COMPLETED);
		assertThatThrownBy(() -> step(devOne, id, TicketStatus.OPEN)).isInstanceOf(AccessDeniedException.class);
		assertThat(status(id)).isEqualTo("COMPLETED");
	}

	@Test
	void aDeveloperAcceptingAnUnassignedTicketPicksItUp() {
		long id = raise(submitter, null);

		step(devTwo, id, TicketStatus.ACCEPTED);

		assertThat(assignee(id)).isEqualTo(devTwo.getId());
		assertThat(events.stream(TicketEvents.TicketAssigned.class).filter(e -> e.ticketId() == id)).singleElement()
			.satisfies(e -> assertThat(e.to().displayName()).isEqualTo("Dev Two"));
	}

	@Test
	void reassigningAStartedTicketSendsItBackToOpen() {
		long id = raise(submitter, devOne.getId());
		step(devOne, id, TicketStatus.ACCEPTED);
		step(devOne, id, TicketStatus.IN_PROGRESS);

		withUser(admin, () -> workflow.assign(id, devTwo.getId(), admin));

		assertThat(assignee(id)).isEqualTo(devTwo.getId());
		assertThat(status(id)).isEqualTo("OPEN");
		assertThat(jdbc
			.sql("select details from activity_log where ticket_id = ? and action = 'TICKET_ASSIGNED' order by id desc")
			.param(id)
			.query(String.class)
			.list()
			.get(0)).isEqualTo("assignee: Dev One → Dev Two");
	}

	@Test
	void reassigningACompletedTicketKeepsItCompleted() {
		long id = raise(submitter, devOne.getId());
		jdbc.sql("update tickets set status = 'COMPLETED', queue_rank = null where id = ?").param(id).update();
		QueueFixture.recountAll(jdbc);

		withUser(admin, () -> workflow.assign(id, devTwo.getId(), admin));

		assertThat(status(id)).isEqualTo("COMPLETED");
	}

	@Test
	void developersOnlyPickUpUnassignedTicketsForThemselves() {
		long unassigned = raise(submitter, null);
		long taken = raise(submitter, devOne.getId());

		assertThatThrownBy(() -> withUser(devTwo, () -> workflow.assign(unassigned, devOne.getId(), devTwo)))
			.isInstanceOf(AccessDeniedException.class);
		withUser(devTwo, () -> workflow.assign(unassigned, devTwo.getId(), devTwo));
		assertThat(assignee(unassigned)).isEqualTo(devTwo.getId());
		assertThatThrownBy(() -> withUser(devTwo, () -> workflow.assign(taken, devTwo.getId(), devTwo)))
			.isInstanceOf(NotFoundException.class);
		assertThat(assignee(taken)).isEqualTo(devOne.getId());
	}

	@Test
	void onlyActiveStaffCanBeAssigned() {
		long id = raise(submitter, null);

		assertThatThrownBy(() -> withUser(admin, () -> workflow.assign(id, submitter.getId(), admin)))
			.isInstanceOf(TicketActionException.class)
			.extracting("code")
			.isEqualTo("ticket.assign.unknown");
		assertThat(assignee(id)).isNull();
	}

	private long raise(SignedInUser by, Long assigneeId) {
		long area = jdbc.sql("select min(id) from product_areas where active = true").query(Long.class).single();
		long id = withUser(by,
				() -> tickets
					.create(new TicketForm("Workflow " + UUID.randomUUID(), "d", client, area, null, null, false), by)
					.getId());
		if (assigneeId != null) {
			jdbc.sql("update tickets set assignee_id = ? where id = ?").params(assigneeId, id).update();
		}
		return id;
	}

	private void step(SignedInUser user, long id, TicketStatus to) {
		withUser(user, () -> workflow.transition(id, to, null, user));
	}

	private static void withUser(SignedInUser user, Runnable action) {
		withUser(user, () -> {
			action.run();
			return null;
		});
	}

	private static <T> T withUser(SignedInUser user, Supplier<T> action) {
		SecurityContextHolder.getContext()
			.setAuthentication(new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
		try {
			return action.get();
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	private SignedInUser as(String email) {
		return (SignedInUser) accounts.loadUserByUsername(email);
	}

	private String status(long id) {
		return jdbc.sql("select status from tickets where id = ?").param(id).query(String.class).single();
	}

	private Integer priority(long id) {
		return jdbc
			.sql("select case when t.queue_rank is null then null else " + QueueFixture.POSITION
					+ " end from tickets t where t.id = ?")
			.param(id)
			.query((rs, n) -> rs.getObject(1, Integer.class))
			.list()
			.get(0);
	}

	private Long assignee(long id) {
		return jdbc.sql("select assignee_id from tickets where id = ?")
			.param(id)
			.query((rs, n) -> rs.getObject(1, Long.class))
			.list()
			.get(0);
	}

	private long version(long id) {
		return jdbc.sql("select version from tickets where id = ?").param(id).query(Long.class).single();
	}

	private long activityCount(long id) {
		return jdbc.sql("select count(*) from activity_log where ticket_id = ?").param(id).query(Long.class).single();
	}

}
