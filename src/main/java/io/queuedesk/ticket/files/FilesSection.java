package io.queuedesk.ticket.files;

import java.util.List;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import io.queuedesk.attachment.AttachmentView;
import io.queuedesk.attachment.Attachments;
import io.queuedesk.ticket.TicketAccessInfo;
import io.queuedesk.ticket.TicketPageSection;
import io.queuedesk.user.SignedInUser;

/**
 * The files section of the ticket page, above the comments: every file of the ticket
 * (those of comments too, linked to their comment), with thumbnails of images, and the
 * form to add more.
 */
@Component
@Order(50)
class FilesSection implements TicketPageSection {

	private final Attachments attachments;

	FilesSection(Attachments attachments) {
		this.attachments = attachments;
	}

	@Override
	public String fragment() {
		return "tickets/files :: files";
	}

	@Override
	public void contribute(TicketAccessInfo ticket, SignedInUser viewer, Model model) {
		List<FileRow> rows = attachments.ofTicket(ticket.ticketId(), ticket.seesInternal())
			.stream()
			.map(file -> new FileRow(file, TicketFiles.mayDelete(file.uploaderId(), ticket, viewer)))
			.toList();
		model.addAttribute("ticketFiles", new TicketFilesView(ticket.ticketId(), rows, ticket.canComment()));
	}

	/** One file and whether the viewer may delete it. */
	record FileRow(AttachmentView file, boolean deletable) {
	}

	record TicketFilesView(long ticketId, List<FileRow> rows, boolean canAdd) {
	}

}
