package io.queuedesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

import io.queuedesk.queue.QueueService;
import io.queuedesk.user.SignedInUser;

/**
 * Transferring a ticket to another client (admins): out of the old queue, in at the
 * bottom of the new.
 */
@SpringBootTest
class TicketTransferTest {

	@Autowired
	QueueMoves service;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService accounts;

	TicketTestData data;

	long source;

	long target;

	long a;

	long b;

	long c;

	long x;

	@BeforeEach
	void setUp() {
		data = new TicketTestData(jdbc, accounts);
		source = data.client("From");
		target = data.client("To");
		a = data.ticket(source, "A " + data.tag);
		b = data.ticket(source, "B " + data.tag);
		c = data.ticket(source, "C " + data.tag);
		x = data.ticket(target, "X " + data.tag);
	}

	@AfterEach
	void tearDown() {
		TicketTestData.signOut();
	}

	@Test
	void leavesTheOldQueueAndEntersTheNewOneAtTheBottom() {
		SignedInUser admin = data.signIn(TicketTestData.ADMIN);

		QueueMove move = service.transfer(b, target, admin);

		assertThat(move.places()).isEqualTo(new QueueService.Move(2, 2));
		assertThat(data.queue(source)).containsExactly(a, c);
		assertThat(data.ranks(source)).containsExactly(1, 2);
		assertThat(data.queue(target)).containsExactly(x, b);
		assertThat(data.ranks(target)).containsExactly(1, 2);
		assertThat(data.count("select client_id from tickets where id = ?", b)).isEqualTo(target);
		assertThat(data.activity(b)).singleElement()
			.asString()
			.startsWith("TICKET_TRANSFERRED|from " + data.clientName(source) + " #2 to " + data.clientName(target)
					+ " #2|");
	}

	@Test
	void sameClientIsRefused() {
		SignedInUser admin = data.signIn(TicketTestData.ADMIN);

		assertThatThrownBy(() -> service.transfer(a, source, admin)).isInstanceOfSatisfying(TicketActionException.class,
				ex -> assertThat(ex.code()).isEqualTo("ticket.transfer.sameClient"));
		assertUnchanged();
	}

	@Test
	void unknownOrInactiveClientIsRefused() {
		SignedInUser admin = data.signIn(TicketTestData.ADMIN);
		long inactive = data.inactiveClient("Closed");

		for (Long clientId : new Long[] { -1L, null, inactive }) {
			assertThatThrownBy(() -> service.transfer(a, clientId, admin)).isInstanceOfSatisfying(
					TicketActionException.class,
					ex -> assertThat(ex.code()).isEqualTo("ticket.transfer.unknownClient"));
		}
		assertUnchanged();
		assertThat(data.size(inactive)).isZero();
	}

	@Test
	void onlyAdminsTransfer() {
		SignedInUser developer = data.signIn(TicketTestData.DEV_ONE);

		assertThatThrownBy(() -> service.transfer(a, target, developer)).isInstanceOf(AccessDeniedException.class);
		assertUnchanged();
	}

	private void assertUnchanged() {
		assertThat(data.queue(source)).containsExactly(a, b, c);
		assertThat(data.queue(target)).containsExactly(x);
		assertThat(data.actions(a)).isEmpty();
	}

}
