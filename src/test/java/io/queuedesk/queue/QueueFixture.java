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
 * Builds queues straight in the database (a fresh client per test, so tests sharing one database
 * never see each other's queues) and checks invariant Q.
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

	/** Adds {@code count} tickets ranked 1..count to an empty queue; returns their ids in rank order. */
	public List<Long> fill(long clientId, int count) {
		long area = jdbc.sql("select min(id) from product_areas").query(Long.class).single();
		long submitter = jdbc.sql("select min(id) from users").query(Long.class).single();
		Timestamp now = Timestamp.from(Instant.now());
		List<Object[]> rows = new ArrayList<>();
		IntStream.rangeClosed(1, count)
			.forEach(rank -> rows.add(new Object[] { "Ticket " + rank, "Queue fixture", clientId, area, rank, submitter,
					now, now }));
		template.batchUpdate("""
				insert into tickets (title, description, client_id, product_area_id, priority, status, submitter_id,
				  created_at, updated_at, version) values (?, ?, ?, ?, ?, 'OPEN', ?, ?, ?, 0)
				""", rows);
		return order(clientId);
	}

	/** Inserts one ticket with the given rank (as the ticket service does after asking for a rank). */
	public long insert(long clientId, int rank) {
		long area = jdbc.sql("select min(id) from product_areas").query(Long.class).single();
		long submitter = jdbc.sql("select min(id) from users").query(Long.class).single();
		String title = "Inserted " + UUID.randomUUID();
		Timestamp now = Timestamp.from(Instant.now());
		jdbc.sql("""
				insert into tickets (title, description, client_id, product_area_id, priority, status, submitter_id,
				  created_at, updated_at, version) values (?, 'Queue fixture', ?, ?, ?, 'OPEN', ?, ?, ?, 0)
				""").params(title, clientId, area, rank, submitter, now, now).update();
		return jdbc.sql("select id from tickets where title = ?").param(title).query(Long.class).single();
	}

	/** Ids of the client's queued tickets, top first. */
	public List<Long> order(long clientId) {
		return jdbc.sql("select id from tickets where client_id = ? and priority is not null order by priority")
			.param(clientId)
			.query(Long.class)
			.list();
	}

	/** Invariant Q: the client's queued tickets are ranked exactly 1..N. */
	public void assertInvariantQ(long clientId) {
		List<Integer> ranks = jdbc.sql("select priority from tickets where client_id = ? and priority is not null order by priority")
			.param(clientId)
			.query(Integer.class)
			.list();
		assertThat(ranks).as("ranks of client %d", clientId)
			.containsExactlyElementsOf(IntStream.rangeClosed(1, ranks.size()).boxed().toList());
		assertThat(jdbc.sql("select count(*) from tickets where client_id = ? and status <> 'COMPLETED' and priority is null")
			.param(clientId)
			.query(Long.class)
			.single()).as("queued tickets without a rank").isZero();
	}

}
