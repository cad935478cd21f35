package io.queuedesk.ticket;

import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

import io.queuedesk.queue.MoveTarget;
import io.queuedesk.queue.QueueChangedException;
import io.queuedesk.queue.QueueService;

/**
 * A ticket's place in its client's queue, as the ticket write paths change it: the queue
 * engine's calls, with a change that lost a race with another one
 * ({@link QueueChangedException}: the ticket is no longer where the caller saw it)
 * refused in one way, as "changed meanwhile". Callers hold the ticket's row lock
 * ({@link TicketLocks}) before the engine takes the client's.
 */
@Component
class TicketQueue {

	private final QueueService queues;

	TicketQueue(QueueService queues) {
		this.queues = queues;
	}

	/** At the bottom of the client's queue, or at the top; answers the position. */
	int enter(long clientId, long ticketId, boolean top) {
		return translated(() -> queues.enter(clientId, ticketId, top));
	}

	/** Out of the queue; answers the old position, empty when it was not queued. */
	Optional<Integer> leave(long clientId, long ticketId) {
		return translated(() -> queues.leave(clientId, ticketId));
	}

	QueueService.Move move(long clientId, long ticketId, MoveTarget target) {
		return translated(() -> queues.move(clientId, ticketId, target));
	}

	QueueService.Move transfer(long fromClientId, long toClientId, long ticketId) {
		return translated(() -> queues.transfer(fromClientId, toClientId, ticketId));
	}

	private static <T> T translated(Supplier<T> queueChange) {
		try {
			return queueChange.get();
		}
		catch (QueueChangedException ex) {
			throw new TicketActionException("ticket.changedMeanwhile");
		}
	}

}
