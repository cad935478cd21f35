package io.queuedesk.ticket;

import java.time.Instant;

/**
 * Everything the ticket page shows: the ticket, its place in the queue ("#3 of 12") and which
 * actions the viewer may take, decided by the service rather than by the template.
 */
public record TicketDetails(TicketRow ticket, String description, int queueSize, Instant updatedAt, long version,
		boolean canEdit, boolean canDelete, boolean canManageQueue) {

	public boolean queued() {
		return ticket.priority() != null;
	}

}
