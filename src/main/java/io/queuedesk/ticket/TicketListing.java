package io.queuedesk.ticket;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.queuedesk.queue.QueueService;
import io.queuedesk.system.DatabaseDialect;
import io.queuedesk.system.Keyset;
import io.queuedesk.user.SignedInUser;

/**
 * Reads one page of the ticket list with plain SQL: a capped count, the page (keyset:
 * from the cursor on, in the order's index), and the queue positions of its rows — three
 * statements whatever the page and however many tickets there are.
 * <p>
 * Pages are reached by cursor ("next" and "previous" links carry the sort key of the row
 * next to the page). A page number without cursor (an old link, or the JSON API's
 * {@code page}) still works for the first {@link #MAX_OFFSET} rows; deeper than that an
 * OFFSET would read every row before the page, so it is refused with a message.
 */
@Component
class TicketListing {

	/** Matches are counted up to this many; beyond, the list says "more than …". */
	static final int COUNT_CAP = 10_000;

	/** Deepest row a page number alone may reach. */
	static final int MAX_OFFSET = 10_000;

	private static final String COLUMNS = """
			t.id, t.title, t.client_id, t.product_area_id, t.queue_rank, t.status, t.target_date, t.assignee_id,
			t.submitter_id, t.created_at, t.completed_at""";

	/**
	 * Names of the page's rows, joined after the page is cut (n rows, by primary key).
	 */
	private static final String NAMES = """
			join clients c on c.id = t.client_id
			join product_areas pa on pa.id = t.product_area_id
			left join users a on a.id = t.assignee_id
			join users s on s.id = t.submitter_id""";

	private final JdbcClient jdbc;

	private final QueueService queues;

	private final DatabaseDialect dialect;

	TicketListing(JdbcClient jdbc, QueueService queues, DatabaseDialect dialect) {
		this.jdbc = jdbc;
		this.queues = queues;
		this.dialect = dialect;
	}

	/** One page of the tickets the viewer may see that match the filter. */
	TicketSlice page(TicketFilter filter, SignedInUser viewer, LocalDate today) {
		boolean postgres = dialect.isPostgres();
		TicketConditions where = TicketConditions.of(filter, viewer, today, textSearch());
		ListOrder order = ListOrder.of(filter.getSort(), where.queued(), where.oneClient());
		int size = filter.safeSize();
		PageStart start = PageStart.of(filter, order, size);
		long total = count(where);
		if (start.tooDeep()) {
			return TicketSlice.tooDeep(start.pageNumber(), size, total);
		}
		Map<String, Object> params = new LinkedHashMap<>(where.params());
		// Limits are literals, not parameters: the planner must know them to prefer an
		// index walk.
		int limit = size + 1;
		// A search finds its few matches in the full-text index and sorts them; walking
		// every queue
		// in order and testing each ticket's text would read all queued tickets for a
		// rare word.
		// MariaDB, all queues: in turn (QueuesInTurn), unless few tickets match anyway: a
		// search's matches come from its index, the overdue ones from the target date
		// index
		// (a quarter of the queued at most), and sorting those reads less than a few
		// hundred queues each walked until enough of their tickets are overdue.
		boolean inTurn = order == ListOrder.QUEUES && dialect.isMariaDb() && !where.searches() && !where.overdue();
		List<Fetched> fetched;
		if (inTurn) {
			fetched = queuesInTurn(where, start, params, limit);
		}
		else {
			String sql = order == ListOrder.QUEUES && postgres && !where.searches()
					? acrossQueues(where, start, params, limit)
					: ordered(where, order, start, params, limit, postgres && where.searches(),
							TicketConditions.targetKey(textSearch()), Keyset.rowValues(dialect));
			fetched = new ArrayList<>(jdbc.sql(sql).params(params).query((rs, n) -> fetch(rs, order)).list());
		}
		boolean more = fetched.size() > size;
		if (more) {
			fetched.remove(size);
		}
		if (!start.forward()) {
			Collections.reverse(fetched);
		}
		Map<Long, Integer> positions = queues
			.positionsOf(fetched.stream().filter(f -> f.queued).map(f -> f.row.id()).toList());
		List<TicketRow> rows = fetched.stream().map(f -> f.row.withPriority(positions.get(f.row.id()), today)).toList();
		ListCursor first = fetched.isEmpty() ? null : fetched.get(0).cursor;
		ListCursor last = fetched.isEmpty() ? null : fetched.get(fetched.size() - 1).cursor;
		boolean hasPrevious = start.forward() ? start.cursor() != null || start.pageNumber() > 0 : more;
		boolean hasNext = start.forward() ? more : true;
		return new TicketSlice(rows, start.pageNumber(), size, total, total > COUNT_CAP, hasPrevious ? first : null,
				hasNext ? last : null);
	}

	private TicketConditions.TextSearch textSearch() {
		return dialect.isPostgres() ? TicketConditions.TextSearch.POSTGRES
				: dialect.isMariaDb() ? TicketConditions.TextSearch.MARIADB : TicketConditions.TextSearch.CONTAINS;
	}

	/**
	 * {@code size} tickets of the client's queue from the rank of position
	 * {@code firstPosition} on, in queue order; their positions follow from the first.
	 */
	List<TicketRow> queueFrom(long clientId, long rank, int size, int firstPosition, LocalDate today) {
		List<Fetched> fetched = jdbc.sql("select t.*, c.name as client_name, pa.name as area_name,"
				+ " a.display_name as assignee_name, s.display_name as submitter_name from (select " + COLUMNS
				+ " from tickets t where t.client_id = :client and t.queue_rank >= :rank order by t.queue_rank limit "
				+ size + ") t " + NAMES + " order by t.queue_rank")
			.param("client", clientId)
			.param("rank", rank)
			.query((rs, n) -> fetch(rs, ListOrder.QUEUE_OF_CLIENT))
			.list();
		List<TicketRow> rows = new ArrayList<>(fetched.size());
		for (int i = 0; i < fetched.size(); i++) {
			rows.add(fetched.get(i).row.withPriority(firstPosition + i, today));
		}
		return rows;
	}

	/**
	 * Matches, counted up to just past the cap: never more than that many index entries
	 * read. Without a search, the order is there for the planner, not the count: it makes
	 * it walk an index in that order (the queue's, or the archive's) and stop at the cap,
	 * where a sequential scan "with a limit" could read most of the table before finding
	 * enough completed or queued rows.
	 */
	private long count(TicketConditions where) {
		// A search counts what its full-text index finds; an order there would invite a
		// walk of
		// every queued ticket, testing each one's text.
		// MariaDB stops a range at the limit; an order there made it sort every match
		// first.
		String order = where.searches() || dialect.isMariaDb() ? ""
				: where.queued() ? " order by t.client_id, t.queue_rank" : " order by t.completed_at, t.id";
		return jdbc
			.sql("select count(*) from (select 1 from tickets t where " + where.sql() + order + " limit "
					+ (COUNT_CAP + 1) + ") matches")
			.params(where.params())
			.query(Long.class)
			.single();
	}

	/**
	 * The page in one index order: a keyset condition from the cursor, or an offset for a
	 * page number.
	 */
	private static String ordered(TicketConditions where, ListOrder order, PageStart start, Map<String, Object> params,
			int limit, boolean matchesFirst, String targetKey, boolean rowValues) {
		boolean byClientName = order == ListOrder.QUEUES;
		// A full-text search on PostgreSQL collects its matches first (a bitmap scan of
		// the GIN
		// index) and sorts those. Left to itself the planner, which cannot estimate a
		// prefix
		// query well (5,000 rows expected, 13 found), walks the order's index and tests
		// the text
		// of every ticket on the way: 10 s for a rare word on a million tickets.
		String from = matchesFirst ? "matches t" : "tickets t";
		// MariaDB sorts the matches of the all-queues order (the overdue ones) by their
		// keys,
		// read from the index, and reads the rows of the page only.
		boolean keysFirst = byClientName && !rowValues;
		StringBuilder sql = new StringBuilder(matchesFirst
				? "with matches as materialized (select " + COLUMNS + " from tickets t where " + where.sql() + ") "
				: "")
			.append("select " + (keysFirst ? "t.id as key_id" : COLUMNS))
			.append(byClientName ? ", c.name as client_sort from " + from + " join clients c on c.id = t.client_id"
					: " from " + from)
			.append(" where ")
			.append(matchesFirst ? "1 = 1" : where.sql());
		if (order == ListOrder.TARGET_DATE && !targetKey.equals(ListOrder.TARGET_KEY)) {
			// MariaDB's queued_target is NULL for completed tickets, which an ascending
			// index holds first: the range starts after them.
			sql.append(" and ").append(targetKey).append(" is not null");
		}
		if (start.cursor() != null) {
			Object[] keys = order.parameters(start.cursor());
			List<String> names = new ArrayList<>();
			if (order == ListOrder.QUEUES) {
				names.add("(select cc.name from clients cc where cc.id = :key0)");
			}
			for (int i = 0; i < keys.length; i++) {
				params.put("key" + i, keys[i]);
				names.add(":key" + i);
			}
			sql.append(" and ")
				.append(Keyset.of(rowValues, order.columns(), order.keysetOperator(start.forward()), names, List.of())
					.sql());
		}
		sql.append(" order by ").append(order.orderBy(start.forward())).append(" limit ").append(limit);
		if (start.offset() > 0) {
			sql.append(" offset ").append(start.offset());
		}
		// The page is read in the index's key; the outer order (of its few rows) is the
		// expression, over the page's columns.
		String page = sql.toString().replace(ListOrder.TARGET_KEY, targetKey);
		if (keysFirst) {
			page = "select " + COLUMNS + ", k.client_sort from (" + page + ") k join tickets t on t.id = k.key_id";
		}
		return "select t.*, c.name as client_name, pa.name as area_name, a.display_name as assignee_name,"
				+ " s.display_name as submitter_name from (" + page + ") t " + NAMES + " order by "
				+ order.orderBy(start.forward()).replace("c.name", "t.client_sort");
	}

	/**
	 * All queues in queue order on MariaDB ({@link QueuesInTurn}): the clients in name
	 * order from the cursor's on, then one statement for the page over their queues.
	 */
	private List<Fetched> queuesInTurn(TicketConditions where, PageStart start, Map<String, Object> params, int limit) {
		boolean forward = start.forward();
		String direction = forward ? "" : " desc";
		long rows = start.offset() + limit;
		List<Long> clients = QueuesInTurn.clients(jdbc, where, start.cursor(), forward, rows);
		if (clients.isEmpty()) {
			return new ArrayList<>();
		}
		String keys = QueuesInTurn.keys(where, clients, start.cursor(), forward, rows, params) + " order by client_sort"
				+ direction + ", client_id" + direction + ", queue_rank" + direction + " limit " + limit + " offset "
				+ start.offset();
		String sql = "select t.*, c.name as client_name, pa.name as area_name, a.display_name as assignee_name,"
				+ " s.display_name as submitter_name from (select " + COLUMNS + ", k.client_sort from (" + keys
				+ ") k join tickets t on t.id = k.id) t " + NAMES + " order by t.client_sort" + direction
				+ ", t.client_id" + direction + ", t.queue_rank" + direction;
		return new ArrayList<>(jdbc.sql(sql).params(params).query((rs, n) -> fetch(rs, ListOrder.QUEUES)).list());
	}

	/**
	 * All queues in queue order on PostgreSQL: clients by name, and for each one only the
	 * first rows of its queue that match (a LATERAL subquery on the client's queue
	 * index), so the first page reads about one page of rows instead of sorting every
	 * queued ticket by client name. From a cursor: the rest of the cursor's client, then
	 * the clients after it.
	 */
	private static String acrossQueues(TicketConditions where, PageStart start, Map<String, Object> params, int limit) {
		boolean forward = start.forward();
		String direction = forward ? "" : " desc";
		// Each client contributes at most what the page (with its offset) can take.
		String lateral = "select c.name as client_sort, t2.* from clients c cross join lateral (select " + COLUMNS
				+ " from tickets t where t.client_id = c.id and " + where.sql() + " order by t.queue_rank" + direction
				+ " limit " + (start.offset() + limit) + ") t2";
		String sql;
		if (start.cursor() == null) {
			sql = lateral + " order by c.name" + direction + ", c.id" + direction + ", t2.queue_rank" + direction
					+ " limit " + limit + " offset " + start.offset();
		}
		else {
			long[] key = start.cursor().values();
			params.put("key0", key[0]);
			params.put("key1", key[1]);
			String op = forward ? ">" : "<";
			String restOfClient = "select c.name as client_sort, " + COLUMNS
					+ " from tickets t join clients c on c.id = t.client_id"
					+ " where t.client_id = :key0 and t.queue_rank " + op + " :key1 and " + where.sql()
					+ " order by t.queue_rank" + direction + " limit " + limit;
			String laterClients = lateral + " where (c.name, c.id) " + op
					+ " ((select cc.name from clients cc where cc.id = :key0), :key0)";
			sql = "select * from ((" + restOfClient + ") union all (" + laterClients + ")) q order by client_sort"
					+ direction + ", client_id" + direction + ", queue_rank" + direction + " limit " + limit;
		}
		return "select t.*, c.name as client_name, pa.name as area_name, a.display_name as assignee_name,"
				+ " s.display_name as submitter_name from (" + sql + ") t " + NAMES + " order by t.client_sort"
				+ direction + ", t.client_id" + direction + ", t.queue_rank" + direction;
	}

	private static Fetched fetch(ResultSet rs, ListOrder order) throws SQLException {
		TicketRow.Ref assignee = rs.getObject("assignee_id") == null ? null
				: new TicketRow.Ref(rs.getLong("assignee_id"), rs.getString("assignee_name"));
		OffsetDateTime completed = rs.getObject("completed_at", OffsetDateTime.class);
		TicketRow row = new TicketRow(rs.getLong("id"), rs.getString("title"),
				new TicketRow.Ref(rs.getLong("client_id"), rs.getString("client_name")),
				new TicketRow.Ref(rs.getLong("product_area_id"), rs.getString("area_name")), null,
				TicketStatus.valueOf(rs.getString("status")), rs.getObject("target_date", LocalDate.class), false,
				assignee, new TicketRow.Ref(rs.getLong("submitter_id"), rs.getString("submitter_name")),
				rs.getObject("created_at", OffsetDateTime.class).toInstant(),
				completed == null ? null : completed.toInstant());
		return new Fetched(row, rs.getObject("queue_rank") != null, order.cursorOf(rs));
	}

	private record Fetched(TicketRow row, boolean queued, ListCursor cursor) {
	}

	/**
	 * Where the requested page starts: after/before a cursor, or at a page number's
	 * offset.
	 */
	record PageStart(ListCursor cursor, boolean forward, int pageNumber, long offset, boolean tooDeep) {

		static PageStart of(TicketFilter filter, ListOrder order, int size) {
			int page = filter.safePage();
			ListCursor after = filter.afterCursor();
			ListCursor before = filter.beforeCursor();
			if (after != null && order.accepts(after)) {
				return new PageStart(after, true, page, 0, false);
			}
			if (before != null && order.accepts(before)) {
				return new PageStart(before, false, page, 0, false);
			}
			long offset = (long) page * size;
			return new PageStart(null, true, page, offset, offset >= MAX_OFFSET);
		}

	}

}
