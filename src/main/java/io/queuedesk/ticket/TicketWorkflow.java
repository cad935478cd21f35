package io.queuedesk.ticket;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.EntityManager;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.queuedesk.activity.ActivityAction;
import io.queuedesk.system.SignedIn;
import io.queuedesk.ticket.TicketEvents.Person;
import io.queuedesk.user.SignedInUser;
import io.queuedesk.user.User;
import io.queuedesk.user.UserService;

/**
 * Workflow steps and assignment (docs/RULES.md#workflow). Each call is one transaction
 * holding the change, the queue update, the activity entry and the domain event (whose
 * listeners add the system comment and the mail in the same transaction). Each first
 * locks the ticket ({@link TicketLocks}): of two steps sent at the same moment, the
 * second sees the first one's result.
 */
@Service
class TicketWorkflow {

	private final TicketLocks locks;

	private final TicketQueue queue;

	private final TicketJournal journal;

	private final UserService users;

	private final EntityManager entityManager;

	private final Clock clock;

	TicketWorkflow(TicketLocks locks, TicketQueue queue, TicketJournal journal, UserService users,
			EntityManager entityManager, Clock clock) {
		this.locks = locks;
		this.queue = queue;
		this.journal = journal;
		this.users = users;
		this.entityManager = entityManager;
		this.clock = clock;
	}

	/**
	 * Takes one workflow step. A form showing an older version of the ticket, a step the
	 * workflow does not allow from the current status, or a step this user may not take
	 * is refused with a message and changes nothing.
	 */
	@SignedIn
	@Transactional
	public void transition(long id, TicketStatus target, Long version, SignedInUser me) {
		Ticket ticket = locks.forChange(id, me);
		if (version != null && version != ticket.getVersion()) {
			throw new TicketActionException("ticket.transition.stale");
		}
		TicketStatus from = ticket.getStatus();
		if (target == null || !from.canMoveTo(target)) {
			throw new TicketActionException("ticket.transition.invalid", from, target);
		}
		if (!TicketAccess.canTransition(ticket, target, me)) {
			throw new AccessDeniedException("Not allowed to move ticket " + id + " to " + target);
		}
		Instant now = Instant.now(clock);
		if (target == TicketStatus.ACCEPTED && ticket.getAssignee() == null && TicketAccess.canPickUp(ticket, me)) {
			changeAssignee(ticket, entityManager.getReference(User.class, me.getId()), me, now);
		}
		long clientId = ticket.getClient().getId();
		if (target == TicketStatus.COMPLETED) {
			queue.leave(clientId, id);
		}
		else if (from == TicketStatus.COMPLETED) {
			queue.enter(clientId, id, false);
		}
		ticket.moveTo(target, now);
		statusChanged(ticket, from, me);
	}

	/**
	 * Assigns the ticket: admins to anyone who works tickets (or to nobody); a developer
	 * only an unassigned ticket to themselves. A reassigned ticket that is not completed
	 * starts over at OPEN, for the new assignee to accept.
	 */
	@SignedIn
	@Transactional
	public void assign(long id, Long assigneeId, SignedInUser me) {
		Ticket ticket = locks.forChange(id, me);
		User assignee;
		if (TicketAccess.canAssign(me)) {
			assignee = assigneeId == null ? null : users.findAssignable(assigneeId)
				.orElseThrow(() -> new TicketActionException("ticket.assign.unknown"));
		}
		else if (me.getId().equals(assigneeId) && TicketAccess.canPickUp(ticket, me)) {
			assignee = entityManager.getReference(User.class, me.getId());
		}
		else {
			throw new AccessDeniedException("Not allowed to assign ticket " + id);
		}
		Long current = ticket.getAssignee() == null ? null : ticket.getAssignee().getId();
		if (Objects.equals(current, assigneeId)) {
			throw new TicketActionException("ticket.assign.unchanged");
		}
		Instant now = Instant.now(clock);
		changeAssignee(ticket, assignee, me, now);
		TicketStatus from = ticket.getStatus();
		ticket.restartForNewAssignee(now);
		if (from != ticket.getStatus()) {
			statusChanged(ticket, from, me);
		}
	}

	private void changeAssignee(Ticket ticket, User assignee, SignedInUser me, Instant now) {
		Person from = TicketJournal.person(ticket.getAssignee());
		ticket.assignTo(assignee, now);
		Person to = TicketJournal.person(assignee);
		String details = "assignee: " + name(from) + " → " + name(to);
		if (to == null) {
			journal.record(me, ActivityAction.TICKET_ASSIGNED, ticket, details);
		}
		else {
			journal.record(me, ActivityAction.TICKET_ASSIGNED, ticket, details, new TicketEvents.TicketAssigned(
					ticket.getId(), ticket.getTitle(), from, to, TicketJournal.actor(me)));
		}
	}

	private void statusChanged(Ticket ticket, TicketStatus from, SignedInUser me) {
		journal.record(me, ActivityAction.STATUS_CHANGED, ticket, "status: " + from + " → " + ticket.getStatus(),
				new TicketEvents.TicketStatusChanged(ticket.getId(), ticket.getTitle(), from, ticket.getStatus(),
						TicketJournal.person(ticket.getSubmitter()), TicketJournal.person(ticket.getAssignee()),
						TicketJournal.actor(me)));
	}

	private static String name(Person person) {
		return person == null ? "—" : person.displayName();
	}

}
