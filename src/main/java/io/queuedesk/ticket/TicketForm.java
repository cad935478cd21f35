package io.queuedesk.ticket;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

import io.queuedesk.system.CleanText;

/**
 * The new-ticket form (field names: docs/RULES.md#pages-and-routes). Rules that need the
 * database live in the service.
 */
record TicketForm(@NotBlank @CleanText @Size(max = Ticket.MAX_TITLE) String title,
		@NotBlank @CleanText(multiline = true) @Size(max = Ticket.MAX_DESCRIPTION) String description,
		@NotNull Long clientId, @NotNull Long productAreaId,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate targetDate, Long assigneeId, Boolean topOfQueue) {

	public static TicketForm empty() {
		return new TicketForm(null, null, null, null, null, null, false);
	}

	/** Only admins may jump the queue; anyone else's topOfQueue is ignored. */
	boolean wantsTop() {
		return Boolean.TRUE.equals(topOfQueue);
	}

}
