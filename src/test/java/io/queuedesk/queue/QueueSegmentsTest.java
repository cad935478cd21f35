package io.queuedesk.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import io.queuedesk.system.DatabaseDialect;

/**
 * The machinery behind derived positions, with segments of 8 tickets so that a few dozen
 * operations split, merge and respread them: after every step the positions are 1..N in
 * queue order and every segment counts exactly its tickets (invariant Q as the pages see
 * it).
 */
@SpringBootTest
class QueueSegmentsTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JdbcTemplate template;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	DatabaseDialect dialect;

	QueueService queues;

	QueueFixture fixture;

	long client;

	@BeforeEach
	void smallSegments() {
		queues = new QueueService(jdbc, template, dialect, new QueueSettings(8));
		fixture = new QueueFixture(jdbc, template);
		client = fixture.newClient();
	}

	@Test
	void growingAtTheTopAndBottomSplitsSegments() {
		List<Long> expected = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			long id = fixture.insert(client);
			boolean top = i % 3 == 0;
			Integer position = tx.execute(s -> queues.enter(client, id, top));
			if (top) {
				expected.add(0, id);
			}
			else {
				expected.add(id);
			}
			assertThat(position).isEqualTo(top ? 1 : expected.size());
		}
		assertThat(fixture.order(client)).containsExactlyElementsOf(expected);
		assertThat(segments()).as("split into segments of at most 8").isGreaterThanOrEqualTo(40 / 8);
		fixture.assertInvariantQ(client);
	}

	@Test
	void leavingMergesSmallSegmentsAway() {
		List<Long> ids = filled(40);
		int before = segments();
		for (int i = 0; i < 36; i++) {
			long id = ids.get(i);
			tx.execute(s -> queues.leave(client, id));
			jdbc.sql("update tickets set status = 'COMPLETED' where id = ?").param(id).update();
			fixture.assertInvariantQ(client);
		}
		assertThat(segments()).isLessThan(before);
		assertThat(fixture.order(client)).containsExactlyElementsOf(ids.subList(36, 40));
	}

	@Test
	void manyMovesIntoTheSameGapRespreadTheRanksAndKeepTheOrder() {
		List<Long> ids = filled(20);
		List<Long> expected = new ArrayList<>(ids);
		// Always to position 2: each move halves the gap below the top ticket, some 30
		// times
		// before it is used up and the segment is respread.
		for (int i = 0; i < 80; i++) {
			long id = expected.get(expected.size() - 1);
			QueueService.Move move = tx.execute(s -> queues.move(client, id, new MoveTarget.Position(2)));
			expected.remove(id);
			expected.add(1, id);
			assertThat(move.to()).isEqualTo(2);
		}
		assertThat(fixture.order(client)).containsExactlyElementsOf(expected);
		fixture.assertInvariantQ(client);
	}

	@Test
	void aSegmentTooNarrowToRespreadRenumbersTheWholeQueue() {
		// Neighbouring numbers everywhere, as if every gap had been used up.
		List<Long> ids = filled(24);
		for (int i = 0; i < ids.size(); i++) {
			jdbc.sql("update tickets set queue_rank = ? where id = ?").params(1000L + i, ids.get(i)).update();
		}
		QueueFixture.recount(jdbc, client);
		List<Long> expected = new ArrayList<>(ids);

		long moved = ids.get(20);
		tx.execute(s -> queues.move(client, moved, new MoveTarget.Position(12)));
		expected.remove(moved);
		expected.add(11, moved);

		assertThat(fixture.order(client)).containsExactlyElementsOf(expected);
		assertThat(jdbc.sql("select min(queue_rank) < 0 and max(queue_rank) > 0 from tickets where client_id = ?")
			.param(client)
			.query(Boolean.class)
			.single()).as("renumbered around zero").isTrue();
		fixture.assertInvariantQ(client);
	}

	@Test
	void randomOperationsKeepInvariantQ() {
		Random random = new Random(42);
		long other = fixture.newClient();
		for (int i = 0; i < 150; i++) {
			List<Long> queued = fixture.order(client);
			int kind = queued.size() < 3 ? 0 : random.nextInt(4);
			switch (kind) {
				case 0 -> {
					long id = fixture.insert(client);
					tx.execute(s -> queues.enter(client, id, random.nextBoolean()));
				}
				case 1 -> {
					long id = queued.get(random.nextInt(queued.size()));
					int to = 1 + random.nextInt(queued.size());
					tx.execute(s -> queues.move(client, id, new MoveTarget.Position(to)));
				}
				case 2 -> {
					long id = queued.get(random.nextInt(queued.size()));
					tx.execute(s -> queues.leave(client, id));
					jdbc.sql("update tickets set status = 'COMPLETED' where id = ?").param(id).update();
				}
				default -> {
					long id = queued.get(random.nextInt(queued.size()));
					tx.execute(s -> queues.transfer(client, other, id));
				}
			}
			fixture.assertInvariantQ(client);
		}
		fixture.assertInvariantQ(other);
	}

	@Test
	void positionsAndRankLookupsAgreeAtEveryDepth() {
		List<Long> ids = filled(30);

		Map<Long, Integer> positions = queues.positionsOf(ids);
		assertThat(positions).hasSize(30)
			.allSatisfy((id, position) -> assertThat(position).isEqualTo(ids.indexOf(id) + 1));
		for (int position = 1; position <= 30; position++) {
			long rank = queues.rankAt(client, position).orElseThrow();
			assertThat(jdbc.sql("select id from tickets where client_id = ? and queue_rank = ?")
				.params(client, rank)
				.query(Long.class)
				.single()).isEqualTo(ids.get(position - 1));
		}
		assertThat(queues.rankAt(client, 31)).isEmpty();
		assertThat(queues.size(client)).isEqualTo(30);
	}

	/**
	 * A queue of {@code count} tickets built through the service, so segments split as
	 * they grow.
	 */
	private List<Long> filled(int count) {
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			long id = fixture.insert(client);
			tx.execute(s -> queues.enter(client, id, false));
			ids.add(id);
		}
		return ids;
	}

	private int segments() {
		return jdbc.sql("select count(*) from queue_segments where client_id = ?")
			.param(client)
			.query(Integer.class)
			.single();
	}

}
