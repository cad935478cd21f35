package io.queuedesk.comment.web;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import io.queuedesk.comment.Comment;
import io.queuedesk.comment.CommentService;
import io.queuedesk.ticket.TicketAccessInfo;
import io.queuedesk.ticket.TicketPageSection;
import io.queuedesk.user.SignedInUser;

/**
 * The comment thread and form on the ticket page, between the workflow buttons and the
 * history.
 */
@Component
@Order(100)
class CommentThreadSection implements TicketPageSection {

	private final CommentService comments;

	CommentThreadSection(CommentService comments) {
		this.comments = comments;
	}

	@Override
	public String fragment() {
		return "comments/thread :: thread";
	}

	@Override
	public void contribute(TicketAccessInfo ticket, SignedInUser viewer, Model model) {
		model.addAttribute("commentThread", new CommentThread(ticket.ticketId(), comments.thread(ticket),
				ticket.canComment(), ticket.canWriteInternal(), ticket.canModerate(), Comment.MAX_BODY));
		// A refused comment comes back as a flash attribute: keep what was typed.
		if (!model.containsAttribute(CommentController.FORM)) {
			model.addAttribute(CommentController.FORM, CommentForm.empty());
		}
	}

}
