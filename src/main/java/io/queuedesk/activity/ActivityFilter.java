package io.queuedesk.activity;

import org.springframework.validation.Errors;

import io.queuedesk.system.DateRangeFilter;
import io.queuedesk.system.PagedSearch;

/**
 * The query parameters of /admin/activity and its CSV export, bound as text so that a bad
 * value fails only its own field with a message (and that filter is then not applied),
 * never the page.
 */
class ActivityFilter extends DateRangeFilter {

	private String user;

	private String ticket;

	private String action;

	private int page;

	private String after;

	private String before;

	/** The filters that are valid; each invalid one is rejected on its field. */
	ActivityQuery resolve(Errors errors) {
		return new ActivityQuery(user, ticketId(errors), action(errors), range(errors));
	}

	private Long ticketId(Errors errors) {
		if (ticket == null || ticket.isBlank()) {
			return null;
		}
		String digits = ticket.strip().startsWith("#") ? ticket.strip().substring(1) : ticket.strip();
		try {
			long id = Long.parseLong(digits);
			if (id > 0) {
				return id;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		errors.rejectValue("ticket", "activity.filter.ticket.invalid");
		return null;
	}

	private ActivityAction action(Errors errors) {
		if (action == null || action.isBlank()) {
			return null;
		}
		try {
			return ActivityAction.valueOf(action.strip());
		}
		catch (IllegalArgumentException ex) {
			errors.rejectValue("action", "activity.filter.action.invalid");
			return null;
		}
	}

	public int safePage() {
		return PagedSearch.boundedPage(page);
	}

	/**
	 * The cursor of "next" (older entries), or null when there is none or it is not one.
	 */
	ActivityCursor afterCursor() {
		return ActivityCursor.parse(after).orElse(null);
	}

	/** The cursor of "previous" (newer entries), or null. */
	ActivityCursor beforeCursor() {
		return ActivityCursor.parse(before).orElse(null);
	}

	public String getAfter() {
		return after;
	}

	public void setAfter(String after) {
		this.after = after;
	}

	public String getBefore() {
		return before;
	}

	public void setBefore(String before) {
		this.before = before;
	}

	public String getUser() {
		return user;
	}

	public void setUser(String user) {
		this.user = user;
	}

	public String getTicket() {
		return ticket;
	}

	public void setTicket(String ticket) {
		this.ticket = ticket;
	}

	public String getAction() {
		return action;
	}

	public void setAction(String action) {
		this.action = action;
	}

	public int getPage() {
		return page;
	}

	public void setPage(int page) {
		this.page = page;
	}

}
