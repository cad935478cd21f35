package io.queuedesk.ticket;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import io.queuedesk.user.SignedInUser;

/** Home of developers and submitters: the tickets they work on or raised. */
@Controller
class MyTicketsController {

	private final TicketQueries queries;

	private final Clock clock;

	MyTicketsController(TicketQueries queries, Clock clock) {
		this.queries = queries;
		this.clock = clock;
	}

	@GetMapping("/my/tickets")
	String myTickets(@AuthenticationPrincipal SignedInUser me, Model model) {
		model.addAttribute("tickets", queries.involving(me.getId()));
		model.addAttribute("today", LocalDate.now(clock));
		return "tickets/my";
	}

}
