package io.queuedesk.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every queue operation (docs/RULES.md#queues-and-invariant-q), on H2 and (in the second
 * run) on PostgreSQL.
 */
@SpringBootTest
class QueueServiceTest {

	@Autowired
	QueueService queues;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JdbcTemplate template;

	QueueFixture fixture;

	long client;

	List<Long> ids;

	@BeforeEach
	void fiveTickets() {
		fixture = new QueueFixture(jdbc, template);
		client = fixture.newClient();
		ids = fixture.fill(client, 5);
	}

	@Test
	void newTicketGoesToTheBottom() {
		long added = fixture.insert(client);
		assertThat((Integer) tx.execute(s -> queues.enter(client, added, false))).isEqualTo(6);

		assertThat(fixture.order(client)).containsExactly(ids.get(0), ids.get(1), ids.get(2), ids.get(3), ids.get(4),
				added);
		fixture.assertInvariantQ(client);
	}

	@Test
	void topOfQueueShiftsEveryoneDownByOne() {
		long added = fixture.insert(client);
		assertThat((Integer) tx.execute(s -> queues.enter(client, added, true))).isEqualTo(1);

		assertThat(fixture.order(client)).containsExactly(added, ids.get(0), ids.get(1), ids.get(2), ids.get(3),
				ids.get(4));
		fixture.assertInvariantQ(client);
	}

	@Test
	void firstTicketOfAnEmptyQueueIsNumberOne() {
		long empty = fixture.newClient();
		long other = fixture.newClient();
		long atTop = fixture.insert(empty);
		long atBottom = fixture.insert(other);
		assertThat((Integer) tx.execute(s -> queues.enter(empty, atTop, true))).isEqualTo(1);
		assertThat((Integer) tx.execute(s -> queues.enter(other, atBottom, false))).isEqualTo(1);
		fixture.assertInvariantQ(empty);
		fixture.assertInvariantQ(other);
	}

	@Test
	void leavingClosesTheGap() {
		// As completing does: the ticket leaves the queue and stops being queued in one
		// transaction.
		Optional<Integer> oldRank = tx.execute(s -> {
			Optional<Integer> rank = queues.leave(client, ids.get(1));
			jdbc.sql("update tickets set status = 'COMPLETED' where id = ?").param(ids.get(1)).update();
			return rank;
		});
		assertThat(oldRank).contains(2);

		assertThat(fixture.order(client)).containsExactly(ids.get(0), ids.get(2), ids.get(3), ids.get(4));
		assertThat(jdbc.sql("select count(*) from tickets where id = ? and queue_rank is null")
			.param(ids.get(1))
			.query(Long.class)
			.single()).isEqualTo(1);
		fixture.assertInvariantQ(client);
	}

	@Test
	void reenteringGoesToTheBottom() {
		tx.executeWithoutResult(s -> {
			queues.leave(client, ids.get(0));
			jdbc.sql("update tickets set status = 'COMPLETED' where id = ?").param(ids.get(0)).update();
		});
		Integer rank = tx.execute(s -> {
			jdbc.sql("update tickets set status = 'OPEN' where id = ?").param(ids.get(0)).update();
			return queues.enter(client, ids.get(0), false);
		});
		assertThat(rank).isEqualTo(5);

		assertThat(fixture.order(client)).containsExactly(ids.get(1), ids.get(2), ids.get(3), ids.get(4), ids.get(0));
		fixture.assertInvariantQ(client);
	}

	/** from rank, target, expected order of the original ranks afterwards. */
	@ParameterizedTest(name = "#{0} {1} → {2}")
	@CsvSource(delimiter = ';',
			value = { "5; top; 5,1,2,3,4", "1; bottom; 2,3,4,5,1", "3; up; 1,3,2,4,5", "3; down; 1,2,4,3,5",
					"1; up; 1,2,3,4,5", "5; down; 1,2,3,4,5", "4; 2; 1,4,2,3,5", "2; 4; 1,3,4,2,5", "2; 99; 1,3,4,5,2",
					"3; 3; 1,2,3,4,5" })
	void movesShiftTheTicketsInBetween(int from, String target, String expected) {
		MoveTarget to = target.chars().allMatch(Character::isDigit) ? new MoveTarget.Position(Integer.parseInt(target))
				: MoveTarget.parse(target);

		QueueService.Move move = tx.execute(s -> queues.move(client, ids.get(from - 1), to));

		List<Long> order = new ArrayList<>();
		for (String rank : expected.split(",")) {
			order.add(ids.get(Integer.parseInt(rank) - 1));
		}
		assertThat(fixture.order(client)).containsExactlyElementsOf(order);
		assertThat(move.from()).isEqualTo(from);
		assertThat(move.to()).isEqualTo(order.indexOf(ids.get(from - 1)) + 1);
		fixture.assertInvariantQ(client);
	}

	@Test
	void transferLeavesTheOldQueueAndJoinsTheBottomOfTheNew() {
		long other = fixture.newClient();
		List<Long> others = fixture.fill(other, 2);

		QueueService.Move move = tx.execute(s -> queues.transfer(client, other, ids.get(2)));

		assertThat(move).isEqualTo(new QueueService.Move(3, 3));
		assertThat(fixture.order(client)).containsExactly(ids.get(0), ids.get(1), ids.get(3), ids.get(4));
		assertThat(fixture.order(other)).containsExactly(others.get(0), others.get(1), ids.get(2));
		fixture.assertInvariantQ(client);
		fixture.assertInvariantQ(other);
	}

	@Test
	void aTicketNoLongerInTheQueueIsRefusedAndNothingChanges() {
		long other = fixture.newClient();
		tx.executeWithoutResult(s -> queues.transfer(client, other, ids.get(0)));

		assertThatThrownBy(() -> tx.execute(s -> queues.move(client, ids.get(0), MoveTarget.top())))
			.isInstanceOf(QueueChangedException.class);
		assertThatThrownBy(() -> tx.execute(s -> queues.leave(client, ids.get(0))))
			.isInstanceOf(QueueChangedException.class);
		assertThat(fixture.order(client)).containsExactly(ids.get(1), ids.get(2), ids.get(3), ids.get(4));
		fixture.assertInvariantQ(client);
	}

	@Test
	void operationsNeedTheCallersTransaction() {
		assertThatThrownBy(() -> queues.enter(client, ids.get(0), false))
			.isInstanceOf(IllegalTransactionStateException.class);
	}

}
