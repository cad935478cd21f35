package io.queuedesk.ticket;

import org.springframework.data.domain.Sort;

/** Orders of the ticket list; every one ends on the id so pages never overlap. */
public enum TicketSort {

	/** Queue order: by client, then rank (the default). */
	PRIORITY(Sort.by(Sort.Order.asc("client.name"), Sort.Order.asc("priority").nullsLast(), Sort.Order.asc("id"))),
	TARGET_DATE(Sort.by(Sort.Order.asc("targetDate").nullsLast(), Sort.Order.asc("id"))),
	CREATED(Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"))),
	/** The archive's order: most recently completed first. */
	COMPLETED(Sort.by(Sort.Order.desc("completedAt").nullsLast(), Sort.Order.desc("id")));

	private final Sort sort;

	TicketSort(Sort sort) {
		this.sort = sort;
	}

	Sort sort() {
		return sort;
	}

}
