package io.queuedesk.ticket;

import java.time.LocalDate;

import org.springframework.stereotype.Service;

import io.queuedesk.user.SignedInUser;

/**
 * The ticket write side for other modules that act as a signed-in user without a page:
 * the demo data (module {@code demo}) raises, assigns and moves its tickets through the
 * workflow with these, so it writes exactly what the pages would (queue places, activity
 * entries, status-change comments, notifications). Each call is the same service call and
 * transaction (joined, when one runs) as the page's; {@code me} must be signed in for
 * method security, and the services check what {@code me} may do.
 */
@Service
public class TicketOperations {

	private final TicketService tickets;

	private final TicketWorkflow workflow;

	TicketOperations(TicketService tickets, TicketWorkflow workflow) {
		this.tickets = tickets;
		this.workflow = workflow;
	}

	/**
	 * Raises a ticket through the new-ticket form's rules, at the bottom of the client's
	 * queue; returns its id. {@code targetDate} and {@code assigneeId} may be null (an
	 * assignee is only taken from admins, as on the form).
	 */
	public long raise(String title, String description, long clientId, long productAreaId, LocalDate targetDate,
			Long assigneeId, SignedInUser me) {
		return tickets
			.create(new TicketForm(title, description, clientId, productAreaId, targetDate, assigneeId, false), me)
			.getId();
	}

	/** One workflow step, as the ticket page's buttons take it. */
	public void transition(long id, TicketStatus target, SignedInUser me) {
		workflow.transition(id, target, null, me);
	}

	/** Assigns the ticket ({@code assigneeId} null: unassigns it). */
	public void assign(long id, Long assigneeId, SignedInUser me) {
		workflow.assign(id, assigneeId, me);
	}

}
