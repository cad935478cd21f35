package io.queuedesk.activity;

import java.io.Writer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.queuedesk.system.AdminOnly;

/**
 * Reads the audit trail for /admin/activity, its CSV export and the dashboard, with plain SQL:
 * the filters become one WHERE clause (see {@link ActivityQuery}), a page is two statements and
 * an export one statement read through a forward-only cursor.
 */
@Service
@Transactional(readOnly = true)
public class ActivityTrail {

	static final int PAGE_SIZE = 50;

	/**
	 * Rows the driver fetches per round trip while exporting. PostgreSQL only streams a result
	 * set with a fetch size inside a transaction (autocommit off), which the read-only
	 * transaction of {@link #exportCsv} provides; otherwise it would load every row at once.
	 */
	static final int EXPORT_FETCH_SIZE = 500;

	private final JdbcTemplate jdbc;

	private final JdbcTemplate streaming;

	private final Clock clock;

	ActivityTrail(DataSource dataSource, Clock clock) {
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

	/** One page of the matching entries, newest first: a count and a page query. */
	@AdminOnly
	Page<ActivityEntry> page(ActivityQuery query, int page) {
		List<Object> params = new ArrayList<>();
		String where = query.where(clock.getZone(), params);
		Long total = jdbc.queryForObject("select count(*) from activity_log" + where, Long.class, params.toArray());
		PageRequest request = PageRequest.of(page, PAGE_SIZE);
		List<ActivityEntry> entries = List.of();
		if (request.getOffset() < total) {
			List<Object> pageParams = new ArrayList<>();
			String sql = select(query, pageParams) + " limit ? offset ?";
			pageParams.add(PAGE_SIZE);
			pageParams.add(request.getOffset());
			entries = jdbc.query(sql, ActivityTrail::entry, pageParams.toArray());
		}
		return new PageImpl<>(entries, request, total);
	}

	/**
	 * Writes every matching entry as CSV, newest first, row by row as the cursor delivers them:
	 * memory use does not grow with the number of rows.
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
