package io.queuedesk.ticket;

import java.time.Instant;
import java.time.LocalDate;

import io.queuedesk.user.User;

/**
 * A ticket as lists and the API show it, copied out of the entities inside the
 * transaction so views never touch lazy associations (open-in-view is off).
 */
public record TicketRow(long id, String title, Ref client, Ref productArea, Integer priority, TicketStatus status,
		LocalDate targetDate, boolean overdue, Ref assignee, Ref submitter, Instant createdAt, Instant completedAt) {

	/** An id with the name to show for it. */
	public record Ref(long id, String name) {

		static Ref of(User user) {
			return user == null ? null : new Ref(user.getId(), user.getDisplayName());
		}

	}

	/**
	 * The row with its queue position (null when not queued) and whether it is overdue
	 * today.
	 */
	TicketRow withPriority(Integer position, LocalDate today) {
		boolean late = targetDate != null && targetDate.isBefore(today) && status != TicketStatus.COMPLETED;
		return new TicketRow(id, title, client, productArea, position, status, targetDate, late, assignee, submitter,
				createdAt, completedAt);
	}

	static TicketRow of(Ticket ticket, Integer position, LocalDate today) {
		return new TicketRow(ticket.getId(), ticket.getTitle(),
				new Ref(ticket.getClient().getId(), ticket.getClient().getName()),
				new Ref(ticket.getProductArea().getId(), ticket.getProductArea().getName()), position,
				ticket.getStatus(), ticket.getTargetDate(), ticket.isOverdueOn(today), Ref.of(ticket.getAssignee()),
				Ref.of(ticket.getSubmitter()), ticket.getCreatedAt(), ticket.getCompletedAt());
	}

}
