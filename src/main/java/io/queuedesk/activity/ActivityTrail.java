package io.queuedesk.activity;

import java.io.Writer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.queuedesk.system.AdminOnly;
import io.queuedesk.system.DatabaseDialect;
import io.queuedesk.system.Keyset;

/**
 * Reads the audit trail for /admin/activity, its CSV export and the dashboard, with plain
 * SQL: the filters become conditions that an index serves in the order newest first (see
 * {@link ActivityQuery}), a page is two statements (a capped count and a keyset page) and
 * an export one statement read through a forward-only cursor.
 */
@Service
@Transactional(readOnly = true)
public class ActivityTrail {

	static final int PAGE_SIZE = 50;

	/** Matches are counted up to this many; beyond, the page says "more than …". */
	static final int COUNT_CAP = 10_000;

	/**
	 * Deepest entry a page number alone may reach (an OFFSET reads every entry before the
	 * page).
	 */
	static final int MAX_OFFSET = 10_000;

	/**
	 * Rows the driver fetches per round trip while exporting. PostgreSQL only streams a
	 * result set with a fetch size inside a transaction (autocommit off), which the
	 * read-only transaction of {@link #exportCsv} provides; otherwise it would load every
	 * row at once.
	 */
	static final int EXPORT_FETCH_SIZE = 500;

	private final JdbcTemplate jdbc;

	private final JdbcTemplate streaming;

	private final Clock clock;

	private final DatabaseDialect dialect;

	ActivityTrail(DataSource dataSource, Clock clock, DatabaseDialect dialect) {
		this.dialect = dialect;
		this.jdbc = new JdbcTemplate(dataSource);
		this.streaming = new JdbcTemplate(dataSource);
		this.streaming.setFetchSize(EXPORT_FETCH_SIZE);
		this.clock = clock;
	}

	/** The latest entries, newest first (dashboard). */
	@AdminOnly
	public List<ActivityEntry> recent(int limit) {
		return jdbc.query(select(ActivityQuery.ALL, new ArrayList<>()) + " limit ?", ActivityTrail::entry, limit);
	}

	/**
	 * One page of the matching entries, newest first: a capped count and the page, two
	 * statements whatever the page. From a cursor ({@code after}: older entries,
	 * {@code before}: newer) the page is an index range from there; a page number alone
	 * is an offset, allowed for the first {@link #MAX_OFFSET} entries.
	 */
	@AdminOnly
	ActivitySlice page(ActivityQuery query, ActivityCursor after, ActivityCursor before, int page) {
		ZoneId zone = clock.getZone();
		long total = count(query);
		boolean forward = after != null || before == null;
		ActivityCursor cursor = after != null ? after : before;
		long offset = cursor == null ? (long) page * PAGE_SIZE : 0;
		if (offset >= MAX_OFFSET) {
			return new ActivitySlice(List.of(), page, PAGE_SIZE, total, total > COUNT_CAP, null, null, true);
		}
		int limit = PAGE_SIZE + 1;
		List<Object> params = new ArrayList<>();
		Keyset fromCursor = cursor == null ? null : Keyset.of(Keyset.rowValues(dialect), List.of("occurred_at", "id"),
				forward ? "<" : ">", List.of(cursor.occurredAt().atOffset(ZoneOffset.UTC), cursor.id()));
		String keyset = fromCursor == null ? null : fromCursor.sql();
		List<Object> keyParams = fromCursor == null ? List.of() : fromCursor.values();
		String direction = forward ? " desc" : "";
		String sql = "select " + ActivityQuery.COLUMNS + " from ("
				+ query.branches(ActivityQuery.COLUMNS, zone, keyset, keyParams, forward, offset + limit, params)
				+ ") e order by occurred_at" + direction + ", id" + direction + " limit " + limit
				+ (offset > 0 ? " offset " + offset : "");
		List<ActivityEntry> entries = new ArrayList<>(jdbc.query(sql, ActivityTrail::entry, params.toArray()));
		boolean more = entries.size() > PAGE_SIZE;
		if (more) {
			entries.remove(PAGE_SIZE);
		}
		if (!forward) {
			Collections.reverse(entries);
		}
		ActivityCursor first = entries.isEmpty() ? null : cursorOf(entries.get(0));
		ActivityCursor last = entries.isEmpty() ? null : cursorOf(entries.get(entries.size() - 1));
		boolean hasPrevious = forward ? cursor != null || page > 0 : more;
		boolean hasNext = forward ? more : true;
		return new ActivitySlice(entries, page, PAGE_SIZE, total, total > COUNT_CAP, hasPrevious ? first : null,
				hasNext ? last : null, false);
	}

	/**
	 * Matching entries counted up to just past the cap, reading the filter's index in the
	 * page's order: never more than that many index entries per branch.
	 */
	private long count(ActivityQuery query) {
		List<Object> params = new ArrayList<>();
		String sql = "select count(*) from ("
				+ query.branches("id", clock.getZone(), null, List.of(), true, COUNT_CAP + 1, params) + ") matches";
		return jdbc.queryForObject(sql, Long.class, params.toArray());
	}

	private static ActivityCursor cursorOf(ActivityEntry entry) {
		return new ActivityCursor(entry.occurredAt(), entry.id());
	}

	/**
	 * Writes every matching entry as CSV, newest first, row by row as the cursor delivers
	 * them: memory use does not grow with the number of rows.
	 */
	@AdminOnly
	void exportCsv(ActivityQuery query, Writer out) {
		List<Object> params = new ArrayList<>();
		String sql = select(query, params);
		ActivityCsv csv = new ActivityCsv(out, clock.getZone());
		streaming.query(sql, (ResultSet rs) -> csv.write(entry(rs, 0)), params.toArray());
		csv.flush();
	}

	private String select(ActivityQuery query, List<Object> params) {
		return "select " + ActivityQuery.COLUMNS + " from activity_log" + query.where(clock.getZone(), params)
				+ " order by occurred_at desc, id desc";
	}

	private static ActivityEntry entry(ResultSet rs, int row) throws SQLException {
		return new ActivityEntry(rs.getLong("id"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
				rs.getString("actor_email"), ActivityAction.valueOf(rs.getString("action")),
				rs.getObject("ticket_id", Long.class), rs.getString("ticket_title"), rs.getString("target_user_email"),
				rs.getString("details"));
	}

}
