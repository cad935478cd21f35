package io.queuedesk.ticket;

import io.queuedesk.user.Role;
import io.queuedesk.user.SignedInUser;

/**
 * Who may see and change a ticket (SPEC §1). Services consult it before every action; a ticket
 * a user may not see is answered as not found.
 */
final class TicketAccess {

	private TicketAccess() {
	}

	/** Admins: all. Developers: own, assigned to them, or unassigned and not completed. Others: own. */
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
