package io.queuedesk.ticket.files;

import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.queuedesk.attachment.AttachmentTarget;
import io.queuedesk.attachment.Attachments;
import io.queuedesk.attachment.StoredFile;
import io.queuedesk.attachment.Upload;
import io.queuedesk.system.NotFoundException;
import io.queuedesk.system.SignedIn;
import io.queuedesk.ticket.TicketAccessInfo;
import io.queuedesk.ticket.TicketEvents;
import io.queuedesk.ticket.TicketQueries;
import io.queuedesk.ticket.TicketStatus;
import io.queuedesk.user.SignedInUser;

/**
 * Who may see, add and delete a ticket's files (docs/RULES.md#attachments): a file is as
 * visible as its ticket, and a file of an internal note as hidden as the note (404
 * otherwise, as for the ticket); adding is for those who may comment; deleting for
 * admins, and for the uploader while the ticket is still open. Changes first lock the
 * ticket against a concurrent delete ({@link TicketQueries#accessForComment}).
 */
@Service
class TicketFiles {

	private final TicketQueries tickets;

	private final Attachments attachments;

	private final ApplicationEventPublisher events;

	TicketFiles(TicketQueries tickets, Attachments attachments, ApplicationEventPublisher events) {
		this.tickets = tickets;
		this.attachments = attachments;
		this.events = events;
	}

	/** Adds the files to the ticket itself; returns how many. */
	@SignedIn
	@Transactional
	public int add(long ticketId, List<Upload> uploads, SignedInUser me) {
		TicketAccessInfo ticket = tickets.accessForComment(ticketId, me);
		if (!ticket.canComment()) {
			throw new FileRefusedException("attachment.add.refused");
		}
		if (uploads.isEmpty()) {
			throw new FileRefusedException("attachment.none");
		}
		int added = attachments.store(AttachmentTarget.ticket(ticketId, ticket.title()), uploads, me).size();
		events.publishEvent(new TicketEvents.FilesAdded(ticketId, ticket.title(), added,
				new TicketEvents.Person(me.getId(), me.getDisplayName()), ticket.submitterId(), ticket.assigneeId()));
		return added;
	}

	/** The file, if the viewer may see it; 404 otherwise. */
	@SignedIn
	@Transactional(readOnly = true)
	public StoredFile visible(long id, SignedInUser me) {
		StoredFile file = attachments.find(id).orElseThrow(() -> new NotFoundException("Attachment", id));
		visibleTicket(file, tickets.access(file.ticketId(), me));
		return file;
	}

	/** The thumbnail of a file the viewer may see; 404 otherwise, or when it has none. */
	@SignedIn
	@Transactional(readOnly = true)
	public byte[] thumbnail(long id, SignedInUser me) {
		visible(id, me);
		return attachments.thumbnail(id).orElseThrow(() -> new NotFoundException("Thumbnail", id));
	}

	/** Deletes the file; returns its ticket's id. */
	@SignedIn
	@Transactional
	public long delete(long id, SignedInUser me) {
		StoredFile file = attachments.find(id).orElseThrow(() -> new NotFoundException("Attachment", id));
		TicketAccessInfo ticket = visibleTicket(file, tickets.accessForComment(file.ticketId(), me));
		if (!mayDelete(file.uploaderId(), ticket, me)) {
			throw new FileRefusedException("attachment.delete.refused");
		}
		attachments.delete(file, ticket.title(), me);
		return file.ticketId();
	}

	/** Admins; the uploader while the ticket is open (nobody has started on it yet). */
	static boolean mayDelete(Long uploaderId, TicketAccessInfo ticket, SignedInUser me) {
		return ticket.canModerate() || me.getId().equals(uploaderId) && ticket.status() == TicketStatus.OPEN;
	}

	private static TicketAccessInfo visibleTicket(StoredFile file, TicketAccessInfo ticket) {
		if (file.internal() && !ticket.seesInternal()) {
			throw new NotFoundException("Attachment", file.id());
		}
		return ticket;
	}

}
