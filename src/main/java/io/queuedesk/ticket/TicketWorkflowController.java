package io.queuedesk.ticket;

import java.util.Locale;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.queuedesk.system.Flash;
import io.queuedesk.user.SignedInUser;

/** The workflow button and the assignment form of the ticket page. */
@Controller
@TicketPages
class TicketWorkflowController {

	private final TicketWorkflow workflow;

	private final Flash flash;

	TicketWorkflowController(TicketWorkflow workflow, Flash flash) {
		this.workflow = workflow;
		this.flash = flash;
	}

	/**
	 * {@code to} = the target status; {@code version} = the ticket version the page
	 * showed.
	 */
	@PostMapping("/tickets/{id}/transition")
	String transition(@PathVariable long id, @RequestParam(required = false) String to,
			@RequestParam(required = false) Long version, @AuthenticationPrincipal SignedInUser me,
			RedirectAttributes redirect) {
		TicketStatus target = parseStatus(to);
		try {
			workflow.transition(id, target, version, me);
			flash.success(redirect, "ticket.transitioned", id, flash.text("status." + target));
		}
		catch (TicketActionException ex) {
			flash.error(redirect, ex.code(), labels(ex.args()));
		}
		return "redirect:/tickets/" + id;
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
