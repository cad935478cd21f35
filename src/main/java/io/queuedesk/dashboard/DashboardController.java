package io.queuedesk.dashboard;

import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import io.queuedesk.ticket.TicketQueries;
import io.queuedesk.ticket.TicketStatus;

/** The admin home. Reads only; never changes anything. */
@Controller
class DashboardController {

	private final TicketQueries tickets;

	DashboardController(TicketQueries tickets) {
		this.tickets = tickets;
	}

	@GetMapping("/admin")
	String dashboard(Model model) {
		Map<TicketStatus, Long> byStatus = tickets.countByStatus();
		model.addAttribute("byStatus", byStatus);
		model.addAttribute("total", byStatus.values().stream().mapToLong(Long::longValue).sum());
		return "dashboard/index";
	}

}
