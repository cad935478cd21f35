package io.queuedesk.queue;

/** The ticket is not (or no longer) in that client's queue: completed, moved away or deleted. */
public class NotQueuedException extends RuntimeException {

	public NotQueuedException(long ticketId) {
		super("Ticket " + ticketId + " is not in this queue");
	}

}
