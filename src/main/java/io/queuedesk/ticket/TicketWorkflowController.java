package io.queuedesk.ticket;

import java.util.Locale;
import java.util.Map;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.queuedesk.system.Flash;
import io.queuedesk.user.SignedInUser;

/** The workflow button and the assignment form of the ticket page. */
@Controller
@TicketPages
class TicketWorkflowController {

	private final TicketWorkflow workflow;

	private final TicketQueries queries;

	private final Flash flash;

	TicketWorkflowController(TicketWorkflow workflow, TicketQueries queries, Flash flash) {
		this.workflow = workflow;
		this.queries = queries;
		this.flash = flash;
	}

	/**
	 * {@code to} = the target status; {@code version} = the ticket version the page
	 * showed; {@code returnTo} = the page to go back to ({@link ReturnTo}; the ticket's
	 * page by default).
	 */
	@PostMapping("/tickets/{id}/transition")
	String transition(@PathVariable long id, @RequestParam(required = false) String to,
			@RequestParam(required = false) Long version, @RequestParam(required = false) String returnTo,
			@AuthenticationPrincipal SignedInUser me, RedirectAttributes redirect) {
		TicketStatus target = parseStatus(to);
		// Read before the step: a completed ticket leaves the queue, but the board page
		// it
		// was on is still where the admin was.
		ReturnTo.Place place = ReturnTo.needsPlace(returnTo) ? queries.placeOf(id, me) : null;
		try {
			workflow.transition(id, target, version, me);
			flash.success(redirect, "ticket.transitioned", id, flash.text("status." + target));
		}
		catch (TicketActionException ex) {
			flash.error(redirect, ex.code(), labels(ex.args()));
		}
		return ReturnTo.redirect(id, returnTo, place);
	}

	/**
	 * The same step for the board's drag and drop ({@code fetch} with
	 * {@code Accept: application/json}): no flash and no redirect, but 200
	 * {@code {"message", "status"}}, or 409 {@code {"message"}} when refused (the
	 * workflow does not allow it from the ticket's current status, or someone changed the
	 * ticket meanwhile). A ticket the user may not see is 404, a step they may not take
	 * 403, as for the form.
	 */
	@PostMapping(path = "/tickets/{id}/transition", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	ResponseEntity<Map<String, Object>> transitionJson(@PathVariable long id, @RequestParam(required = false) String to,
			@RequestParam(required = false) Long version, @AuthenticationPrincipal SignedInUser me) {
		TicketStatus target = parseStatus(to);
		try {
			workflow.transition(id, target, version, me);
			return ResponseEntity.ok(Map.of("message",
					flash.text("ticket.transitioned", id, flash.text("status." + target)), "status", target.name()));
		}
		catch (TicketActionException ex) {
			return refused(flash.text(ex.code(), labels(ex.args())));
		}
		catch (ConcurrencyFailureException ex) {
			return refused(flash.text("ticket.changedByOthers"));
		}
	}

	static ResponseEntity<Map<String, Object>> refused(String message) {
		return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("message", message));
	}

	/** {@code assigneeId} = a user id, or empty to unassign (admins). */
	@PostMapping("/tickets/{id}/assign")
	String assign(@PathVariable long id, @RequestParam(required = false) String assigneeId,
			@AuthenticationPrincipal SignedInUser me, RedirectAttributes redirect) {
		try {
			Long assignee = assigneeId == null || assigneeId.isBlank() ? null : Long.valueOf(assigneeId.strip());
			workflow.assign(id, assignee, me);
			flash.success(redirect, assignee == null ? "ticket.unassigned.done" : "ticket.assigned", id);
		}
		catch (NumberFormatException ex) {
			flash.error(redirect, "ticket.assign.unknown");
		}
		catch (TicketActionException ex) {
			flash.error(redirect, ex);
		}
		return "redirect:/tickets/" + id;
	}

	private static TicketStatus parseStatus(String to) {
		try {
			return to == null ? null : TicketStatus.valueOf(to.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/** Statuses in a refusal message read as their labels ("from Open to Completed"). */
	private Object[] labels(Object[] args) {
		Object[] labels = args.clone();
		for (int i = 0; i < labels.length; i++) {
			labels[i] = labels[i] instanceof TicketStatus status ? flash.text("status." + status)
					: labels[i] == null ? "—" : labels[i];
		}
		return labels;
	}

}
