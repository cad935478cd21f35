package io.queuedesk.ticket;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The workflow (docs/RULES.md#workflow). Each status knows which may follow it, so no
 * caller can invent a transition: {@code OPEN → ACCEPTED → IN_PROGRESS → COMPLETED},
 * {@code ON_HOLD} from ACCEPTED or IN_PROGRESS and back to IN_PROGRESS, and reopen
 * {@code COMPLETED → OPEN}.
 */
public enum TicketStatus {

	OPEN, ACCEPTED, IN_PROGRESS, ON_HOLD, COMPLETED;

	public Set<TicketStatus> next() {
		return switch (this) {
			case OPEN -> EnumSet.of(ACCEPTED);
			case ACCEPTED -> EnumSet.of(IN_PROGRESS, ON_HOLD);
			case IN_PROGRESS -> EnumSet.of(COMPLETED, ON_HOLD);
			case ON_HOLD -> EnumSet.of(IN_PROGRESS);
			case COMPLETED -> EnumSet.of(OPEN);
		};
	}

	public boolean canMoveTo(TicketStatus target) {
		return next().contains(target);
	}

	/** Tickets in every status but COMPLETED hold a place in their client's queue. */
	public boolean isQueued() {
		return this != COMPLETED;
	}

	/**
	 * The statuses that hold a place in the queue (all but COMPLETED), in workflow order.
	 */
	public static List<TicketStatus> queued() {
		return Arrays.stream(values()).filter(TicketStatus::isQueued).toList();
	}

}
