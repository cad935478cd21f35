package io.queuedesk.activity;

import java.util.List;

import io.queuedesk.system.PageLinks;

/**
 * One page of the audit trail, newest first.
 *
 * @param number the page, from 0 (pages reached by cursor carry it along)
 * @param total matching entries, exact up to {@link ActivityTrail#COUNT_CAP}; beyond it
 * {@code capped}
 * @param previous cursor of the page before, or null on the first page
 * @param next cursor of the page after, or null on the last
 * @param tooDeep a page number past {@link ActivityTrail#MAX_OFFSET} was asked for: no
 * entries
 */
record ActivitySlice(List<ActivityEntry> entries, int number, int size, long total, boolean capped,
		ActivityCursor previous, ActivityCursor next, boolean tooDeep) {

	/** The total to show: the exact count, or the cap when there are more. */
	long shownTotal() {
		return Math.min(total, ActivityTrail.COUNT_CAP);
	}

	PageLinks links() {
		return PageLinks.ofCursor(number, size, shownTotal(), capped, previous, next);
	}

}
