package io.queuedesk.queue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Queue positions on MariaDB and MySQL, from the same segments as
 * {@link Segments#POSITION} but in two statements: there, the tickets of a segment from
 * the ticket on are counted by a subquery whose bounds are the outer row's values, and
 * MariaDB reads such a subquery as every index entry of the client (a ref on client_id,
 * filtered: 12,000 per ticket of the big queue of 200,000 tickets, 50 times a page),
 * where PostgreSQL seeks the range. So the bounds are read first (the ticket by key and
 * its segment from queue_segments), and then counted with literal bounds, at most a
 * segment's entries of the (client_id, queue_rank) key per ticket.
 */
final class SegmentPositions {

	private SegmentPositions() {
	}

	private record Bounds(long id, long client, long rank, long next, long throughSegment) {
	}

	static Map<Long, Integer> of(JdbcClient jdbc, Collection<Long> ticketIds) {
		List<Bounds> bounds = jdbc
			.sql("""
					select t.id, t.client_id, t.queue_rank,
					  coalesce((select min(n.start_rank) from queue_segments n
					    where n.client_id = t.client_id and n.start_rank > t.queue_rank), 9223372036854775807) as next_start,
					  (select coalesce(sum(s.ticket_count), 0) from queue_segments s
					    where s.client_id = t.client_id and s.start_rank <= t.queue_rank) as through_segment
					from tickets t where t.id in (:ids) and t.queue_rank is not null""")
			.param("ids", ticketIds)
			.query((rs, n) -> new Bounds(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)))
			.list();
		Map<Long, Integer> positions = new HashMap<>();
		if (bounds.isEmpty()) {
			return positions;
		}
		Map<String, Object> params = new LinkedHashMap<>();
		List<String> counts = new ArrayList<>();
		for (int i = 0; i < bounds.size(); i++) {
			Bounds b = bounds.get(i);
			params.put("c" + i, b.client());
			params.put("r" + i, b.rank());
			params.put("n" + i, b.next());
			counts.add("select " + i + " as i, count(*) as later from tickets u where u.client_id = :c" + i
					+ " and u.queue_rank >= :r" + i + " and u.queue_rank < :n" + i);
		}
		jdbc.sql(String.join(" union all ", counts)).params(params).query(rs -> {
			Bounds b = bounds.get(rs.getInt(1));
			positions.put(b.id(), (int) (b.throughSegment() - rs.getLong(2) + 1));
		});
		return positions;
	}

}
