package io.queuedesk.ticket.queue;

import java.util.Map;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.data.domain.Page;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.queuedesk.reference.Client;
import io.queuedesk.reference.ClientService;
import io.queuedesk.queue.MoveTarget;
import io.queuedesk.system.Flash;
import io.queuedesk.system.NotFoundException;
import io.queuedesk.system.PageLinks;
import io.queuedesk.ticket.QueueMove;
import io.queuedesk.ticket.QueueMoves;
import io.queuedesk.ticket.ReturnTo;
import io.queuedesk.ticket.TicketActionException;
import io.queuedesk.ticket.TicketBoard;
import io.queuedesk.ticket.TicketPages;
import io.queuedesk.ticket.TicketQueries;
import io.queuedesk.ticket.TicketRow;
import io.queuedesk.user.SignedInUser;

/**
 * The queue feature's pages: an admin's view of one client's queue (template
 * {@code queues/queue}) and the move and transfer buttons, here and on the ticket page.
 * The changes are {@link QueueMoves}; the engine that keeps the positions is the
 * {@code queue} module. It lives inside the ticket module, which uses the queue engine: a
 * page in {@code queue} would make the two modules depend on each other. Public for the
 * slice tests in the ticket package ({@code QueueControllerTest},
 * {@code TicketRaceAnswersTest}); Spring Modulith treats the sub-package as internal to
 * the ticket module.
 */
@Controller
@TicketPages
public class QueueController {

	static final int QUEUE_PAGE_SIZE = ReturnTo.QUEUE_PAGE_SIZE;

	private final QueueMoves moves;

	private final TicketQueries queries;

	private final ClientService clients;

	private final Flash flash;

	QueueController(QueueMoves moves, TicketQueries queries, ClientService clients, Flash flash) {
		this.moves = moves;
		this.queries = queries;
		this.clients = clients;
		this.flash = flash;
	}

	/**
	 * The client switcher's plain GET form ({@code client}=id) lands on that client's
	 * queue.
	 */
	@GetMapping("/queues")
	String chooseQueue(@RequestParam(required = false) Long client) {
		return client == null ? "redirect:/admin/clients" : "redirect:/queues/" + client;
	}

	@GetMapping("/queues/{clientId}")
	String queue(@PathVariable long clientId, @RequestParam(defaultValue = "0") int page, Model model) {
		Client client = clients.find(clientId).orElseThrow(() -> new NotFoundException("Client", clientId));
		Page<TicketRow> queue = queries.queue(clientId, page, QUEUE_PAGE_SIZE);
		model.addAttribute("client", client);
		model.addAttribute("clients", clients.active());
		model.addAttribute("tickets", queue.getContent());
		model.addAttribute("queueSize", queue.getTotalElements());
		model.addAttribute("pages", PageLinks.of(queue));
		return "queues/queue";
	}

	/**
	 * The queue as a board (docs/RULES.md#the-board): the same page of the queue as the
	 * list's, its tickets in one column per status, each column in queue order. Read in
	 * the list's statements (the page's first rank from the segments, the page from the
	 * queue's index, the queue's size): no statement per card or column.
	 */
	@GetMapping("/queues/{clientId}/board")
	String board(@PathVariable long clientId, @RequestParam(defaultValue = "0") int page,
			@AuthenticationPrincipal SignedInUser me, Model model) {
		Client client = clients.find(clientId).orElseThrow(() -> new NotFoundException("Client", clientId));
		Page<TicketRow> queue = queries.queue(clientId, page, QUEUE_PAGE_SIZE);
		model.addAttribute("client", client);
		model.addAttribute("board", TicketBoard.of(queue.getContent(), me));
		model.addAttribute("queueSize", queue.getTotalElements());
		model.addAttribute("listPage", queue.getNumber());
		model.addAttribute("pages", PageLinks.of(queue));
		return "queues/board";
	}

	/** {@code to}=top/up/down/bottom, or {@code position}=k. */
	@PostMapping("/tickets/{id}/move")
	String move(@PathVariable long id, @RequestParam(required = false) String to,
			@RequestParam(required = false) String position, @RequestParam(required = false) String returnTo,
			@AuthenticationPrincipal SignedInUser me, RedirectAttributes redirect) {
		MoveTarget target;
		try {
			// One form holds both: a pressed top/up/down/bottom button sends "to" along
			// with the
			// position field, and wins; the "Move" button and drag-and-drop send the
			// position only.
			target = to != null && !to.isBlank() ? MoveTarget.parse(to)
					: new MoveTarget.Position(parsePosition(position));
		}
		catch (IllegalArgumentException ex) {
			flash.error(redirect, "ticket.move.badTarget");
			return back(id, returnTo, queries.clientOf(id, me), null);
		}
		QueueMove move;
		try {
			move = moves.move(id, target, me);
		}
		catch (TicketActionException ex) {
			flash.error(redirect, ex);
			return back(id, returnTo, queries.clientOf(id, me), null);
		}
		if (move.changed()) {
			flash.success(redirect, "ticket.moved", id, move.from(), move.to());
		}
		else {
			flash.success(redirect, "ticket.notMoved", id, move.from());
		}
		return back(id, returnTo, move.clientId(), move.to());
	}

	/**
	 * The same move for the board's drag and drop ({@code fetch} with
	 * {@code Accept: application/json}): 200 {@code {"message", "from", "to"}}, or 409
	 * {@code {"message"}} when refused (a malformed target, or the ticket left the queue
	 * meanwhile); 404 and 403 as for the form.
	 */
	@PostMapping(path = "/tickets/{id}/move", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	ResponseEntity<Map<String, Object>> moveJson(@PathVariable long id, @RequestParam(required = false) String to,
			@RequestParam(required = false) String position, @AuthenticationPrincipal SignedInUser me) {
		MoveTarget target;
		try {
			target = to != null && !to.isBlank() ? MoveTarget.parse(to)
					: new MoveTarget.Position(parsePosition(position));
		}
		catch (IllegalArgumentException ex) {
			return refused(flash.text("ticket.move.badTarget"));
		}
		try {
			QueueMove move = moves.move(id, target, me);
			String message = move.changed() ? flash.text("ticket.moved", id, move.from(), move.to())
					: flash.text("ticket.notMoved", id, move.from());
			return ResponseEntity.ok(Map.of("message", message, "from", move.from(), "to", move.to()));
		}
		catch (TicketActionException ex) {
			return refused(flash.text(ex.code(), ex.args()));
		}
		catch (ConcurrencyFailureException ex) {
			return refused(flash.text("ticket.changedByOthers"));
		}
	}

	private static ResponseEntity<Map<String, Object>> refused(String message) {
		return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("message", message));
	}

	@PostMapping("/tickets/{id}/transfer")
	String transfer(@PathVariable long id, @RequestParam(required = false) Long clientId,
			@AuthenticationPrincipal SignedInUser me, RedirectAttributes redirect) {
		try {
			QueueMove move = moves.transfer(id, clientId, me);
			flash.success(redirect, "ticket.transferred", id, move.to());
		}
		catch (TicketActionException ex) {
			flash.error(redirect, ex);
		}
		return "redirect:/tickets/" + id;
	}

	private static int parsePosition(String position) {
		if (position == null || position.isBlank()) {
			throw new IllegalArgumentException("no move target");
		}
		int value = Integer.parseInt(position.strip());
		if (value < 1) {
			throw new IllegalArgumentException("position must be positive");
		}
		return value;
	}

	/**
	 * Back to where the admin pressed the button: the queue page or board that now holds
	 * the ticket (scrolled to it), or the ticket.
	 */
	private static String back(long id, String returnTo, Long clientId, Integer position) {
		return ReturnTo.redirect(id, returnTo, clientId == null ? null : new ReturnTo.Place(clientId, position));
	}

}
