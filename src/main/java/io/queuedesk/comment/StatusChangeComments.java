package io.queuedesk.comment;

import java.time.Clock;
import java.time.Instant;

import jakarta.persistence.EntityManager;

import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.queuedesk.system.Languages;
import io.queuedesk.ticket.TicketEvents;
import io.queuedesk.ticket.TicketStatus;
import io.queuedesk.user.User;

/**
 * Writes the system comment of every workflow step (docs/RULES.md#workflow: "Status
 * changed from Open to Accepted by Dev One"). A plain, synchronous
 * {@code @EventListener}: it runs inside the transaction of the status change, so both
 * commit or roll back together.
 * <p>
 * Stored as text that everyone on the ticket reads, so in the app's default language
 * (English), not in the language of whoever changed the status (issue 18).
 */
@Component
class StatusChangeComments {

	private final CommentRepository comments;

	private final MessageSource messages;

	private final EntityManager entityManager;

	private final Clock clock;

	StatusChangeComments(CommentRepository comments, MessageSource messages, EntityManager entityManager, Clock clock) {
		this.comments = comments;
		this.messages = messages;
		this.entityManager = entityManager;
		this.clock = clock;
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void statusChanged(TicketEvents.TicketStatusChanged event) {
		String body = messages.getMessage("comment.system.statusChanged",
				new Object[] { label(event.from()), label(event.to()), event.actor().displayName() },
				Languages.DEFAULT);
		comments.save(new Comment(event.ticketId(), entityManager.getReference(User.class, event.actor().id()), body,
				false, true, Instant.now(clock)));
	}

	private String label(TicketStatus status) {
		return messages.getMessage("status." + status, null, status.name(), Languages.DEFAULT);
	}

}
