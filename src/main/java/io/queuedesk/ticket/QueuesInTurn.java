package io.queuedesk.ticket;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * All queues in queue order (clients by name, then rank) on MariaDB and MySQL, which have
 * no LATERAL join (see TicketListing's acrossQueues on PostgreSQL). Sorting all queued
 * tickets by client name would read every one of them for each page; instead:
 * <ol>
 * <li>the clients with queued tickets, in name order from the cursor's client on, are
 * read from queue_segments (a few rows per client, never the tickets);</li>
 * <li>the page is a UNION ALL of one branch per client, each the first matching rows of
 * that client's queue (a range of the filter's index in queue order, at most the page's
 * rows), sorted together.</li>
 * </ol>
 * Without a filter every queued ticket matches, so the clients are cut where those after
 * the cursor's client hold enough rows for the page: the first page reads about one page
 * of tickets. With a filter each client's branch reads at most one page of its matches (a
 * range of the filter's index), a few hundred short ranges for a few hundred clients; the
 * statements of a page stay the same at any depth.
 */
final class QueuesInTurn {

	private QueuesInTurn() {
	}

	/**
	 * The clients whose queues the page may come from, in the page's order.
	 * @param rows rows the page needs (its offset, its size and one more)
	 */
	static List<Long> clients(JdbcClient jdbc, TicketConditions where, ListCursor cursor, boolean forward, long rows) {
		String direction = forward ? "" : " desc";
		StringBuilder sql = new StringBuilder("""
				select c.id, q.queued from clients c join (
				  select client_id, sum(ticket_count) as queued from queue_segments group by client_id
				  having sum(ticket_count) > 0) q on q.client_id = c.id""");
		if (cursor != null) {
			sql.append(" where c.name ")
				.append(forward ? ">=" : "<=")
				.append(" (select cc.name from clients cc where cc.id = :client)");
		}
		sql.append(" order by c.name").append(direction);
		var query = jdbc.sql(sql.toString());
		if (cursor != null) {
			query = query.param("client", cursor.values()[0]);
		}
		List<long[]> queues = query.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) }).list();
		List<Long> clients = new ArrayList<>();
		long following = 0;
		for (long[] queue : queues) {
			if (where.allQueued() && following >= rows) {
				break;
			}
			clients.add(queue[0]);
			// The cursor's client holds an unknown part of its queue after the cursor.
			if (cursor == null || queue[0] != cursor.values()[0]) {
				following += queue[1];
			}
		}
		return clients;
	}

	/**
	 * The keys of the page's rows (id, client_id, queue_rank, client_sort): one branch
	 * per client, at most {@code rows} rows each. The branches read only what the
	 * filter's index holds (it ends in client_id, queue_rank and holds the id), so a few
	 * hundred of them read index entries, not rows; the page's rows are read by id
	 * afterwards.
	 */
	static String keys(TicketConditions where, List<Long> clients, ListCursor cursor, boolean forward, long rows,
			Map<String, Object> params) {
		String direction = forward ? "" : " desc";
		List<String> branches = new ArrayList<>();
		for (int i = 0; i < clients.size(); i++) {
			long client = clients.get(i);
			params.put("queue" + i, client);
			String rest = "";
			if (cursor != null && client == cursor.values()[0]) {
				params.put("key1", cursor.values()[1]);
				rest = " and t.queue_rank " + (forward ? ">" : "<") + " :key1";
			}
			List<String> parts = where.visibilityParts().isEmpty() ? List.of(where.sql())
					: where.visibilityParts()
						.stream()
						.map(part -> where.sqlWithoutVisibility() + " and " + part)
						.toList();
			for (String part : parts) {
				branches.add("(select t.id, t.client_id, t.queue_rank from tickets t where t.client_id = :queue" + i
						+ " and " + part + rest + " order by t.queue_rank" + direction + " limit " + rows + ")");
			}
		}
		return "select q.*, c.name as client_sort from (" + String.join(" union all ", branches)
				+ ") q join clients c on c.id = q.client_id";
	}

}
