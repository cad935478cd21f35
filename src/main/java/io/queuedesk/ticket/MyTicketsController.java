package io.queuedesk.ticket;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.data.domain.Page;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.queuedesk.queue.QueueService;
import io.queuedesk.system.PageLinks;
import io.queuedesk.user.Role;
import io.queuedesk.user.SignedInUser;

/**
 * Home of developers and submitters. Developers: their open tickets grouped by client in queue
 * order, and unassigned tickets to pick up. Everyone: the tickets they raised, with status,
 * assignee and place in the queue.
 */
@Controller
class MyTicketsController {

	static final int SECTION_SIZE = 50;

	private final TicketQueries queries;

	private final QueueService queues;

	MyTicketsController(TicketQueries queries, QueueService queues) {
		this.queries = queries;
		this.queues = queues;
	}

	@GetMapping("/my/tickets")
	String myTickets(@AuthenticationPrincipal SignedInUser me, @RequestParam(defaultValue = "0") int page, Model model) {
		boolean staff = me.hasRole(Role.DEVELOPER) || me.hasRole(Role.ADMIN);
		if (staff) {
			TicketSlice assigned = queries.assignedTo(me, SECTION_SIZE);
			model.addAttribute("assignedByClient", byClient(assigned.rows()));
			model.addAttribute("assignedTotal", assigned.shownTotal());
			model.addAttribute("assignedCapped", assigned.capped());
		}
		if (me.hasRole(Role.DEVELOPER)) {
			TicketFilter pickable = new TicketFilter();
			pickable.setAssignee("none");
			pickable.setSize(SECTION_SIZE);
			model.addAttribute("pickable", queries.list(pickable, me).rows());
		}
		Page<TicketRow> raised = queries.raisedBy(me, page, SECTION_SIZE);
		model.addAttribute("raised", raised.getContent());
		model.addAttribute("raisedPages", PageLinks.of(raised));
		model.addAttribute("queueSizes", queues.sizes());
		model.addAttribute("staff", staff);
		model.addAttribute("developer", me.hasRole(Role.DEVELOPER));
		return "tickets/my";
	}

	/** Rows arrive ordered by client name, then rank; keep that order per client heading. */
	private static Map<String, List<TicketRow>> byClient(List<TicketRow> rows) {
		Map<String, List<TicketRow>> groups = new LinkedHashMap<>();
		for (TicketRow row : rows) {
			groups.computeIfAbsent(row.client().name(), name -> new java.util.ArrayList<>()).add(row);
		}
		return groups;
	}

}
