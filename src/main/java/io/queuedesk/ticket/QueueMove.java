package io.queuedesk.ticket;

import io.queuedesk.queue.QueueService;

/**
 * What a move or transfer did: the ticket, the client whose queue holds it now, and its
 * position before and after. Enough for the page to answer without loading the ticket
 * again.
 */
public record QueueMove(long ticketId, long clientId, QueueService.Move places) {

	public int from() {
		return places.from();
	}

	public int to() {
		return places.to();
	}

	public boolean changed() {
		return places.changed();
	}

}
