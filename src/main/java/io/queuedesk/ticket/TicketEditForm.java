package io.queuedesk.ticket;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

import io.queuedesk.system.CleanText;

/**
 * The edit form: the new-ticket fields less client, priority and assignee (those are the
 * explicit move, transfer and assign actions), plus the version the form was loaded at.
 */
record TicketEditForm(@NotBlank @CleanText @Size(max = Ticket.MAX_TITLE) String title,
		@NotBlank @CleanText(multiline = true) @Size(max = Ticket.MAX_DESCRIPTION) String description,
		@NotNull Long productAreaId, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate targetDate,
		@NotNull Long version) {

	static TicketEditForm of(Ticket ticket) {
		return new TicketEditForm(ticket.getTitle(), ticket.getDescription(), ticket.getProductArea().getId(),
				ticket.getTargetDate(), ticket.getVersion());
	}

}
