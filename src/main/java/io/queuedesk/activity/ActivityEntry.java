package io.queuedesk.activity;

import java.time.Instant;

/** One row of the audit trail as the admin pages and the CSV export show it. */
public record ActivityEntry(long id, Instant occurredAt, String actorEmail, ActivityAction action, Long ticketId,
		String ticketTitle, String targetUserEmail, String details) {
}
