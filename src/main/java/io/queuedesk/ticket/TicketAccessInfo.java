package io.queuedesk.ticket;

/**
 * What other features need to know about a ticket the viewer may see, and what the viewer may do
 * with it beyond the ticket's own actions (SPEC §1): comment, write internal notes, moderate.
 */
public record TicketAccessInfo(long ticketId, String title, TicketStatus status, long submitterId, Long assigneeId,
		boolean canComment, boolean canWriteInternal, boolean canModerate, boolean seesInternal) {
}
