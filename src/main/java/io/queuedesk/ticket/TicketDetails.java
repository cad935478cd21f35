package io.queuedesk.ticket;

import java.time.Instant;
import java.util.List;

import io.queuedesk.activity.ActivityEntry;

/**
 * Everything the ticket page shows: the ticket, its place in the queue ("#3 of 12"), its
 * history and which actions the viewer may take, decided by the service rather than by
 * the template.
 */
record TicketDetails(TicketRow ticket, String description, int queueSize, Instant updatedAt, long version,
		boolean canEdit, boolean canDelete, boolean canManageQueue, boolean canAssign, boolean canPickUp,
		List<TicketStatus> nextSteps, List<ActivityEntry> history, TicketAccessInfo access) {

	public boolean queued() {
		return ticket.priority() != null;
	}

}
