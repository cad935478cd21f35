package io.queuedesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

import io.queuedesk.queue.MoveTarget;
import io.queuedesk.queue.QueueService;
import io.queuedesk.system.NotFoundException;
import io.queuedesk.user.SignedInUser;

/**
 * Moving a ticket within its client's queue (admins): every target, recorded, tickets in
 * between shift.
 */
@SpringBootTest
class TicketMoveTest {

	@Autowired
	QueueMoves service;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService accounts;

	TicketTestData data;

	long client;

	long a;

	long b;

	long c;

	long d;

	@BeforeEach
	void setUp() {
		data = new TicketTestData(jdbc, accounts);
		client = data.client("Move");
		a = data.ticket(client, "A " + data.tag);
		b = data.ticket(client, "B " + data.tag);
		c = data.ticket(client, "C " + data.tag);
		d = data.ticket(client, "D " + data.tag);
	}

	@AfterEach
	void tearDown() {
		TicketTestData.signOut();
	}

	@Test
	void movesToTheTop() {
		assertMove(c, MoveTarget.top(), 3, 1, List.of(c, a, b, d));
	}

	@Test
	void movesUpOne() {
		assertMove(c, MoveTarget.parse("up"), 3, 2, List.of(a, c, b, d));
	}

	@Test
	void movesDownOne() {
		assertMove(b, MoveTarget.parse("down"), 2, 3, List.of(a, c, b, d));
	}

	@Test
	void movesToTheBottom() {
		assertMove(a, MoveTarget.bottom(), 1, 4, List.of(b, c, d, a));
	}

	@Test
	void movesToAPosition() {
		assertMove(d, new MoveTarget.Position(2), 4, 2, List.of(a, d, b, c));
	}

	@Test
	void positionBeyondTheQueueMeansTheBottom() {
		assertMove(b, new MoveTarget.Position(99), 2, 4, List.of(a, c, d, b));
	}

	@Test
	void moveToTheSamePlaceChangesNothingAndIsNotRecorded() {
		SignedInUser admin = data.signIn(TicketTestData.ADMIN);

		QueueMove move = service.move(a, MoveTarget.parse("up"), admin);

		assertThat(move.changed()).isFalse();
		assertThat(data.queue(client)).containsExactly(a, b, c, d);
		assertThat(data.actions(a)).isEmpty();
	}

	@Test
	void completedTicketCannotBeMoved() {
		data.sql("update tickets set status = 'COMPLETED', queue_rank = null where id = ?", d);
		SignedInUser admin = data.signIn(TicketTestData.ADMIN);

		assertThatThrownBy(() -> service.move(d, MoveTarget.top(), admin)).isInstanceOfSatisfying(
				TicketActionException.class, ex -> assertThat(ex.code()).isEqualTo("ticket.move.notQueued"));
		assertThat(data.queue(client)).containsExactly(a, b, c);
		assertThat(data.actions(d)).isEmpty();
	}

	@Test
	void nonAdminIsForbiddenOnAVisibleTicketAndToldNothingAboutAnInvisibleOne() {
		long adminsTicket = data.ticket(client, "Admin's " + data.tag, "d", "Billing", null, "OPEN",
				TicketTestData.ADMIN, null);
		SignedInUser submitter = data.signIn(TicketTestData.SUBMITTER);
		assertThatThrownBy(() -> service.move(b, MoveTarget.top(), submitter))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> service.move(adminsTicket, MoveTarget.top(), submitter))
			.isInstanceOf(NotFoundException.class);

		SignedInUser developer = data.signIn(TicketTestData.DEV_ONE);
		assertThatThrownBy(() -> service.move(b, MoveTarget.top(), developer))
			.isInstanceOf(AccessDeniedException.class);

		assertThat(data.queue(client)).containsExactly(a, b, c, d, adminsTicket);
	}

	private void assertMove(long ticket, MoveTarget target, int from, int to, List<Long> order) {
		SignedInUser admin = data.signIn(TicketTestData.ADMIN);

		QueueMove move = service.move(ticket, target, admin);

		assertThat(move.places()).isEqualTo(new QueueService.Move(from, to));
		assertThat(data.queue(client)).containsExactlyElementsOf(order);
		assertThat(data.ranks(client)).containsExactly(1, 2, 3, 4);
		assertThat(data.activity(ticket)).singleElement()
			.asString()
			.startsWith("TICKET_MOVED|moved from #" + from + " to #" + to + "|");
	}

}
