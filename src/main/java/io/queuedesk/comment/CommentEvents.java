package io.queuedesk.comment;

import io.queuedesk.ticket.TicketEvents.Person;

/**
 * Domain events of comments, published inside the transaction that writes the comment, so
 * a listener writing an outbox row (mail to "the other side", docs/RULES.md#email)
 * commits or rolls back with it.
 */
public final class CommentEvents {

	private CommentEvents() {
	}

	/**
	 * A person (not the workflow) added a comment. Internal notes are flagged so that
	 * nothing about them ever reaches the submitter. {@code assigneeId} is null for an
	 * unassigned ticket. {@code files}: how many files came with it ({@code body} may
	 * then be empty).
	 */
	public record CommentAdded(long ticketId, String ticketTitle, long commentId, boolean internal, Person author,
			long submitterId, Long assigneeId, String body, int files) {
	}

}
