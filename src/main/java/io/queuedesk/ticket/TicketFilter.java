package io.queuedesk.ticket;

import io.queuedesk.system.PagedSearch;

/**
 * Filters of the ticket list and API (docs/RULES.md#pages-and-routes). A JavaBean rather
 * than a record so that a bad value (client=abc) fails only its own field and the rest of
 * the filter still applies.
 */
class TicketFilter extends PagedSearch {

	private Long client;

	private TicketStatus status;

	/** A user id, or "none" for unassigned tickets. */
	private String assignee;

	private Long productArea;

	private boolean overdue;

	private TicketSort sort = TicketSort.PRIORITY;

	/** Cursors of the "next" and "previous" links (see ListCursor). */

	public boolean unassignedOnly() {
		return "none".equalsIgnoreCase(assignee);
	}

	/** The assignee id, or null when the filter is empty, "none" or not a number. */
	public Long assigneeId() {
		if (assignee == null || assignee.isBlank() || unassignedOnly()) {
			return null;
		}
		try {
			return Long.valueOf(assignee.strip());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	/** The "next" cursor, or null when absent or not valid. */
	ListCursor afterCursor() {
		return cursor(getAfter());
	}

	/** The "previous" cursor, or null when absent or not valid. */
	ListCursor beforeCursor() {
		return cursor(getBefore());
	}

	/**
	 * Whether a cursor was given that is not one (the list then starts at its first
	 * page).
	 */
	public boolean hasBadCursor() {
		return (getAfter() != null && !getAfter().isBlank() && afterCursor() == null)
				|| (getBefore() != null && !getBefore().isBlank() && beforeCursor() == null);
	}

	private static ListCursor cursor(String text) {
		try {
			return ListCursor.parse(text).orElse(null);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	public Long getClient() {
		return client;
	}

	public void setClient(Long client) {
		this.client = client;
	}

	public TicketStatus getStatus() {
		return status;
	}

	public void setStatus(TicketStatus status) {
		this.status = status;
	}

	public String getAssignee() {
		return assignee;
	}

	public void setAssignee(String assignee) {
		this.assignee = assignee;
	}

	public Long getProductArea() {
		return productArea;
	}

	public void setProductArea(Long productArea) {
		this.productArea = productArea;
	}

	public boolean isOverdue() {
		return overdue;
	}

	public void setOverdue(boolean overdue) {
		this.overdue = overdue;
	}

	public TicketSort getSort() {
		return sort;
	}

	public void setSort(TicketSort sort) {
		this.sort = sort == null ? TicketSort.PRIORITY : sort;
	}

}
