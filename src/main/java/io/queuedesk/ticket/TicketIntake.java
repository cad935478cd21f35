package io.queuedesk.ticket;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.queuedesk.attachment.Upload;
import io.queuedesk.system.SignedIn;
import io.queuedesk.user.SignedInUser;

/**
 * Raising a ticket from outside the pages, for mail in (SPEC §10): the same rules as the
 * new-ticket form ({@link TicketService}), with text the caller has already cleaned and
 * cut to the limits, at the bottom of the client's queue.
 */
@Service
public class TicketIntake {

	/** The longest title a ticket may have. */
	public static final int MAX_TITLE = Ticket.MAX_TITLE;

	/** The longest description a ticket may have. */
	public static final int MAX_DESCRIPTION = Ticket.MAX_DESCRIPTION;

	private final TicketService tickets;

	TicketIntake(TicketService tickets) {
		this.tickets = tickets;
	}

	/**
	 * Raises the ticket as {@code me} (who must be signed in, e.g. as the sender of the
	 * mail) and returns its id. The activity entry of its creation ends with
	 * {@code channel}.
	 * @throws io.queuedesk.attachment.UploadRefusedException when the files are over a
	 * limit (nothing is written)
	 * @throws IllegalArgumentException when the client or product area is unknown or
	 * inactive, or a text is blank or too long (nothing is written)
	 */
	@SignedIn
	@Transactional
	public long raise(NewTicket ticket, List<Upload> files, String channel, SignedInUser me) {
		if (ticket.title() == null || ticket.title().isBlank() || ticket.title().length() > Ticket.MAX_TITLE) {
			throw new IllegalArgumentException("Title blank or too long");
		}
		if (ticket.description() == null || ticket.description().isBlank()
				|| ticket.description().length() > Ticket.MAX_DESCRIPTION) {
			throw new IllegalArgumentException("Description blank or too long");
		}
		TicketForm form = new TicketForm(ticket.title(), ticket.description(), ticket.clientId(),
				ticket.productAreaId(), null, null, false);
		try {
			return tickets.create(form, files, channel, me).getId();
		}
		catch (TicketFieldException ex) {
			throw new IllegalArgumentException(ex.field() + ": " + ex.code(), ex);
		}
	}

	/**
	 * A ticket to raise: its texts (cleaned, within the limits), client and product area.
	 */
	public record NewTicket(String title, String description, long clientId, long productAreaId) {
	}

}
