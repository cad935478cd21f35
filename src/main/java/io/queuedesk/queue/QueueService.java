package io.queuedesk.queue;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Owns every change of a ticket's place in its client's queue and keeps invariant Q: the queued
 * tickets of a client are ranked exactly 1..N.
 * <p>
 * Each operation first locks the client's row ({@code SELECT … FOR UPDATE}), which serialises
 * queue changes per client across threads and app instances, and then runs a fixed number of
 * set-based statements whatever the queue's length. A shift of a range is two UPDATEs: first the
 * range goes to negative ranks, then flips back. Both databases check the unique key
 * (client_id, priority) row by row, so a single {@code priority = priority + 1} could collide
 * half-way; the detour through negative numbers never can.
 * <p>
 * Callers run inside their own transaction (the change and its activity entry commit together).
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class QueueService {

	private final JdbcClient jdbc;

	QueueService(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Makes room for a new ticket of the client and returns the rank it must be inserted with:
	 * the bottom, or 1 with everything else moved down by one.
	 */
	public int rankForNewTicket(long clientId, boolean topOfQueue) {
		lockClient(clientId);
		if (topOfQueue) {
			shift(clientId, 1, Integer.MAX_VALUE, +1);
			return 1;
		}
		return size(clientId) + 1;
	}

	/**
	 * Takes the ticket out of its queue (complete, delete) and closes the gap below it. Answers
	 * its old rank, or empty when it was not queued (already completed).
	 * @throws QueueChangedException when the ticket is no longer in that client's queue
	 */
	public Optional<Integer> leave(long clientId, long ticketId) {
		lockClient(clientId);
		Optional<Integer> rank = Optional.ofNullable(rankIn(clientId, ticketId));
		rank.ifPresent(old -> closeGap(clientId, ticketId, old));
		return rank;
	}

	/** Puts a ticket that is in no queue (a reopened one) at the bottom of the client's queue. */
	public int enterAtBottom(long clientId, long ticketId) {
		lockClient(clientId);
		int rank = size(clientId) + 1;
		setRank(ticketId, rank);
		return rank;
	}

	/**
	 * Moves a queued ticket to position {@code target} (clamped to 1..N); tickets in between
	 * shift by one. Answers the old and new rank.
	 */
	public Move move(long clientId, long ticketId, MoveTarget target) {
		lockClient(clientId);
		int from = queuedRankIn(clientId, ticketId);
		int size = size(clientId);
		int to = Math.max(1, Math.min(size, target.resolve(from, size)));
		if (to != from) {
			setRank(ticketId, null);
			if (to < from) {
				shift(clientId, to, from - 1, +1);
			}
			else {
				shift(clientId, from + 1, to, -1);
			}
			setRank(ticketId, to);
		}
		return new Move(from, to);
	}

	/**
	 * Moves a ticket to another client: it leaves the old queue (gap closed) and enters the new
	 * one at the bottom. Both clients are locked in id order, so two opposite transfers cannot
	 * deadlock. Answers the old and new rank.
	 */
	public Move transfer(long fromClientId, long toClientId, long ticketId) {
		lockClient(Math.min(fromClientId, toClientId));
		lockClient(Math.max(fromClientId, toClientId));
		int from = queuedRankIn(fromClientId, ticketId);
		closeGap(fromClientId, ticketId, from);
		int to = size(toClientId) + 1;
		jdbc.sql("update tickets set client_id = ?, priority = ? where id = ?").params(toClientId, to, ticketId).update();
		return new Move(from, to);
	}

	/** Queued tickets of the client (N): by invariant Q the highest rank, read from the index. */
	public int size(long clientId) {
		return jdbc.sql("select coalesce(max(priority), 0) from tickets where client_id = ?")
			.param(clientId)
			.query(Integer.class)
			.single();
	}

	/** Queue length of every client that has queued tickets: one grouped query. */
	@Transactional(readOnly = true, propagation = Propagation.REQUIRED)
	public Map<Long, Integer> sizes() {
		Map<Long, Integer> sizes = new HashMap<>();
		jdbc.sql("select client_id, count(*) from tickets where priority is not null group by client_id")
			.query(rs -> {
				sizes.put(rs.getLong(1), rs.getInt(2));
			});
		return sizes;
	}

	private void closeGap(long clientId, long ticketId, int oldRank) {
		setRank(ticketId, null);
		shift(clientId, oldRank + 1, Integer.MAX_VALUE, -1);
	}

	private void lockClient(long clientId) {
		jdbc.sql("select id from clients where id = ? for update")
			.param(clientId)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new IllegalArgumentException("No client " + clientId));
	}

	/**
	 * The ticket's rank (null when completed), read once the client's lock is held, so it sees
	 * every change committed before: a ticket moved away or deleted meanwhile is refused here.
	 */
	private Integer rankIn(long clientId, long ticketId) {
		Place place = jdbc.sql("select client_id, priority from tickets where id = ?")
			.param(ticketId)
			.query((rs, n) -> new Place(rs.getLong(1), rs.getObject(2, Integer.class)))
			.optional()
			.orElseThrow(() -> new QueueChangedException(ticketId));
		if (place.clientId() != clientId) {
			throw new QueueChangedException(ticketId);
		}
		return place.rank();
	}

	private int queuedRankIn(long clientId, long ticketId) {
		Integer rank = rankIn(clientId, ticketId);
		if (rank == null) {
			throw new QueueChangedException(ticketId);
		}
		return rank;
	}

	private void setRank(long ticketId, Integer rank) {
		jdbc.sql("update tickets set priority = ? where id = ?").params(rank, ticketId).update();
	}

	/** Adds {@code delta} to every rank in [from, to] of the client: two statements, any N. */
	private void shift(long clientId, int from, int to, int delta) {
		if (from > to) {
			return;
		}
		jdbc.sql("update tickets set priority = -(priority + ?) where client_id = ? and priority between ? and ?")
			.params(delta, clientId, from, to)
			.update();
		jdbc.sql("update tickets set priority = -priority where client_id = ? and priority < 0")
			.param(clientId)
			.update();
	}

	private record Place(long clientId, Integer rank) {
	}

	/** A ticket's rank before and after a move or transfer. */
	public record Move(int from, int to) {

		public boolean changed() {
			return from != to;
		}

	}

}
