package io.queuedesk.ticket;

import java.util.ArrayList;
import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

import io.queuedesk.system.Flash;
import io.queuedesk.user.SignedInUser;

/**
 * The ticket list. A plain GET form filters it; with JavaScript the client filter
 * refreshes the table live from /api/tickets. A malformed filter value is reported and
 * ignored, never a 500.
 */
@Controller
class TicketListController {

	private final TicketQueries queries;

	private final TicketFormOptions options;

	private final Flash flash;

	TicketListController(TicketQueries queries, TicketFormOptions options, Flash flash) {
		this.queries = queries;
		this.options = options;
		this.flash = flash;
	}

	@GetMapping("/tickets")
	String list(@ModelAttribute("filter") TicketFilter filter, BindingResult result,
			@AuthenticationPrincipal SignedInUser me, Model model) {
		TicketSlice page = queries.list(filter, me);
		model.addAttribute("tickets", page.rows());
		model.addAttribute("page", page);
		model.addAttribute("pages", page.links());
		model.addAttribute("statuses", TicketStatus.values());
		model.addAttribute("sorts", TicketSort.values());
		model.addAttribute("filterProblems", problems(filter, result, page));
		options.forFilter(model, me);
		return "tickets/list";
	}

	/**
	 * Filter values that were not valid (and were ignored), and pages that cannot be
	 * shown.
	 */
	private List<String> problems(TicketFilter filter, BindingResult result, TicketSlice page) {
		List<String> problems = new ArrayList<>(result.getFieldErrors().stream().map(flash::text).toList());
		if (filter.hasBadCursor()) {
			problems.add(flash.text("tickets.list.badCursor"));
		}
		if (page.tooDeep()) {
			problems.add(flash.text("tickets.list.tooDeep", TicketListing.MAX_OFFSET));
		}
		return problems;
	}

}
