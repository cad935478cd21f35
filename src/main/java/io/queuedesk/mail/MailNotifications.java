package io.queuedesk.mail;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.queuedesk.comment.CommentEvents;
import io.queuedesk.ticket.TicketEvents;
import io.queuedesk.ticket.TicketEvents.Person;
import io.queuedesk.ticket.TicketStatus;
import io.queuedesk.user.UserService;

/**
 * Ticket notifications (docs/RULES.md#email), written to the outbox inside the
 * transaction of the change: ticket assigned (to the assignee), status changed (to the
 * submitter), a new public comment (to the other side). Internal notes are never mailed;
 * nobody is mailed about their own action, and inactive users are not mailed at all.
 */
@Component
class MailNotifications {

	private final MailOutbox outbox;

	private final MailRenderer renderer;

	private final UserService users;

	MailNotifications(MailOutbox outbox, MailRenderer renderer, UserService users) {
		this.outbox = outbox;
		this.renderer = renderer;
		this.users = users;
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void assigned(TicketEvents.TicketAssigned event) {
		if (event.to() == null) {
			return;
		}
		String id = String.valueOf(event.ticketId());
		send(event.to().id(), event.actor(), event.ticketId(), event.title(),
				renderer.message("mail.assigned.subject", id, event.title()),
				renderer.message("mail.assigned.heading", event.actor().displayName(), id), null);
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void statusChanged(TicketEvents.TicketStatusChanged event) {
		if (event.submitter() == null) {
			return;
		}
		String id = String.valueOf(event.ticketId());
		String to = label(event.to());
		send(event.submitter().id(), event.actor(), event.ticketId(), event.title(),
				renderer.message("mail.status.subject", id, to, event.title()),
				renderer.message("mail.status.heading", event.actor().displayName(), id, label(event.from()), to),
				null);
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void commentAdded(CommentEvents.CommentAdded event) {
		if (event.internal()) {
			return; // internal notes are never mailed, so they can never reach a
					// submitter
		}
		Long recipient = otherSide(event.author(), event.submitterId(), event.assigneeId());
		if (recipient == null) {
			return;
		}
		String id = String.valueOf(event.ticketId());
		send(recipient, event.author(), event.ticketId(), event.ticketTitle(),
				renderer.message("mail.comment.subject", id, event.ticketTitle()),
				renderer.message("mail.comment.heading", event.author().displayName(), id),
				event.body().isEmpty() ? null : event.body(), event.files());
	}

	/**
	 * Files added to the ticket itself: to the other side, like a comment. The mail says
	 * how many and links the ticket; it never carries a file.
	 */
	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void filesAdded(TicketEvents.FilesAdded event) {
		Long recipient = otherSide(event.actor(), event.submitterId(), event.assigneeId());
		if (recipient == null) {
			return;
		}
		String id = String.valueOf(event.ticketId());
		send(recipient, event.actor(), event.ticketId(), event.title(),
				renderer.message("mail.files.subject", id, event.title()),
				renderer.message("mail.files.heading", event.actor().displayName(), id), null, event.count());
	}

	/**
	 * The submitter hears from whoever works the ticket, the assignee from the submitter;
	 * null when that is nobody.
	 */
	private static Long otherSide(Person actor, long submitterId, Long assigneeId) {
		return actor.id() == submitterId ? assigneeId : Long.valueOf(submitterId);
	}

	private void send(long recipientId, Person actor, long ticketId, String title, String subject, String heading,
			String quote) {
		send(recipientId, actor, ticketId, title, subject, heading, quote, 0);
	}

	private void send(long recipientId, Person actor, long ticketId, String title, String subject, String heading,
			String quote, int files) {
		if (actor != null && actor.id() == recipientId) {
			return; // never mail a user about their own action
		}
		Optional<String> email = users.activeEmailOf(recipientId);
		if (email.isEmpty()) {
			return;
		}
		Map<String, Object> model = new HashMap<>();
		model.put("heading", heading);
		model.put("ticketId", String.valueOf(ticketId));
		model.put("title", title);
		model.put("quote", quote);
		model.put("files", files == 0 ? null : renderer.message("mail.files.count", files));
		model.put("link", renderer.ticketLink(ticketId));
		MailRenderer.Rendered mail = renderer.render("ticket-notification", model);
		outbox.enqueue(ticketId, email.get(), subject, mail.text(), mail.html());
	}

	private String label(TicketStatus status) {
		return renderer.message("status." + status.name());
	}

}
