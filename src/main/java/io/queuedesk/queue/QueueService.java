package io.queuedesk.queue;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.queuedesk.queue.Segments.Segment;
import io.queuedesk.system.DatabaseDialect;

/**
 * Owns every change of a ticket's place in its client's queue and keeps invariant Q: the
 * queued tickets of a client hold the positions exactly 1..N.
 * <p>
 * Positions are not stored. A ticket stores a sparse rank ({@link Ranks}) whose order is
 * the queue's order, and {@link Segments} count the tickets per rank range, from which a
 * position is derived in a few index lookups. So every operation writes a constant number
 * of rows, at the top of a queue of 50,000 as in one of 5 — where dense positions 1..N
 * had to rewrite every ticket below — and every position shown is 1..N by construction:
 * the count of queued tickets ranked above, plus one. The unique key (client_id,
 * queue_rank) keeps two tickets from sharing a place.
 * <p>
 * Each change first takes the client's queue lock ({@link #lockClient}), which serialises
 * queue changes per client across threads and app instances. Callers run inside their own
 * transaction (the change and its activity entry commit together).
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class QueueService {

	private final JdbcClient jdbc;

	private final Ranks ranks;

	private final Segments segments;

	private final DatabaseDialect dialect;

	QueueService(JdbcClient jdbc, JdbcTemplate template, DatabaseDialect dialect, QueueSettings settings) {
		this.jdbc = jdbc;
		this.dialect = dialect;
		this.ranks = new Ranks(jdbc, template);
		this.segments = new Segments(jdbc, settings.segmentSize());
	}

	/**
	 * Puts a ticket that is in no queue (just created, or reopened) at the bottom of the
	 * client's queue, or at the top. Answers its position.
	 */
	public int enter(long clientId, long ticketId, boolean top) {
		lockClient(clientId);
		long rank = free(clientId, top);
		setRank(ticketId, rank);
		segments.added(clientId, rank);
		return top ? 1 : segments.size(clientId);
	}

	/**
	 * Takes the ticket out of its queue (complete, delete). Answers its old position, or
	 * empty when it was not queued (already completed).
	 * @throws QueueChangedException when the ticket is no longer in that client's queue
	 */
	public Optional<Integer> leave(long clientId, long ticketId) {
		lockClient(clientId);
		Long rank = rankIn(clientId, ticketId);
		if (rank == null) {
			return Optional.empty();
		}
		int position = positionOf(ticketId).orElseThrow();
		setRank(ticketId, null);
		segments.removed(clientId, rank);
		return Optional.of(position);
	}

	/**
	 * Moves a queued ticket to position {@code target} (clamped to 1..N); the tickets in
	 * between move by one. Answers the old and new position.
	 */
	public Move move(long clientId, long ticketId, MoveTarget target) {
		lockClient(clientId);
		long rank = queuedRankIn(clientId, ticketId);
		int from = positionOf(ticketId).orElseThrow();
		int size = segments.size(clientId);
		int to = Math.max(1, Math.min(size, target.resolve(from, size)));
		if (to != from) {
			// Out first, so the neighbours are found in the queue without it: it goes
			// below the
			// ticket now at position to - 1.
			setRank(ticketId, null);
			segments.removed(clientId, rank);
			long newRank = freeBetween(clientId, to - 1, size - 1);
			setRank(ticketId, newRank);
			segments.added(clientId, newRank);
		}
		return new Move(from, to);
	}

	/**
	 * Moves a ticket to another client: it leaves the old queue and enters the new one at
	 * the bottom. Both clients are locked in id order, so two opposite transfers cannot
	 * deadlock. Answers the old and new position.
	 */
	public Move transfer(long fromClientId, long toClientId, long ticketId) {
		lockClient(Math.min(fromClientId, toClientId));
		lockClient(Math.max(fromClientId, toClientId));
		long rank = queuedRankIn(fromClientId, ticketId);
		int from = positionOf(ticketId).orElseThrow();
		long newRank = free(toClientId, false);
		jdbc.sql("update tickets set client_id = ?, queue_rank = ? where id = ?")
			.params(toClientId, newRank, ticketId)
			.update();
		segments.removed(fromClientId, rank);
		segments.added(toClientId, newRank);
		return new Move(from, segments.size(toClientId));
	}

	/** Queued tickets of the client (N). */
	@Transactional(readOnly = true, propagation = Propagation.REQUIRED)
	public int size(long clientId) {
		return segments.size(clientId);
	}

	/**
	 * Queue length of every client that has queued tickets: one grouped query over the
	 * segments.
	 */
	@Transactional(readOnly = true, propagation = Propagation.REQUIRED)
	public Map<Long, Integer> sizes() {
		Map<Long, Integer> sizes = new HashMap<>();
		jdbc.sql(
				"select client_id, sum(ticket_count) from queue_segments group by client_id having sum(ticket_count) > 0")
			.query(rs -> {
				sizes.put(rs.getLong(1), rs.getInt(2));
			});
		return sizes;
	}

	/** The ticket's position in its client's queue, or empty when it is not queued. */
	@Transactional(readOnly = true, propagation = Propagation.REQUIRED)
	public Optional<Integer> positionOf(long ticketId) {
		if (dialect.isMariaDb()) {
			return Optional.ofNullable(SegmentPositions.of(jdbc, List.of(ticketId)).get(ticketId));
		}
		return jdbc.sql("select " + Segments.POSITION + " from tickets t where t.id = ? and t.queue_rank is not null")
			.param(ticketId)
			.query(Integer.class)
			.optional();
	}

	/** Positions of those of the tickets that are queued, by ticket id: one statement. */
	@Transactional(readOnly = true, propagation = Propagation.REQUIRED)
	public Map<Long, Integer> positionsOf(Collection<Long> ticketIds) {
		Map<Long, Integer> positions = new HashMap<>();
		if (ticketIds.isEmpty()) {
			return positions;
		}
		if (dialect.isMariaDb()) {
			return SegmentPositions.of(jdbc, ticketIds);
		}
		jdbc.sql("select t.id, " + Segments.POSITION
				+ " from tickets t where t.id in (:ids) and t.queue_rank is not null")
			.param("ids", ticketIds)
			.query(rs -> {
				positions.put(rs.getLong(1), rs.getInt(2));
			});
		return positions;
	}

	/**
	 * The sort key of the ticket at {@code position} of the client's queue, for reading
	 * the queue from there on ({@code queue_rank >= key order by queue_rank}); empty past
	 * the end. Costs the segment list and one short index scan, at any depth of the
	 * queue.
	 */
	@Transactional(readOnly = true, propagation = Propagation.REQUIRED)
	public OptionalLong rankAt(long clientId, int position) {
		List<Long> found = ranksFrom(clientId, position, 1);
		return found.isEmpty() ? OptionalLong.empty() : OptionalLong.of(found.get(0));
	}

	/**
	 * Recounts the segments of every queue from the ranks, for loaders that write tickets
	 * with plain SQL (demo data, the load-test generator): set-based, a few statements in
	 * all.
	 */
	@Transactional(propagation = Propagation.REQUIRED)
	public void rebuild() {
		segments.rebuild(null);
	}

	/** A free rank at the top or bottom of the client's queue. */
	private long free(long clientId, boolean top) {
		Long edge = ranks.edge(clientId, top);
		OptionalLong rank = top ? Ranks.between(null, edge) : Ranks.between(edge, null);
		if (rank.isPresent()) {
			return rank.getAsLong();
		}
		renumber(clientId);
		edge = ranks.edge(clientId, top);
		return (top ? Ranks.between(null, edge) : Ranks.between(edge, null)).orElseThrow();
	}

	/**
	 * A free rank right below position {@code above} (0: the top) of a queue of
	 * {@code size}, respreading the neighbours' segment first when they have no number
	 * left between them.
	 */
	private long freeBetween(long clientId, int above, int size) {
		for (int attempt = 0;; attempt++) {
			List<Long> neighbours = ranksFrom(clientId, Math.max(1, above), above == 0 || above == size ? 1 : 2);
			Long lower = above == 0 ? null : neighbours.get(0);
			Long upper = above == 0 ? neighbours.get(0) : above == size ? null : neighbours.get(1);
			OptionalLong rank = Ranks.between(lower, upper);
			if (rank.isPresent()) {
				return rank.getAsLong();
			}
			if (attempt > 0) {
				throw new IllegalStateException("No free rank after respreading client " + clientId);
			}
			Segment segment = segments.covering(clientId, lower != null ? lower : upper);
			if (!ranks.respread(clientId, segment.start(), segments.nextStart(clientId, segment.start()))) {
				renumber(clientId);
			}
		}
	}

	/**
	 * Evenly spaced ranks for the whole queue and fresh segments: the rare last resort.
	 */
	private void renumber(long clientId) {
		ranks.respread(clientId, Segments.FIRST, Segments.END);
		segments.rebuild(clientId);
	}

	/**
	 * Ranks of {@code count} consecutive queued tickets from {@code position} on (fewer
	 * at the end).
	 */
	private List<Long> ranksFrom(long clientId, int position, int count) {
		int before = 0;
		for (Segment segment : segments.all(clientId)) {
			if (before + segment.count() >= position) {
				return jdbc.sql("""
						select queue_rank from tickets where client_id = ? and queue_rank >= ?
						order by queue_rank limit ? offset ?
						""").params(clientId, segment.start(), count, position - before - 1).query(Long.class).list();
			}
			before += segment.count();
		}
		return List.of();
	}

	/**
	 * The client's queue lock: held until the transaction ends, it excludes every other
	 * queue change of the client, but not what a ticket insert of the client takes for
	 * its foreign key, which comes first in a create. On PostgreSQL the client's row
	 * {@code FOR NO KEY UPDATE}, which does not conflict with the key-share lock of that
	 * foreign key check ({@code FOR UPDATE} would: two transactions that had each
	 * inserted a ticket would wait for each other, a deadlock). On H2 {@code FOR UPDATE}.
	 * <p>
	 * MariaDB (InnoDB) has no such mode: its foreign key check takes a shared lock on the
	 * client's row, and a later {@code FOR UPDATE} of the row is an upgrade that two
	 * creates deadlock on. So the lock there is on a row no foreign key references: the
	 * client's first queue segment ({@link Segments#FIRST}), created when missing by the
	 * same statement, whose duplicate-key update takes the row's exclusive lock. Before
	 * it, the client's row is share-locked, as the ticket's foreign key check does (and
	 * that statement's own, which InnoDB runs before its duplicate check): the client's
	 * row comes before its queue row in every path (a transfer's update of the ticket
	 * checks the new client's key after the queue locks; deleting a client holds its row,
	 * then removes its segments), so nothing waits in the opposite order, and a client
	 * deleted meanwhile is answered as no client, not as a foreign key failure.
	 */
	private void lockClient(long clientId) {
		if (dialect.isMariaDb()) {
			jdbc.sql("select id from clients where id = ? lock in share mode")
				.param(clientId)
				.query(Long.class)
				.optional()
				.orElseThrow(() -> new IllegalArgumentException("No client " + clientId));
			segments.lockFirst(clientId);
			return;
		}
		jdbc.sql("select id from clients where id = ? for " + (dialect.isPostgres() ? "no key update" : "update"))
			.param(clientId)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new IllegalArgumentException("No client " + clientId));
	}

	/**
	 * The ticket's rank (null when not queued), read once the client's lock is held, so
	 * it sees every change committed before: a ticket moved away or deleted meanwhile is
	 * refused here.
	 */
	private Long rankIn(long clientId, long ticketId) {
		Place place = jdbc.sql("select client_id, queue_rank from tickets where id = ?")
			.param(ticketId)
			.query((rs, n) -> new Place(rs.getLong(1), rs.getObject(2, Long.class)))
			.optional()
			.orElseThrow(() -> new QueueChangedException(ticketId));
		if (place.clientId() != clientId) {
			throw new QueueChangedException(ticketId);
		}
		return place.rank();
	}

	private long queuedRankIn(long clientId, long ticketId) {
		Long rank = rankIn(clientId, ticketId);
		if (rank == null) {
			throw new QueueChangedException(ticketId);
		}
		return rank;
	}

	private void setRank(long ticketId, Long rank) {
		jdbc.sql("update tickets set queue_rank = ? where id = ?").params(rank, ticketId).update();
	}

	private record Place(long clientId, Long rank) {
	}

	/** A ticket's position before and after a move or transfer. */
	public record Move(int from, int to) {

		public boolean changed() {
			return from != to;
		}

	}

}
