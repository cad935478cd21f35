package io.queuedesk.ticket;

import org.springframework.context.ApplicationContext;

import io.queuedesk.user.SignedInUser;

/**
 * The ticket write side for tests of other modules (mail, comment, queue, system), which
 * drive tickets through the real services and transactions but cannot name them:
 * {@link TicketService}, {@link TicketWorkflow} and {@link TicketForm} are internal to
 * {@code ticket}. Get one with {@code @Autowired void tickets(ApplicationContext context)
 * { tickets = TicketActions.of(context); }}.
 */
public final class TicketActions {

	private final TicketService tickets;

	private final TicketWorkflow workflow;

	private TicketActions(TicketService tickets, TicketWorkflow workflow) {
		this.tickets = tickets;
		this.workflow = workflow;
	}

	/** The actions of the application in {@code context}. */
	public static TicketActions of(ApplicationContext context) {
		return new TicketActions(context.getBean(TicketService.class), context.getBean(TicketWorkflow.class));
	}

	/** Raises a ticket through the new-ticket form (no target date); its id. */
	public long create(String title, String description, long clientId, long productAreaId, Long assigneeId,
			boolean topOfQueue, SignedInUser me) {
		return tickets
			.create(new TicketForm(title, description, clientId, productAreaId, null, assigneeId, topOfQueue), me)
			.getId();
	}

	/** Withdraws the ticket. */
	public void delete(long id, SignedInUser me) {
		tickets.delete(id, me);
	}

	/** One workflow step ({@code version} null: no stale-form check). */
	public void transition(long id, TicketStatus target, Long version, SignedInUser me) {
		workflow.transition(id, target, version, me);
	}

	/** Assigns the ticket ({@code assigneeId} null: unassigns it). */
	public void assign(long id, Long assigneeId, SignedInUser me) {
		workflow.assign(id, assigneeId, me);
	}

}
