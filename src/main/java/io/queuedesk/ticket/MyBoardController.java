package io.queuedesk.ticket;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.queuedesk.user.SignedInUser;

/**
 * A developer's board (docs/RULES.md#the-board): their queued tickets across clients, one
 * column per status, with the workflow steps as buttons (and drag and drop). Ranks are
 * per client, so this board does not reorder: moves are the admin's, on a queue's board.
 */
@Controller
class MyBoardController {

	static final int BOARD_SIZE = 50;

	private final TicketQueries queries;

	MyBoardController(TicketQueries queries) {
		this.queries = queries;
	}

	/**
	 * One page of "Assigned to me" (the same query, by client name and rank, from a
	 * cursor), sorted into the columns.
	 */
	@GetMapping("/my/board")
	String myBoard(@AuthenticationPrincipal SignedInUser me, @RequestParam(defaultValue = "0") int page,
			@RequestParam(required = false) String after, @RequestParam(required = false) String before, Model model) {
		TicketSlice assigned = queries.myBoard(me, BOARD_SIZE, after, before, page);
		model.addAttribute("board", TicketBoard.of(assigned.rows(), me));
		model.addAttribute("assignedTotal", assigned.shownTotal());
		model.addAttribute("assignedCapped", assigned.capped());
		model.addAttribute("pages", assigned.links());
		return "tickets/my-board";
	}

}
