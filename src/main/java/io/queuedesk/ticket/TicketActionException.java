package io.queuedesk.ticket;

import io.queuedesk.system.RefusedException;

/**
 * An action on a visible ticket was refused (wrong state, not allowed); nothing changed.
 */
public class TicketActionException extends RefusedException {

	TicketActionException(String code, Object... args) {
		super(code, args);
	}

}
