package io.queuedesk.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import io.queuedesk.DatabaseRun;
import io.queuedesk.StatementCounter;

/**
 * Each queue operation is a small, constant number of statements: the same for a queue of
 * 10 as for one of 5,000, but for the two or three that split or merge a segment when one
 * fills up or runs nearly empty (no ticket row is written then either).
 */
@SpringBootTest
@Import(StatementCounter.class)
class QueueStatementCountTest {

	/**
	 * The largest operation, a move: the lock, the ticket's rank and position, the
	 * queue's size, out of its segment, the new neighbours (segment list and one short
	 * index read), the new rank, into its segment.
	 */
	private static final int MAX_STATEMENTS = 16;

	/**
	 * What splitting or merging a segment adds: its neighbour read, one insert or delete,
	 * one count.
	 */
	private static final int SEGMENT_UPKEEP = 3;

	@Autowired
	QueueService queues;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JdbcTemplate template;

	@Test
	void everyOperationIssuesTheSameSmallNumberOfStatementsForTenAndFiveThousandTickets() {
		Map<String, Integer> small = countStatements(10);
		Map<String, Integer> large = countStatements(5_000);

		assertThat(large).containsOnlyKeys(small.keySet());
		small.forEach((operation, count) -> assertThat(large.get(operation)).as(operation)
			.isBetween(count, count + SEGMENT_UPKEEP));
		assertThat(large.values()).allSatisfy(count -> assertThat(count).isBetween(1, MAX_STATEMENTS));
	}

	private Map<String, Integer> countStatements(int queueLength) {
		QueueFixture fixture = new QueueFixture(jdbc, template);
		long client = fixture.newClient();
		long other = fixture.newClient();
		List<Long> ids = fixture.fill(client, queueLength);
		long middle = ids.get(queueLength / 2);
		long last = ids.get(queueLength - 1);

		Map<String, Integer> counts = new LinkedHashMap<>();
		long forTop = fixture.insert(client);
		long forBottom = fixture.insert(client);
		measure(counts, "top insert", (c, o) -> queues.enter(c, forTop, true), client, other, queueLength);
		measure(counts, "bottom insert", (c, o) -> queues.enter(c, forBottom, false), client, other, queueLength);
		measure(counts, "move to top", (c, o) -> queues.move(c, last, MoveTarget.top()), client, other, queueLength);
		measure(counts, "move to bottom", (c, o) -> queues.move(c, ids.get(1), MoveTarget.bottom()), client, other,
				queueLength);
		measure(counts, "move to middle",
				(c, o) -> queues.move(c, ids.get(2), new MoveTarget.Position(queueLength / 2)), client, other,
				queueLength);
		measure(counts, "leave", (c, o) -> queues.leave(c, middle), client, other, queueLength);
		measure(counts, "re-enter", (c, o) -> queues.enter(c, middle, false), client, other, queueLength);
		measure(counts, "transfer", (c, o) -> queues.transfer(c, o, ids.get(0)), client, other, queueLength);
		fixture.assertInvariantQ(client);
		fixture.assertInvariantQ(other);
		return counts;
	}

	private void measure(Map<String, Integer> counts, String operation, BiConsumer<Long, Long> action, long client,
			long other, int queueLength) {
		long started = System.nanoTime();
		int statements = tx.execute(status -> {
			StatementCounter.reset();
			action.accept(client, other);
			return StatementCounter.count();
		});
		long micros = (System.nanoTime() - started) / 1_000;
		// Reported, not asserted: timing is for benchmarks and the closing note, not for
		// pass/fail.
		if (queueLength >= 5_000) {
			System.out.printf("[queuedesk] %s on %s, queue of %d: %d statements, %.1f ms%n", operation,
					DatabaseRun.name(), queueLength, statements, micros / 1000.0);
		}
		counts.put(operation, statements);
	}

}
