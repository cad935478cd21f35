package io.queuedesk.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Builds queues straight in the database (a fresh client per test, so tests sharing one
 * database never see each other's queues) and checks invariant Q.
 */
public final class QueueFixture {

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	public QueueFixture(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	public long newClient() {
		String name = "Queue test " + UUID.randomUUID();
		jdbc.sql("insert into clients (name, active, created_at, version) values (?, true, ?, 0)")
			.params(name, Timestamp.from(Instant.now()))
			.update();
		return jdbc.sql("select id from clients where name = ?").param(name).query(Long.class).single();
	}

	/**
	 * SQL of the position of ticket {@code t} (as every page derives it), for assertions.
	 */
	public static final String POSITION = Segments.POSITION;

	/**
	 * Rank of the ticket at position {@code position} as fixtures write it: any
	 * increasing numbers do.
	 */
	public static long rank(int position) {
		return position * Ranks.GAP;
	}

	/**
	 * Recounts the client's queue segments after tickets were written with plain SQL (as
	 * the demo loader and the generator do through QueueService.rebuild).
	 */
	public static void recount(JdbcClient jdbc, long clientId) {
		new Segments(jdbc, 256).rebuild(clientId);
	}

	/**
	 * {@link #recount} for every client, after a test changed ranks or statuses with
	 * plain SQL.
	 */
	public static void recountAll(JdbcClient jdbc) {
		new Segments(jdbc, 256).rebuild(null);
	}

	/**
	 * Adds {@code count} tickets at positions 1..count to an empty queue; returns their
	 * ids in queue order.
	 */
	public List<Long> fill(long clientId, int count) {
		long area = jdbc.sql("select min(id) from product_areas").query(Long.class).single();
		long submitter = jdbc.sql("select min(id) from users").query(Long.class).single();
		Timestamp now = Timestamp.from(Instant.now());
		List<Object[]> rows = new ArrayList<>();
		IntStream.rangeClosed(1, count)
			.forEach(position -> rows.add(new Object[] { "Ticket " + position, "Queue fixture", clientId, area,
					rank(position), submitter, now, now }));
		template.batchUpdate("""
				insert into tickets (title, description, client_id, product_area_id, queue_rank, status, submitter_id,
				  created_at, updated_at, version) values (?, ?, ?, ?, ?, 'OPEN', ?, ?, ?, 0)
				""", rows);
		recount(jdbc, clientId);
		return order(clientId);
	}

	/**
	 * Inserts one OPEN ticket in no queue yet, as the ticket service does before
	 * QueueService.enter.
	 */
	public long insert(long clientId) {
		long area = jdbc.sql("select min(id) from product_areas").query(Long.class).single();
		long submitter = jdbc.sql("select min(id) from users").query(Long.class).single();
		String title = "Inserted " + UUID.randomUUID();
		Timestamp now = Timestamp.from(Instant.now());
		jdbc.sql("""
				insert into tickets (title, description, client_id, product_area_id, status, submitter_id,
				  created_at, updated_at, version) values (?, 'Queue fixture', ?, ?, 'OPEN', ?, ?, ?, 0)
				""").params(title, clientId, area, submitter, now, now).update();
		return jdbc.sql("select id from tickets where title = ?").param(title).query(Long.class).single();
	}

	/** Ids of the client's queued tickets, top first. */
	public List<Long> order(long clientId) {
		return jdbc.sql("select id from tickets where client_id = ? and queue_rank is not null order by queue_rank")
			.param(clientId)
			.query(Long.class)
			.list();
	}

	/**
	 * Invariant Q: the positions of the client's queued tickets, as every page shows
	 * them, are exactly 1..N in queue order; the segments count exactly the tickets in
	 * their ranges; no ticket that is not completed is outside the queue.
	 */
	public void assertInvariantQ(long clientId) {
		List<Integer> positions = jdbc
			.sql("select " + Segments.POSITION
					+ " from tickets t where t.client_id = ? and t.queue_rank is not null order by t.queue_rank")
			.param(clientId)
			.query(Integer.class)
			.list();
		assertThat(positions).as("positions of client %d", clientId)
			.containsExactlyElementsOf(IntStream.rangeClosed(1, positions.size()).boxed().toList());
		List<String> miscounted = jdbc
			.sql("""
					select s.start_rank || ': ' || s.ticket_count || ' <> ' || (select count(*) from tickets t
					  where t.client_id = s.client_id and t.queue_rank >= s.start_rank and t.queue_rank < coalesce(
					    (select min(n.start_rank) from queue_segments n where n.client_id = s.client_id and n.start_rank > s.start_rank),
					    9223372036854775807))
					from queue_segments s where s.client_id = ? and s.ticket_count <> (select count(*) from tickets t
					  where t.client_id = s.client_id and t.queue_rank >= s.start_rank and t.queue_rank < coalesce(
					    (select min(n.start_rank) from queue_segments n where n.client_id = s.client_id and n.start_rank > s.start_rank),
					    9223372036854775807))
					""")
			.param(clientId)
			.query(String.class)
			.list();
		assertThat(miscounted).as("segments of client %d whose count is wrong", clientId).isEmpty();
		assertThat(jdbc
			.sql("select count(*) from tickets where client_id = ? and status <> 'COMPLETED' and queue_rank is null")
			.param(clientId)
			.query(Long.class)
			.single()).as("queued tickets without a rank").isZero();
		assertThat(jdbc
			.sql("select count(*) from tickets where client_id = ? and status = 'COMPLETED' and queue_rank is not null")
			.param(clientId)
			.query(Long.class)
			.single()).as("completed tickets still ranked").isZero();
	}

}
