package io.queuedesk.ticket;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.queuedesk.system.AdminOnly;
import io.queuedesk.system.SignedIn;

/** Read-only views of tickets for home pages and the dashboard. */
@Service
@Transactional(readOnly = true)
public class TicketQueries {

	private final TicketRepository tickets;

	TicketQueries(TicketRepository tickets) {
		this.tickets = tickets;
	}

	/** Tickets the user raised or is assigned to, with client and product area loaded. */
	@SignedIn
	public List<Ticket> involving(Long userId) {
		return tickets.findInvolving(userId);
	}

	/** Ticket counts for every status, zero included, in workflow order. */
	@AdminOnly
	public Map<TicketStatus, Long> countByStatus() {
		Map<TicketStatus, Long> counts = new EnumMap<>(TicketStatus.class);
		for (TicketStatus status : TicketStatus.values()) {
			counts.put(status, 0L);
		}
		for (Object[] row : tickets.countByStatus()) {
			counts.put((TicketStatus) row[0], (Long) row[1]);
		}
		return counts;
	}

}
