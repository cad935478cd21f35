package io.queuedesk.ticket;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.queuedesk.queue.QueueService;
import io.queuedesk.user.Role;
import io.queuedesk.user.SignedInUser;

/**
 * Home of developers and submitters. Developers: their open tickets grouped by client in
 * queue order, and unassigned tickets to pick up. Everyone: the tickets they raised, with
 * status, assignee and place in the queue.
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

	/**
	 * Each section is paged on its own, by cursor, with its own parameters: "assigned to
	 * me" ({@code assignedAfter}, …), "ready to pick up" ({@code pickAfter}, …) and
	 * "raised by me" ({@code after}, {@code before}, {@code page}, as before). Each is
	 * one index range from its cursor with a capped count (see TicketListing and
	 * TicketQueries#raisedBy).
	 */
	@GetMapping("/my/tickets")
	String myTickets(@AuthenticationPrincipal SignedInUser me, @RequestParam(defaultValue = "0") int page,
			@RequestParam(required = false) String after, @RequestParam(required = false) String before,
			@RequestParam(defaultValue = "0") int assignedPage, @RequestParam(required = false) String assignedAfter,
			@RequestParam(required = false) String assignedBefore, @RequestParam(defaultValue = "0") int pickPage,
			@RequestParam(required = false) String pickAfter, @RequestParam(required = false) String pickBefore,
			Model model) {
		boolean staff = me.hasRole(Role.DEVELOPER) || me.hasRole(Role.ADMIN);
		if (staff) {
			TicketSlice assigned = queries.assignedTo(me, SECTION_SIZE, assignedAfter, assignedBefore, assignedPage);
			model.addAttribute("assignedByClient", byClient(assigned.rows()));
			model.addAttribute("assignedTotal", assigned.shownTotal());
			model.addAttribute("assignedCapped", assigned.capped());
			model.addAttribute("assignedPages", assigned.links("assigned"));
		}
		if (me.hasRole(Role.DEVELOPER)) {
			TicketSlice pickable = queries.unassigned(me, SECTION_SIZE, pickAfter, pickBefore, pickPage);
			model.addAttribute("pickable", pickable.rows());
			model.addAttribute("pickablePages", pickable.links("pick"));
		}
		TicketSlice raised = queries.raisedBy(me, after, before, page, SECTION_SIZE);
		model.addAttribute("raised", raised.rows());
		model.addAttribute("raisedPages", raised.links());
		model.addAttribute("queueSizes", queues.sizes());
		model.addAttribute("staff", staff);
		model.addAttribute("developer", me.hasRole(Role.DEVELOPER));
		return "tickets/my";
	}

	/**
	 * Rows arrive ordered by client name, then rank; keep that order per client heading.
	 */
	private static Map<String, List<TicketRow>> byClient(List<TicketRow> rows) {
		Map<String, List<TicketRow>> groups = new LinkedHashMap<>();
		for (TicketRow row : rows) {
			groups.computeIfAbsent(row.client().name(), name -> new ArrayList<>()).add(row);
		}
		return groups;
	}

}
