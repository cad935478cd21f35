package io.queuedesk.ticket;

import java.util.Locale;

/**
 * Filters of the ticket list and API (SPEC §6). A JavaBean rather than a record so that a bad
 * value (client=abc) fails only its own field and the rest of the filter still applies.
 */
public class TicketFilter {

	public static final int DEFAULT_SIZE = 50;

	public static final int MAX_SIZE = 200;

	private Long client;

	private TicketStatus status;

	/** A user id, or "none" for unassigned tickets. */
	private String assignee;

	private Long productArea;

	private boolean overdue;

	private String q;

	private TicketSort sort = TicketSort.PRIORITY;

	private int page;

	private int size = DEFAULT_SIZE;

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

	/** The search text, lower-case and trimmed, or null. */
	public String text() {
		return q == null || q.isBlank() ? null : q.strip().toLowerCase(Locale.ROOT);
	}

	public int safePage() {
		return Math.max(0, page);
	}

	public int safeSize() {
		return size < 1 ? DEFAULT_SIZE : Math.min(size, MAX_SIZE);
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

	public String getQ() {
		return q;
	}

	public void setQ(String q) {
		this.q = q;
	}

	public TicketSort getSort() {
		return sort;
	}

	public void setSort(TicketSort sort) {
		this.sort = sort == null ? TicketSort.PRIORITY : sort;
	}

	public int getPage() {
		return page;
	}

	public void setPage(int page) {
		this.page = page;
	}

	public int getSize() {
		return size;
	}

	public void setSize(int size) {
		this.size = size;
	}

}
