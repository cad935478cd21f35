package io.queuedesk.ticket;

/**
 * What other features need to know about a ticket the viewer may see, and what the viewer
 * may do with it beyond the ticket's own actions (docs/RULES.md#roles-and-visibility):
 * comment, write internal notes, moderate.
 */
public record TicketAccessInfo(long ticketId, String title, TicketStatus status, long submitterId, Long assigneeId,
		boolean canComment, boolean canWriteInternal, boolean canModerate, boolean seesInternal) {
}
