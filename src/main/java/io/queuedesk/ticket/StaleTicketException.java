package io.queuedesk.ticket;

/**
 * The form was loaded at an older version: someone else changed the ticket in the
 * meantime.
 */
class StaleTicketException extends RuntimeException {

	private final TicketEditForm current;

	StaleTicketException(TicketEditForm current) {
		super("Ticket changed by someone else");
		this.current = current;
	}

	/** The values as saved now, to show next to what the user typed. */
	public TicketEditForm current() {
		return current;
	}

}
