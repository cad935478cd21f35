package io.queuedesk.comment.web;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import io.queuedesk.attachment.AttachmentView;
import io.queuedesk.attachment.Attachments;
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

	private final Attachments attachments;

	CommentThreadSection(CommentService comments, Attachments attachments) {
		this.comments = comments;
		this.attachments = attachments;
	}

	@Override
	public String fragment() {
		return "comments/thread :: thread";
	}

	@Override
	public void contribute(TicketAccessInfo ticket, SignedInUser viewer, Model model) {
		Map<Long, List<CommentThread.FileRow>> files = attachments.ofTicket(ticket.ticketId(), ticket.seesInternal())
			.stream()
			.filter(file -> file.commentId() != null)
			.collect(Collectors.groupingBy(AttachmentView::commentId,
					Collectors.mapping(CommentThread.FileRow::new, Collectors.toList())));
		model.addAttribute("commentThread", new CommentThread(ticket.ticketId(), comments.thread(ticket), files,
				ticket.canComment(), ticket.canWriteInternal(), ticket.canModerate(), Comment.MAX_BODY));
		// A refused comment comes back as a flash attribute: keep what was typed.
		if (!model.containsAttribute(CommentController.FORM)) {
			model.addAttribute(CommentController.FORM, CommentForm.empty());
		}
	}

}
