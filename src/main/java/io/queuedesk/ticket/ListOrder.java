package io.queuedesk.ticket;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The orders the ticket list really runs, each with the columns of its sort key. Every
 * one is served by an index in that order (V8), so a page is a short index range scan
 * from the cursor on, never a sort of every match or an OFFSET over the rows before it.
 * Every key ends on a unique column, so pages never overlap.
 */
enum ListOrder {

	/** One client's queue: by rank (unique per client). */
	QUEUE_OF_CLIENT(List.of("t.queue_rank"), true, 'r'),

	/** All queues: by client name, then rank; the client is part of the key. */
	QUEUES(List.of("c.name", "t.client_id", "t.queue_rank"), true, 'q'),

	/** Queued tickets by target date (none last), then id. */
	TARGET_DATE(List.of(ListOrder.TARGET_KEY, "t.id"), true, 't'),

	/** Newest first. */
	CREATED(List.of("t.created_at", "t.id"), false, 'c'),

	/** Completed tickets, most recently completed first (the archive's order). */
	COMPLETED(List.of("t.completed_at", "t.id"), false, 'd');

	/**
	 * A target date where "none" sorts last: the expression of the index
	 * ix_tickets_queued_target, which the overdue filter uses too.
	 */
	static final String TARGET_KEY = "coalesce(t.target_date, DATE '9999-12-31')";

	private final List<String> columns;

	private final boolean ascending;

	private final char tag;

	ListOrder(List<String> columns, boolean ascending, char tag) {
		this.columns = columns;
		this.ascending = ascending;
		this.tag = tag;
	}

	/**
	 * The order for a sort as the user chose it: queued tickets have no completion date
	 * and completed ones no queue, so those two fall back to the nearest order that
	 * exists for them.
	 */
	static ListOrder of(TicketSort sort, boolean queued, boolean oneClient) {
		if (!queued) {
			return sort == TicketSort.CREATED ? CREATED : COMPLETED;
		}
		return switch (sort) {
			case PRIORITY -> oneClient ? QUEUE_OF_CLIENT : QUEUES;
			case TARGET_DATE -> TARGET_DATE;
			case CREATED, COMPLETED -> CREATED;
		};
	}

	/** {@code order by} for reading forward, or backward (from a "previous" cursor). */
	String orderBy(boolean forward) {
		String direction = ascending == forward ? "" : " desc";
		return String.join(", ", columns.stream().map(c -> c + direction).toList());
	}

	/** Key columns, for a keyset condition. */
	List<String> columns() {
		return columns;
	}

	/**
	 * The comparison that selects rows after the cursor when reading forward, or before
	 * it backward.
	 */
	String keysetOperator(boolean forward) {
		return ascending == forward ? ">" : "<";
	}

	/** Values of the sort key of the current row, as the cursor stores them. */
	ListCursor cursorOf(ResultSet rs) throws SQLException {
		long id = rs.getLong("id");
		return switch (this) {
			case QUEUE_OF_CLIENT -> new ListCursor(tag, rs.getLong("queue_rank"));
			case QUEUES -> new ListCursor(tag, rs.getLong("client_id"), rs.getLong("queue_rank"));
			case TARGET_DATE -> new ListCursor(tag, targetDay(rs.getObject("target_date", LocalDate.class)), id);
			case CREATED -> new ListCursor(tag, micros(rs.getObject("created_at", OffsetDateTime.class)), id);
			case COMPLETED -> new ListCursor(tag, micros(rs.getObject("completed_at", OffsetDateTime.class)), id);
		};
	}

	/** Whether a cursor was made by this order. */
	boolean accepts(ListCursor cursor) {
		return cursor.tag() == tag && cursor.values().length == (this == QUEUE_OF_CLIENT ? 1 : 2);
	}

	/** The cursor's values as SQL parameters of the key columns. */
	Object[] parameters(ListCursor cursor) {
		long[] v = cursor.values();
		return switch (this) {
			case QUEUE_OF_CLIENT -> new Object[] { v[0] };
			case QUEUES -> new Object[] { v[0], v[1] };
			case TARGET_DATE -> new Object[] { LocalDate.ofEpochDay(v[0]), v[1] };
			case CREATED, COMPLETED -> new Object[] { fromMicros(v[0]), v[1] };
		};
	}

	static final LocalDate NO_TARGET = LocalDate.of(9999, 12, 31);

	private static long targetDay(LocalDate date) {
		return (date == null ? NO_TARGET : date).toEpochDay();
	}

	private static long micros(OffsetDateTime time) {
		return ChronoUnit.MICROS.between(Instant.EPOCH, time.toInstant());
	}

	private static OffsetDateTime fromMicros(long micros) {
		return Instant.EPOCH.plus(micros, ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
	}

}
