package io.queuedesk.activity;

import java.time.Instant;

/**
 * One entry of the audit trail as it is shown: on the admin pages, in the CSV export and
 * in a ticket's or a user's history (what other modules get from {@code activity}).
 */
public record ActivityEntry(long id, Instant occurredAt, String actorEmail, ActivityAction action, Long ticketId,
		String ticketTitle, String targetUserEmail, String details) {
}
