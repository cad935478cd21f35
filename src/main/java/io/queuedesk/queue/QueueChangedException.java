package io.queuedesk.queue;

/**
 * The ticket is no longer where the caller saw it: completed, moved to another client or
 * deleted by a concurrent change. Nothing was changed; the caller answers "changed by
 * someone else".
 */
public class QueueChangedException extends RuntimeException {

	public QueueChangedException(long ticketId) {
		super("Ticket " + ticketId + " is no longer in this queue");
	}

}
