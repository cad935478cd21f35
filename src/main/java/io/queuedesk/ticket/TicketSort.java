package io.queuedesk.ticket;

/**
 * Orders of the ticket list the user can choose; {@link ListOrder} says how each one
 * runs.
 */
enum TicketSort {

	/** Queue order: by client, then rank (the default). */
	PRIORITY,
	/** Target date, tickets without one last. */
	TARGET_DATE,
	/** Newest first. */
	CREATED,
	/** The archive's order: most recently completed first. */
	COMPLETED

}
