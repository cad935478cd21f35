package io.queuedesk.ticket;

import io.queuedesk.user.Role;
import io.queuedesk.user.SignedInUser;

/**
 * Who may see and change a ticket (docs/RULES.md#roles-and-visibility). Services consult
 * it before every action; a ticket a user may not see is answered as not found.
 */
final class TicketAccess {

	private TicketAccess() {
	}

	/**
	 * Admins: all. Developers: own, assigned to them, or unassigned and not completed.
	 * Others: own.
	 */
	static boolean canView(Ticket ticket, SignedInUser user) {
		if (user.hasRole(Role.ADMIN) || isSubmitter(ticket, user)) {
			return true;
		}
		return user.hasRole(Role.DEVELOPER) && (isAssignee(ticket, user)
				|| (ticket.getAssignee() == null && ticket.getStatus() != TicketStatus.COMPLETED));
	}

	/** Edit and withdraw: admins always, the submitter while the ticket is still OPEN. */
	static boolean canEdit(Ticket ticket, SignedInUser user) {
		return user.hasRole(Role.ADMIN) || (isSubmitter(ticket, user) && ticket.getStatus() == TicketStatus.OPEN);
	}

	/**
	 * Workflow steps: reopening is for the submitter and admins; every other step for the
	 * assignee and admins, and a developer may accept an unassigned ticket (picking it
	 * up).
	 */
	static boolean canTransition(Ticket ticket, TicketStatus target, SignedInUser user) {
		return canTransition(ticket.getStatus(), ticket.getSubmitter().getId(),
				ticket.getAssignee() == null ? null : ticket.getAssignee().getId(), target, user);
	}

	/** {@link #canTransition(Ticket, TicketStatus, SignedInUser)} for a list's row. */
	static boolean canTransition(TicketRow row, TicketStatus target, SignedInUser user) {
		return canTransition(row.status(), row.submitter() == null ? null : row.submitter().id(),
				row.assignee() == null ? null : row.assignee().id(), target, user);
	}

	private static boolean canTransition(TicketStatus status, Long submitterId, Long assigneeId, TicketStatus target,
			SignedInUser user) {
		if (user.hasRole(Role.ADMIN)) {
			return true;
		}
		if (status == TicketStatus.COMPLETED && target == TicketStatus.OPEN) {
			return user.getId().equals(submitterId);
		}
		boolean assignee = assigneeId != null && assigneeId.equals(user.getId());
		boolean pickUp = user.hasRole(Role.DEVELOPER) && assigneeId == null && status != TicketStatus.COMPLETED;
		return assignee || pickUp && target == TicketStatus.ACCEPTED;
	}

	/** A developer may take an unassigned ticket that is not completed for themselves. */
	static boolean canPickUp(Ticket ticket, SignedInUser user) {
		return user.hasRole(Role.DEVELOPER) && ticket.getAssignee() == null
				&& ticket.getStatus() != TicketStatus.COMPLETED;
	}

	static boolean canAssign(SignedInUser user) {
		return user.hasRole(Role.ADMIN);
	}

	/**
	 * Comments: admins on any ticket, submitters on their own, developers on those
	 * assigned to them.
	 */
	static boolean canComment(Ticket ticket, SignedInUser user) {
		return user.hasRole(Role.ADMIN) || isSubmitter(ticket, user)
				|| user.hasRole(Role.DEVELOPER) && isAssignee(ticket, user);
	}

	/** Internal notes: admins, and developers on tickets assigned to them. */
	static boolean canWriteInternal(Ticket ticket, SignedInUser user) {
		return user.hasRole(Role.ADMIN) || user.hasRole(Role.DEVELOPER) && isAssignee(ticket, user);
	}

	/**
	 * Internal notes are never shown to submitters: only people who work tickets read
	 * them.
	 */
	static boolean seesInternal(SignedInUser user) {
		return user.hasRole(Role.ADMIN) || user.hasRole(Role.DEVELOPER);
	}

	static boolean canManageQueues(SignedInUser user) {
		return user.hasRole(Role.ADMIN);
	}

	static boolean isSubmitter(Ticket ticket, SignedInUser user) {
		return ticket.getSubmitter().getId().equals(user.getId());
	}

	static boolean isAssignee(Ticket ticket, SignedInUser user) {
		return ticket.getAssignee() != null && ticket.getAssignee().getId().equals(user.getId());
	}

}
