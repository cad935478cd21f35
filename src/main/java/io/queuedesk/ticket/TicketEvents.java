package io.queuedesk.ticket;

/**
 * Domain events of tickets, published inside the transaction of the change. Listeners
 * that must commit with the change (system comments) use {@code @EventListener}; side
 * effects such as mail write their outbox rows the same way, so a rolled-back change
 * sends nothing. Only what some feature listens to is published (a creation event comes
 * back with the first listener: webhooks).
 */
public final class TicketEvents {

	private TicketEvents() {
	}

	/** A person as events carry them: enough to address and to name them. */
	public record Person(long id, String displayName) {
	}

	public record TicketAssigned(long ticketId, String title, Person from, Person to, Person actor) {
	}

	/**
	 * Files were added to the ticket itself (files of a comment travel with the comment's
	 * event). {@code assigneeId} is null for an unassigned ticket.
	 */
	public record FilesAdded(long ticketId, String title, int count, Person actor, long submitterId, Long assigneeId) {
	}

	public record TicketStatusChanged(long ticketId, String title, TicketStatus from, TicketStatus to, Person submitter,
			Person assignee, Person actor) {
	}

}
