package io.queuedesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Instant;

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
 * Withdrawing a ticket: the queue closes up, comments go, history stays
 * (docs/RULES.md#queues-and-invariant-q, withdraw).
 */
@SpringBootTest
class TicketDeleteTest {

	@Autowired
	TicketService service;

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
		client = data.client("Delete");
		first = data.ticket(client, "First " + data.tag);
		second = data.ticket(client, "Second " + data.tag);
		third = data.ticket(client, "Third " + data.tag);
	}

	@AfterEach
	void tearDown() {
		TicketTestData.signOut();
	}

	@Test
	void closesTheGapInTheQueue() {
		SignedInUser admin = data.signIn(TicketTestData.ADMIN);

		service.delete(second, admin);

		assertThat(data.queue(client)).containsExactly(first, third);
		assertThat(data.ranks(client)).containsExactly(1, 2);
		assertThat(data.count("select count(*) from tickets where id = ?", second)).isZero();
	}

	@Test
	void deletesTheCommentsAndKeepsTheHistory() {
		SignedInUser admin = data.signIn(TicketTestData.ADMIN);
		data.sql(
				"insert into comments (ticket_id, author_id, body, internal, system_comment, created_at) "
						+ "values (?, ?, 'A comment', false, false, ?)",
				first, admin.getId(), Timestamp.from(Instant.now()));
		data.sql(
				"insert into activity_log (occurred_at, actor_id, actor_email, action, ticket_id, ticket_title, details) "
						+ "values (?, ?, ?, 'COMMENT_ADDED', ?, ?, 'earlier')",
				Timestamp.from(Instant.now()), admin.getId(), admin.getEmail(), first, "First " + data.tag);

		service.delete(first, admin);

		assertThat(data.count("select count(*) from comments where ticket_id = ?", first)).isZero();
		assertThat(data.activity(first)).satisfiesExactly(
				earlier -> assertThat(earlier).startsWith("COMMENT_ADDED|earlier"),
				deleted -> assertThat(deleted).startsWith("TICKET_DELETED|")
					.contains("was #1")
					.endsWith("|First " + data.tag));
		assertThat(data.queue(client)).containsExactly(second, third);
	}

	@Test
	void submitterMayWithdrawTheirOwnOpenTicket() {
		SignedInUser submitter = data.signIn(TicketTestData.SUBMITTER);

		service.delete(third, submitter);

		assertThat(data.queue(client)).containsExactly(first, second);
	}

	@Test
	void submitterCannotDeleteSomeoneElsesTicketAndLearnsNothing() {
		long adminsTicket = data.ticket(client, "Admin's " + data.tag, "d", "Billing", null, "OPEN",
				TicketTestData.ADMIN, null);
		SignedInUser submitter = data.signIn(TicketTestData.SUBMITTER);

		assertThatThrownBy(() -> service.delete(adminsTicket, submitter)).isInstanceOf(NotFoundException.class);

		assertThat(data.queue(client)).containsExactly(first, second, third, adminsTicket);
		assertThat(data.actions(adminsTicket)).isEmpty();
	}

	@Test
	void submitterCannotWithdrawOnceAccepted() {
		data.sql("update tickets set status = 'ACCEPTED' where id = ?", first);
		SignedInUser submitter = data.signIn(TicketTestData.SUBMITTER);

		assertThatThrownBy(() -> service.delete(first, submitter)).isInstanceOf(TicketActionException.class);

		assertThat(data.queue(client)).containsExactly(first, second, third);
	}

	@Test
	void developerCannotDelete() {
		SignedInUser developer = data.signIn(TicketTestData.DEV_ONE);

		assertThatThrownBy(() -> service.delete(first, developer)).isInstanceOf(TicketActionException.class);

		assertThat(data.queue(client)).containsExactly(first, second, third);
	}

}
