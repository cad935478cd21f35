package io.queuedesk.comment;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.persistence.EntityManager;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.queuedesk.activity.ActivityAction;
import io.queuedesk.attachment.AttachmentTarget;
import io.queuedesk.attachment.Attachments;
import io.queuedesk.attachment.Upload;
import io.queuedesk.activity.ActivityService;
import io.queuedesk.activity.ActivitySubject;
import io.queuedesk.activity.Actor;
import io.queuedesk.system.AdminOnly;
import io.queuedesk.system.NotFoundException;
import io.queuedesk.system.SignedIn;
import io.queuedesk.ticket.TicketAccessInfo;
import io.queuedesk.ticket.TicketEvents.Person;
import io.queuedesk.ticket.TicketQueries;
import io.queuedesk.user.SignedInUser;
import io.queuedesk.user.User;
import io.queuedesk.user.UserService;

/**
 * Comments and internal notes on tickets (docs/RULES.md#comments). Who may do what comes
 * from the ticket feature ({@link TicketQueries#access}): a ticket the user may not see
 * is answered with 404. Every change commits together with its activity entry and its
 * event, and first locks the ticket against a concurrent delete
 * ({@link TicketQueries#accessForComment}).
 */
@Service
public class CommentService {

	/** How much of a deleted comment's text the activity entry keeps. */
	static final int SNAPSHOT_LENGTH = 200;

	private final CommentRepository comments;

	private final TicketQueries tickets;

	private final ActivityService activity;

	private final ApplicationEventPublisher events;

	private final EntityManager entityManager;

	private final Attachments attachments;

	private final Clock clock;

	CommentService(CommentRepository comments, TicketQueries tickets, ActivityService activity, Attachments attachments,
			ApplicationEventPublisher events, EntityManager entityManager, Clock clock) {
		this.attachments = attachments;
		this.comments = comments;
		this.tickets = tickets;
		this.activity = activity;
		this.events = events;
		this.entityManager = entityManager;
		this.clock = clock;
	}

	/**
	 * Adds a comment, or an internal note when {@code internal}; returns its id. Refused
	 * with {@link CommentRefusedException} when the user may see the ticket but not
	 * comment on it (or not write internal notes), and when the text is blank or longer
	 * than {@link Comment#MAX_BODY}.
	 */
	@SignedIn
	@Transactional
	public long add(long ticketId, String body, boolean internal, SignedInUser me) {
		return add(ticketId, body, internal, List.of(), me);
	}

	/**
	 * {@link #add(long, String, boolean, SignedInUser)} with files, which go with the
	 * comment (and are as hidden as it when it is an internal note). With files the text
	 * may be empty; the upload is refused as a whole
	 * ({@link io.queuedesk.attachment.UploadRefusedException}) when over a limit.
	 */
	@SignedIn
	@Transactional
	public long add(long ticketId, String body, boolean internal, List<Upload> files, SignedInUser me) {
		TicketAccessInfo ticket = tickets.accessForComment(ticketId, me);
		if (!ticket.canComment()) {
			throw new CommentRefusedException("comment.refused");
		}
		if (internal && !ticket.canWriteInternal()) {
			throw new CommentRefusedException("comment.internal.refused");
		}
		String text = normalize(body);
		if (text.isEmpty() && files.isEmpty()) {
			throw new CommentRefusedException("comment.body.blank");
		}
		attachments.check(files);
		if (text.length() > Comment.MAX_BODY) {
			throw new CommentRefusedException("comment.body.tooLong");
		}
		Comment comment = comments.save(new Comment(ticketId, entityManager.getReference(User.class, me.getId()), text,
				internal, false, Instant.now(clock)));
		long id = comment.getId();
		ActivitySubject subject = ActivitySubject.ticket(ticketId, ticket.title());
		Actor actor = UserService.actor(me);
		if (internal) {
			activity.recordInternal(actor, ActivityAction.COMMENT_ADDED, subject, "internal note #" + id);
		}
		else {
			activity.record(actor, ActivityAction.COMMENT_ADDED, subject, "comment #" + id);
		}
		attachments.store(new AttachmentTarget(ticketId, ticket.title(), id, internal), files, me);
		events.publishEvent(new CommentEvents.CommentAdded(ticketId, ticket.title(), id, internal,
				new Person(me.getId(), me.getDisplayName()), ticket.submitterId(), ticket.assigneeId(), text,
				files.size()));
		return id;
	}

	/**
	 * 404 ({@link NotFoundException}) unless the user may see the ticket: checked before
	 * a refused form is answered, so that its message tells nothing about a ticket the
	 * user may not see.
	 */
	@SignedIn
	@Transactional(readOnly = true)
	public void requireVisible(long ticketId, SignedInUser me) {
		tickets.access(ticketId, me);
	}

	/**
	 * Deletes a comment of the ticket (admins; system comments too). The activity entry
	 * keeps a snapshot of who wrote what; it is hidden from submitters when the comment
	 * was an internal note.
	 */
	@AdminOnly
	@Transactional
	public void delete(long ticketId, long commentId, SignedInUser me) {
		TicketAccessInfo ticket = tickets.accessForComment(ticketId, me);
		Comment comment = comments.findOfTicket(commentId, ticketId)
			.orElseThrow(() -> new NotFoundException("Comment", commentId));
		String author = comment.getAuthor() == null ? "—" : comment.getAuthor().getDisplayName();
		String details = (comment.isInternal() ? "internal note #" : "comment #") + commentId + " by " + author + ": "
				+ snapshot(comment.getBody());
		attachments.deleteOfComment(commentId, ticket.title(), me);
		comments.delete(comment);
		ActivitySubject subject = ActivitySubject.ticket(ticketId, ticket.title());
		if (comment.isInternal()) {
			activity.recordInternal(UserService.actor(me), ActivityAction.COMMENT_DELETED, subject, details);
		}
		else {
			activity.record(UserService.actor(me), ActivityAction.COMMENT_DELETED, subject, details);
		}
	}

	/**
	 * The ticket's comments, oldest first, with their authors in the same query; internal
	 * notes only for viewers who may read them. The access info proves the viewer may see
	 * the ticket.
	 */
	@SignedIn
	@Transactional(readOnly = true)
	public List<CommentView> thread(TicketAccessInfo ticket) {
		List<Comment> found = ticket.seesInternal() ? comments.findThread(ticket.ticketId())
				: comments.findPublicThread(ticket.ticketId());
		return found.stream().map(CommentView::of).toList();
	}

	/**
	 * Line breaks as a browser sends them (CRLF) count once, as the user sees them; outer
	 * blanks go.
	 */
	static String normalize(String body) {
		return body == null ? "" : body.replace("\r\n", "\n").replace('\r', '\n').strip();
	}

	private static String snapshot(String body) {
		if (body.length() <= SNAPSHOT_LENGTH) {
			return body;
		}
		int end = Character.isHighSurrogate(body.charAt(SNAPSHOT_LENGTH - 1)) ? SNAPSHOT_LENGTH - 1 : SNAPSHOT_LENGTH;
		return body.substring(0, end) + "…";
	}

}
