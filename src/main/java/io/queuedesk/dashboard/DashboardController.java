package io.queuedesk.dashboard;

import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import io.queuedesk.client.ClientService;
import io.queuedesk.queue.QueueService;
import io.queuedesk.ticket.TicketQueries;
import io.queuedesk.ticket.TicketStatus;

/** The admin home. Reads only; never changes anything. */
@Controller
class DashboardController {

	private final TicketQueries tickets;

	private final ClientService clients;

	private final QueueService queues;

	DashboardController(TicketQueries tickets, ClientService clients, QueueService queues) {
		this.tickets = tickets;
		this.clients = clients;
		this.queues = queues;
	}

	@GetMapping("/admin")
	String dashboard(Model model) {
		Map<TicketStatus, Long> byStatus = tickets.countByStatus();
		model.addAttribute("byStatus", byStatus);
		model.addAttribute("total", byStatus.values().stream().mapToLong(Long::longValue).sum());
		Map<Long, Integer> sizes = queues.sizes();
		model.addAttribute("queues",
				clients.all().stream().map(c -> new QueueSize(c.getId(), c.getName(), sizes.getOrDefault(c.getId(), 0))).toList());
		return "dashboard/index";
	}

	/** One row of the "queued per client" table. */
	record QueueSize(long clientId, String clientName, int queued) {
	}

}
