package io.queuedesk.mail;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.event.EventListener;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.queuedesk.comment.CommentEvents;
import io.queuedesk.ticket.TicketEvents;
import io.queuedesk.ticket.TicketEvents.Person;
import io.queuedesk.ticket.TicketStatus;
import io.queuedesk.system.Languages;
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
				text("mail.assigned.subject", id, event.title()),
				text("mail.assigned.heading", event.actor().displayName(), id), null, 0);
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void statusChanged(TicketEvents.TicketStatusChanged event) {
		if (event.submitter() == null) {
			return;
		}
		String id = String.valueOf(event.ticketId());
		MessageSourceResolvable to = label(event.to());
		send(event.submitter().id(), event.actor(), event.ticketId(), event.title(),
				text("mail.status.subject", id, to, event.title()),
				text("mail.status.heading", event.actor().displayName(), id, label(event.from()), to), null, 0);
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
				text("mail.comment.subject", id, event.ticketTitle()),
				text("mail.comment.heading", event.author().displayName(), id),
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
		send(recipient, event.actor(), event.ticketId(), event.title(), text("mail.files.subject", id, event.title()),
				text("mail.files.heading", event.actor().displayName(), id), null, event.count());
	}

	/**
	 * The submitter hears from whoever works the ticket, the assignee from the submitter;
	 * null when that is nobody.
	 */
	private static Long otherSide(Person actor, long submitterId, Long assigneeId) {
		return actor.id() == submitterId ? assigneeId : Long.valueOf(submitterId);
	}

	/**
	 * A text still to be written in the recipient's language; an argument that is itself
	 * a message (a status) is resolved in that language too.
	 */
	private static MessageSourceResolvable text(String code, Object... args) {
		return new DefaultMessageSourceResolvable(new String[] { code }, args);
	}

	private void send(long recipientId, Person actor, long ticketId, String title, MessageSourceResolvable subject,
			MessageSourceResolvable heading, String quote, int files) {
		if (actor != null && actor.id() == recipientId) {
			return; // never mail a user about their own action
		}
		Optional<UserService.MailRecipient> recipient = users.activeRecipient(recipientId);
		if (recipient.isEmpty()) {
			return;
		}
		Locale locale = Languages.of(recipient.get().language());
		Map<String, Object> model = new HashMap<>();
		model.put("heading", renderer.message(locale, heading));
		model.put("ticketId", String.valueOf(ticketId));
		model.put("title", title);
		model.put("quote", quote);
		model.put("files", files == 0 ? null : renderer.message(locale, "mail.files.count", files));
		model.put("link", renderer.ticketLink(ticketId));
		MailRenderer.Rendered mail = renderer.render(locale, "ticket-notification", model);
		outbox.enqueue(ticketId, recipient.get().email(), renderer.message(locale, subject), mail.text(), mail.html());
	}

	private static MessageSourceResolvable label(TicketStatus status) {
		return text("status." + status.name());
	}

}
