package io.queuedesk.queue;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Sparse ranks: the order of a client's queue is the order of {@code tickets.queue_rank},
 * numbers far apart ({@link #GAP}) so that a ticket placed anywhere takes a free number
 * between its new neighbours and no other row changes. Only when two neighbours have run
 * out of numbers between them (after some 30 placements into the same gap) are the ranks
 * of one segment spread out again, or, in the rare case that its range is too narrow,
 * those of the whole queue.
 * <p>
 * Ranks stay within ±{@link #LIMIT}; respreading parks the rows it renumbers above that
 * range first, so the unique key (client_id, queue_rank) never sees two rows with one
 * rank.
 */
class Ranks {

	/** Distance between neighbours placed at the top or bottom, or respread. */
	static final long GAP = 1L << 32;

	/** Every rank lies strictly between -LIMIT and LIMIT. */
	static final long LIMIT = 1L << 61;

	/**
	 * Added to ranks while they are renumbered: parked ranks lie above LIMIT, below
	 * Long.MAX_VALUE.
	 */
	private static final long PARK = 1L << 62;

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	Ranks(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	/**
	 * A free rank strictly between two neighbours ({@code null}: no neighbour on that
	 * side), or empty when they are adjacent numbers.
	 */
	static OptionalLong between(Long lower, Long upper) {
		if (lower == null && upper == null) {
			return OptionalLong.of(0);
		}
		if (lower == null && upper - GAP > -LIMIT) {
			return OptionalLong.of(upper - GAP);
		}
		if (upper == null && lower + GAP < LIMIT) {
			return OptionalLong.of(lower + GAP);
		}
		long low = lower == null ? -LIMIT : lower;
		long high = upper == null ? LIMIT : upper;
		return high - low < 2 ? OptionalLong.empty() : OptionalLong.of(low + (high - low) / 2);
	}

	/** The client's top (lowest) or bottom (highest) rank, or null for an empty queue. */
	Long edge(long clientId, boolean top) {
		return jdbc.sql("select " + (top ? "min" : "max") + "(queue_rank) from tickets where client_id = ?")
			.param(clientId)
			.query(Long.class)
			.optional()
			.orElse(null);
	}

	/**
	 * Gives the client's tickets ranked within [from, to) evenly spaced new ranks in that
	 * range, in the same order. Answers false, changing nothing, when the range is too
	 * narrow for gaps of at least two.
	 */
	boolean respread(long clientId, long from, long to) {
		List<Long> ids = jdbc.sql("""
				select id from tickets where client_id = ? and queue_rank >= ? and queue_rank < ? order by queue_rank
				""").params(clientId, from, to).query(Long.class).list();
		long low = Math.max(from, -LIMIT);
		long high = Math.min(to, LIMIT);
		long slots = ids.size() + 1L;
		long step = Math.min(GAP, (high - low) / slots);
		if (step < 2) {
			return false;
		}
		// Centred, so that both ends keep room when the range is much wider than needed.
		long base = low + (high - low - step * slots) / 2;
		jdbc.sql(
				"update tickets set queue_rank = queue_rank + ? where client_id = ? and queue_rank >= ? and queue_rank < ?")
			.params(PARK, clientId, from, to)
			.update();
		List<Object[]> updates = new ArrayList<>(ids.size());
		for (int i = 0; i < ids.size(); i++) {
			updates.add(new Object[] { base + step * (i + 1), ids.get(i) });
		}
		template.batchUpdate("update tickets set queue_rank = ? where id = ?", updates);
		return true;
	}

}
