package io.queuedesk.queue;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The order-statistics part of a queue: the table {@code queue_segments} cuts each
 * client's rank line into consecutive ranges and stores how many queued tickets each
 * range holds. A segment covers the ranks from its {@code start_rank} up to the next
 * segment's start; every client with a queue has a first segment starting at
 * {@link #FIRST}, below every rank.
 * <p>
 * A ticket's position is then the sum of the counts of the segments before its own plus
 * its place inside its segment: a few hundred small rows and at most {@code maxSize}
 * (256) index entries however long the queue, instead of counting every ticket above it.
 * Segments split when they grow past {@code maxSize} and merge into their predecessor
 * when they shrink, so a queue of N tickets has about N / (maxSize / 2) segments.
 * <p>
 * Callers hold the client's lock: nothing here is safe against a concurrent writer on its
 * own.
 */
class Segments {

	/** Start of every client's first segment. */
	static final long FIRST = Long.MIN_VALUE;

	/**
	 * The SQL "no next segment" bound: above every rank (ranks stay within
	 * ±{@link Ranks#LIMIT}).
	 */
	static final long END = Long.MAX_VALUE;

	/**
	 * Queue positions of tickets by id (column {@code position}), for a statement that
	 * selects {@code t.id} from {@code tickets t}: the segments before the ticket's own,
	 * minus the tickets from it to the end of its segment, plus one.
	 */
	static final String POSITION = """
			cast((select coalesce(sum(s.ticket_count), 0) from queue_segments s
			   where s.client_id = t.client_id and s.start_rank <= t.queue_rank)
			- (select count(*) from tickets u where u.client_id = t.client_id and u.queue_rank >= t.queue_rank
			   and u.queue_rank < coalesce((select min(n.start_rank) from queue_segments n
			     where n.client_id = t.client_id and n.start_rank > t.queue_rank), 9223372036854775807))
			+ 1 as integer)""";

	private final JdbcClient jdbc;

	private final int maxSize;

	Segments(JdbcClient jdbc, int maxSize) {
		this.jdbc = jdbc;
		this.maxSize = maxSize;
	}

	record Segment(long start, int count) {
	}

	/** The client's segments in rank order (a few hundred rows for a queue of 50,000). */
	List<Segment> all(long clientId) {
		return jdbc.sql("select start_rank, ticket_count from queue_segments where client_id = ? order by start_rank")
			.param(clientId)
			.query((rs, n) -> new Segment(rs.getLong(1), rs.getInt(2)))
			.list();
	}

	/** Queued tickets of the client. */
	int size(long clientId) {
		return jdbc.sql("select coalesce(sum(ticket_count), 0) from queue_segments where client_id = ?")
			.param(clientId)
			.query(Integer.class)
			.single();
	}

	/**
	 * One more ticket (already holding its rank) in the segment that covers {@code rank}.
	 */
	void added(long clientId, long rank) {
		Segment segment = covering(clientId, rank);
		setCount(clientId, segment.start(), segment.count() + 1);
		if (segment.count() + 1 > maxSize) {
			split(clientId, segment.start(), segment.count() + 1);
		}
	}

	/**
	 * One ticket fewer (its rank already cleared or changed) in the segment that covered
	 * {@code rank}.
	 */
	void removed(long clientId, long rank) {
		Segment segment = covering(clientId, rank);
		int count = segment.count() - 1;
		if (segment.start() != FIRST && count < maxSize / 8) {
			Segment previous = before(clientId, segment.start());
			if (previous.count() + count <= maxSize * 3 / 4) {
				// The predecessor takes over the range: one row less, positions
				// unchanged.
				jdbc.sql("delete from queue_segments where client_id = ? and start_rank = ?")
					.params(clientId, segment.start())
					.update();
				setCount(clientId, previous.start(), previous.count() + count);
				return;
			}
		}
		setCount(clientId, segment.start(), count);
	}

	/**
	 * The segment whose range holds {@code rank}; creates the client's first segment when
	 * missing.
	 */
	Segment covering(long clientId, long rank) {
		return jdbc.sql("""
				select start_rank, ticket_count from queue_segments where client_id = ? and start_rank <= ?
				order by start_rank desc limit 1
				""")
			.params(clientId, rank)
			.query((rs, n) -> new Segment(rs.getLong(1), rs.getInt(2)))
			.optional()
			.orElseGet(() -> {
				jdbc.sql("insert into queue_segments (client_id, start_rank, ticket_count) values (?, ?, 0)")
					.params(clientId, FIRST)
					.update();
				return new Segment(FIRST, 0);
			});
	}

	/**
	 * MariaDB's queue lock (QueueService): creates the client's first segment when
	 * missing, else takes its exclusive row lock ({@code ON DUPLICATE KEY UPDATE} locks
	 * the duplicate row for update, and the no-op update writes nothing).
	 */
	void lockFirst(long clientId) {
		jdbc.sql("""
				insert into queue_segments (client_id, start_rank, ticket_count) values (?, ?, 0)
				on duplicate key update ticket_count = ticket_count
				""").params(clientId, FIRST).update();
	}

	/** Start of the segment after the one starting at {@code start}, or {@link #END}. */
	long nextStart(long clientId, long start) {
		return jdbc.sql("select min(start_rank) from queue_segments where client_id = ? and start_rank > ?")
			.params(clientId, start)
			.query(Long.class)
			.optional()
			.orElse(END);
	}

	/**
	 * Recounts every segment of the client (or of every client when {@code clientId} is
	 * null) from scratch: the first segment holds the first {@code maxSize / 2 - 1}
	 * tickets, then one starts at every {@code maxSize / 2}-th; the counts follow from
	 * the row numbers, in one pass over the queued tickets. For loaders that write ranks
	 * with plain SQL (demo data, the load-test generator) and for a queue whose ranks
	 * were renumbered.
	 */
	void rebuild(Long clientId) {
		int every = maxSize / 2;
		String tickets = clientId == null ? "" : " and client_id = " + clientId;
		String clients = clientId == null ? "" : " where c.id = " + clientId;
		jdbc.sql("delete from queue_segments" + (clientId == null ? "" : " where client_id = " + clientId)).update();
		jdbc.sql("""
				insert into queue_segments (client_id, start_rank, ticket_count)
				select c.id, ?, least(coalesce(q.total, 0), ?) from clients c
				left join (select client_id, count(*) as total from tickets where queue_rank is not null%s
				  group by client_id) q on q.client_id = c.id%s
				""".formatted(tickets, clients)).params(FIRST, every - 1).update();
		jdbc.sql("""
				insert into queue_segments (client_id, start_rank, ticket_count)
				select client_id, queue_rank, least(?, total - n + 1) from (
				  select client_id, queue_rank, row_number() over (partition by client_id order by queue_rank) as n,
				    count(*) over (partition by client_id) as total
				  from tickets where queue_rank is not null%s) numbered
				where mod(n, ?) = 0
				""".formatted(tickets)).params(every, every).update();
	}

	/**
	 * Cuts an overfull segment in two halves at its middle ticket; no ticket row changes.
	 */
	private void split(long clientId, long start, int count) {
		int half = count / 2;
		long middle = jdbc.sql("""
				select queue_rank from tickets where client_id = ? and queue_rank >= ?
				order by queue_rank limit 1 offset ?
				""").params(clientId, start, half).query(Long.class).single();
		jdbc.sql("insert into queue_segments (client_id, start_rank, ticket_count) values (?, ?, ?)")
			.params(clientId, middle, count - half)
			.update();
		setCount(clientId, start, half);
	}

	private Segment before(long clientId, long start) {
		return jdbc.sql("""
				select start_rank, ticket_count from queue_segments where client_id = ? and start_rank < ?
				order by start_rank desc limit 1
				""").params(clientId, start).query((rs, n) -> new Segment(rs.getLong(1), rs.getInt(2))).single();
	}

	private void setCount(long clientId, long start, int count) {
		jdbc.sql("update queue_segments set ticket_count = ? where client_id = ? and start_rank = ?")
			.params(count, clientId, start)
			.update();
	}

}
