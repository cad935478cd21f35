package io.queuedesk.ticket;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

import io.queuedesk.reference.ClientService;
import io.queuedesk.user.SignedInUser;

/** Completed tickets, most recently completed first, searchable by client and text. */
@Controller
class ArchiveController {

	private final TicketQueries queries;

	private final ClientService clients;

	ArchiveController(TicketQueries queries, ClientService clients) {
		this.queries = queries;
		this.clients = clients;
	}

	@GetMapping("/archive")
	String archive(@ModelAttribute("filter") TicketFilter filter, BindingResult ignoredBadValues,
			@AuthenticationPrincipal SignedInUser me, Model model) {
		// Only the client and text filters apply here; status and order are the archive's
		// own.
		filter.setStatus(TicketStatus.COMPLETED);
		filter.setSort(TicketSort.COMPLETED);
		TicketSlice page = queries.list(filter, me);
		model.addAttribute("tickets", page.rows());
		model.addAttribute("page", page);
		model.addAttribute("pages", page.links());
		model.addAttribute("clients", clients.all());
		return "tickets/archive";
	}

}
