package io.queuedesk.ticket;

import java.util.List;

import io.queuedesk.system.PageLinks;

/**
 * One page of the ticket list.
 *
 * @param number the page, from 0 (as far as known: pages reached by cursor carry it
 * along)
 * @param total matches, exact up to {@link TicketListing#COUNT_CAP}; beyond it
 * {@code capped}
 * @param previous cursor of the page before, or null on the first page
 * @param next cursor of the page after, or null on the last
 * @param tooDeep a page number past {@link TicketListing#MAX_OFFSET} was asked for: no
 * rows
 */
record TicketSlice(List<TicketRow> rows, int number, int size, long total, boolean capped, ListCursor previous,
		ListCursor next, boolean tooDeep) {

	TicketSlice(List<TicketRow> rows, int number, int size, long total, boolean capped, ListCursor previous,
			ListCursor next) {
		this(rows, number, size, total, capped, previous, next, false);
	}

	static TicketSlice tooDeep(int number, int size, long total) {
		return new TicketSlice(List.of(), number, size, Math.min(total, TicketListing.COUNT_CAP),
				total > TicketListing.COUNT_CAP, null, null, true);
	}

	/** The total to show: the exact count, or the cap when there are more. */
	public long shownTotal() {
		return Math.min(total, TicketListing.COUNT_CAP);
	}

	public String nextCursor() {
		return next == null ? null : next.toString();
	}

	/** Previous/next links for the page that is being rendered. */
	public PageLinks links() {
		return PageLinks.ofCursor(number, size, shownTotal(), capped, previous, next);
	}

	/**
	 * Links of one of several lists on a page, with paging parameters named after
	 * {@code prefix}.
	 */
	public PageLinks links(String prefix) {
		return PageLinks.ofCursor(prefix, number, size, shownTotal(), capped, previous, next);
	}

}
