package io.queuedesk.ticket;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.queuedesk.activity.ActivityAction;
import io.queuedesk.reference.Client;
import io.queuedesk.reference.ClientService;
import io.queuedesk.queue.MoveTarget;
import io.queuedesk.queue.QueueService;
import io.queuedesk.system.SignedIn;
import io.queuedesk.user.SignedInUser;

/**
 * The queue page's actions (admins): a ticket moved within its client's queue or
 * transferred to the bottom of another's. Each is one transaction that locks the ticket
 * ({@link TicketLocks}), then its client's queue (the engine, {@link QueueService}), and
 * records the change. The page and the buttons are {@code ticket.queue.QueueController}.
 */
@Service
public class QueueMoves {

	private final TicketLocks locks;

	private final TicketQueue queue;

	private final TicketJournal journal;

	private final ClientService clients;

	QueueMoves(TicketLocks locks, TicketQueue queue, TicketJournal journal, ClientService clients) {
		this.locks = locks;
		this.queue = queue;
		this.journal = journal;
		this.clients = clients;
	}

	/** Moves a queued ticket within its client's queue. */
	@SignedIn
	@Transactional
	public QueueMove move(long id, MoveTarget target, SignedInUser me) {
		Ticket ticket = queueManaged(locks.forChange(id, me), me);
		if (!ticket.getStatus().isQueued()) {
			throw new TicketActionException("ticket.move.notQueued");
		}
		long clientId = ticket.getClient().getId();
		QueueService.Move move = queue.move(clientId, id, target);
		if (move.changed()) {
			journal.record(me, ActivityAction.TICKET_MOVED, ticket, "moved from #" + move.from() + " to #" + move.to());
		}
		return new QueueMove(id, clientId, move);
	}

	/** Moves a queued ticket to the bottom of another client's queue. */
	@SignedIn
	@Transactional
	public QueueMove transfer(long id, Long clientId, SignedInUser me) {
		Ticket ticket = queueManaged(locks.forChange(id, me), me);
		Client target = clients.find(clientId)
			.filter(Client::isActive)
			.orElseThrow(() -> new TicketActionException("ticket.transfer.unknownClient"));
		Client source = ticket.getClient();
		if (source.getId().equals(target.getId())) {
			throw new TicketActionException("ticket.transfer.sameClient", source.getName());
		}
		if (!ticket.getStatus().isQueued()) {
			throw new TicketActionException("ticket.transfer.notQueued");
		}
		QueueService.Move move;
		try {
			move = queue.transfer(source.getId(), target.getId(), id);
		}
		catch (IllegalArgumentException deletedMeanwhile) {
			// The client was deleted between the check above and its queue's lock
			// (QueueConcurrencyTest): refused like an unknown one, not a 500.
			throw new TicketActionException("ticket.transfer.unknownClient");
		}
		journal.record(me, ActivityAction.TICKET_TRANSFERRED, ticket,
				"from " + source.getName() + " #" + move.from() + " to " + target.getName() + " #" + move.to());
		return new QueueMove(id, target.getId(), move);
	}

	/**
	 * Not found for those who may not see the ticket (ids do not leak), forbidden for
	 * other non-admins.
	 */
	private static Ticket queueManaged(Ticket ticket, SignedInUser me) {
		if (!TicketAccess.canManageQueues(me)) {
			throw new AccessDeniedException("Only admins move tickets between and within queues");
		}
		return ticket;
	}

}
