package io.queuedesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.queuedesk.user.SignedInUser;

/**
 * Raising a ticket (docs/RULES.md#queues-and-invariant-q, raise): bottom of the queue,
 * top only for admins, rules on every field.
 */
@SpringBootTest
class TicketCreateTest {

	@Autowired
	TicketService service;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService accounts;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	Clock clock;

	TicketTestData data;

	long client;

	long billing;

	@BeforeEach
	void setUp() {
		data = new TicketTestData(jdbc, accounts);
		client = data.client("Create");
		billing = data.area("Billing");
		data.ticket(client, "First " + data.tag);
		data.ticket(client, "Second " + data.tag);
	}

	@AfterEach
	void tearDown() {
		TicketTestData.signOut();
	}

	@Test
	void newTicketGoesToTheBottom() {
		SignedInUser me = data.signIn(TicketTestData.SUBMITTER);
		long before1 = data.queue(client).get(0);
		long before2 = data.queue(client).get(1);

		Ticket ticket = service.create(form("Bottom", client, billing, null, null, false), me);

		assertThat(data.priority(ticket.getId())).isEqualTo(3);
		assertThat(data.queue(client)).containsExactly(before1, before2, ticket.getId());
		assertThat(data.ranks(client)).containsExactly(1, 2, 3);
	}

	/**
	 * Every database keeps all of Unicode: emoji (4 bytes in UTF-8, which MariaDB's
	 * three-byte "utf8" would refuse), accents and non-Latin scripts, in title and
	 * description alike.
	 */
	@Test
	void titlesAndDescriptionsKeepEmojiAndEveryScript() {
		SignedInUser me = data.signIn(TicketTestData.SUBMITTER);
		String title = "Drucker brennt 🔥 — Überlauf 日本語 " + data.tag;
		String description = "Steps: 👉 print twice\nExpected: ✅\nActual: 💥 ¯\\_(ツ)_/¯ Ωμέγα";

		Ticket ticket = service.create(new TicketForm(title, description, client, billing, null, null, false), me);

		assertThat(
				jdbc.sql("select title from tickets where id = ?").param(ticket.getId()).query(String.class).single())
			.isEqualTo(title);
		assertThat(jdbc.sql("select description from tickets where id = ?")
			.param(ticket.getId())
			.query(String.class)
			.single()).isEqualTo(description);
	}

	@Test
	void adminMayPutANewTicketOnTop() {
		SignedInUser admin = data.signIn(TicketTestData.ADMIN);
		long before1 = data.queue(client).get(0);
		long before2 = data.queue(client).get(1);

		Ticket ticket = service.create(form("Top", client, billing, null, null, true), admin);

		assertThat(data.queue(client)).containsExactly(ticket.getId(), before1, before2);
		assertThat(data.ranks(client)).containsExactly(1, 2, 3);
		assertThat(data.activity(ticket.getId())).singleElement().asString().contains("(top of queue)");
	}

	@Test
	void topOfQueueIsIgnoredForSubmittersAndDevelopers() {
		SignedInUser submitter = data.signIn(TicketTestData.SUBMITTER);
		Ticket bySubmitter = service.create(form("Sub top", client, billing, null, null, true), submitter);
		SignedInUser developer = data.signIn(TicketTestData.DEV_ONE);
		Ticket byDeveloper = service.create(form("Dev top", client, billing, null, null, true), developer);

		assertThat(data.priority(bySubmitter.getId())).isEqualTo(3);
		assertThat(data.priority(byDeveloper.getId())).isEqualTo(4);
		assertThat(data.ranks(client)).containsExactly(1, 2, 3, 4);
	}

	@Test
	void unknownOrInactiveClientIsAFieldErrorAndWritesNothing() {
		SignedInUser admin = data.signIn(TicketTestData.ADMIN);
		long inactive = data.inactiveClient("Gone");

		for (Long clientId : new Long[] { -1L, null, inactive }) {
			assertThatThrownBy(() -> service.create(form("No client", clientId, billing, null, null, false), admin))
				.isInstanceOfSatisfying(TicketFieldException.class, ex -> assertThat(ex.field()).isEqualTo("clientId"));
		}
		assertThat(data.count("select count(*) from tickets where title = ?", "No client " + data.tag)).isZero();
		assertThat(data.count("select count(*) from activity_log where ticket_title = ?", "No client " + data.tag))
			.isZero();
		assertThat(data.size(inactive)).isZero();
	}

	@Test
	void unknownOrInactiveProductAreaIsAFieldErrorAndWritesNothing() {
		SignedInUser admin = data.signIn(TicketTestData.ADMIN);

		for (Long areaId : new Long[] { -1L, null, data.inactiveArea() }) {
			assertThatThrownBy(() -> service.create(form("No area", client, areaId, null, null, true), admin))
				.isInstanceOfSatisfying(TicketFieldException.class,
						ex -> assertThat(ex.field()).isEqualTo("productAreaId"));
		}
		assertThat(data.size(client)).isEqualTo(2);
		assertThat(data.count("select count(*) from tickets where title = ?", "No area " + data.tag)).isZero();
	}

	@Test
	void targetDateInThePastIsAFieldError() {
		SignedInUser admin = data.signIn(TicketTestData.ADMIN);
		LocalDate yesterday = LocalDate.now(clock).minusDays(1);

		assertThatThrownBy(() -> service.create(form("Late", client, billing, yesterday, null, false), admin))
			.isInstanceOfSatisfying(TicketFieldException.class, ex -> assertThat(ex.field()).isEqualTo("targetDate"));
		assertThat(data.size(client)).isEqualTo(2);

		Ticket today = service.create(form("Today", client, billing, LocalDate.now(clock), null, false), admin);
		assertThat(today.getTargetDate()).isEqualTo(LocalDate.now(clock));
	}

	@Test
	void developerMayAssignOnlyThemselves() {
		SignedInUser developer = data.signIn(TicketTestData.DEV_ONE);
		long other = data.userId(TicketTestData.DEV_TWO);

		assertThatThrownBy(() -> service.create(form("Other", client, billing, null, other, false), developer))
			.isInstanceOfSatisfying(TicketFieldException.class, ex -> assertThat(ex.field()).isEqualTo("assigneeId"));
		assertThat(data.size(client)).isEqualTo(2);

		Ticket mine = service.create(form("Mine", client, billing, null, developer.getId(), false), developer);
		assertThat(assigneeOf(mine.getId())).isEqualTo(developer.getId());
	}

	@Test
	void adminMayAssignAnyDeveloper() {
		SignedInUser admin = data.signIn(TicketTestData.ADMIN);
		long devTwo = data.userId(TicketTestData.DEV_TWO);

		Ticket ticket = service.create(form("Assigned", client, billing, null, devTwo, false), admin);

		assertThat(assigneeOf(ticket.getId())).isEqualTo(devTwo);
	}

	@Test
	void submittersAssigneeIsIgnored() {
		SignedInUser submitter = data.signIn(TicketTestData.SUBMITTER);

		Ticket ticket = service
			.create(form("Sub assigns", client, billing, null, data.userId(TicketTestData.DEV_ONE), false), submitter);

		assertThat(assigneeOf(ticket.getId())).isNull();
		assertThat(data.actions(ticket.getId())).containsExactly("TICKET_CREATED");
	}

	@Test
	void creationIsRecordedWithTheAssignment() {
		SignedInUser admin = data.signIn(TicketTestData.ADMIN);

		Ticket ticket = service
			.create(form("Recorded", client, billing, null, data.userId(TicketTestData.DEV_ONE), false), admin);

		assertThat(data.activity(ticket.getId())).satisfiesExactly(
				created -> assertThat(created).startsWith("TICKET_CREATED|")
					.contains(data.clientName(client))
					.contains("#3")
					.endsWith("|Recorded " + data.tag),
				assigned -> assertThat(assigned).startsWith("TICKET_ASSIGNED|").contains("Dev One"));
		assertThat(data.count("select count(*) from activity_log where ticket_id = ? and actor_email = ?",
				ticket.getId(), TicketTestData.ADMIN))
			.isEqualTo(2);
	}

	@Test
	void activityIsWrittenInTheSameTransaction() {
		SignedInUser admin = data.signIn(TicketTestData.ADMIN);
		TransactionTemplate tx = new TransactionTemplate(transactions);

		Long id = tx.execute(status -> {
			Ticket ticket = service
				.create(form("Rolled back", client, billing, null, data.userId(TicketTestData.DEV_ONE), false), admin);
			status.setRollbackOnly();
			return ticket.getId();
		});

		assertThat(data.count("select count(*) from tickets where id = ?", id)).isZero();
		assertThat(data.actions(id)).isEmpty();
		assertThat(data.ranks(client)).containsExactly(1, 2);
	}

	private Long assigneeOf(long ticketId) {
		return jdbc.sql("select assignee_id from tickets where id = ?")
			.param(ticketId)
			.query((rs, n) -> rs.getObject(1, Long.class))
			.list()
			.get(0);
	}

	private TicketForm form(String title, Long clientId, Long areaId, LocalDate target, Long assigneeId, boolean top) {
		return new TicketForm(title + " " + data.tag, "Description of " + title, clientId, areaId, target, assigneeId,
				top);
	}

}
