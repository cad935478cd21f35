package io.queuedesk.ticket;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.queuedesk.attachment.AttachmentView;
import io.queuedesk.attachment.Attachments;
import io.queuedesk.user.SignedInUser;

/**
 * JSON view of tickets (docs/RULES.md#pages-and-routes): same filters and visibility as
 * the /tickets page.
 */
@RestController
@RequestMapping(path = "/api/tickets", produces = "application/json")
class TicketApiController {

	private final TicketQueries queries;

	private final Attachments attachments;

	TicketApiController(TicketQueries queries, Attachments attachments) {
		this.queries = queries;
		this.attachments = attachments;
	}

	/** One page, with the files of all its tickets read in one more statement. */
	@GetMapping
	TicketPage list(@ModelAttribute TicketFilter filter, @AuthenticationPrincipal SignedInUser me) {
		TicketSlice page = queries.list(filter, me);
		Map<Long, List<AttachmentView>> files = attachments.ofTickets(page.rows().stream().map(TicketRow::id).toList(),
				TicketAccess.seesInternal(me));
		return new TicketPage(
				page.rows().stream().map(row -> TicketJson.of(row, files.getOrDefault(row.id(), List.of()))).toList(),
				page.number(), page.size(), page.shownTotal(), page.capped(), page.nextCursor());
	}

	@GetMapping("/{id}")
	TicketJson one(@PathVariable long id, @AuthenticationPrincipal SignedInUser me) {
		TicketDetails details = queries.details(id, me);
		return TicketJson.of(details.ticket(), attachments.ofTicket(id, details.access().seesInternal()));
	}

	/**
	 * @param total matches, exact up to 10,000; {@code totalCapped}: there are more
	 * @param next pass as {@code after} for the following page; null on the last
	 */
	record TicketPage(List<TicketJson> items, int page, int size, long total, boolean totalCapped, String next) {
	}

	record TicketJson(long id, String title, Named client, Named productArea, Integer priority, TicketStatus status,
			LocalDate targetDate, boolean overdue, Person assignee, Person submitter, List<FileJson> attachments) {

		static TicketJson of(TicketRow row, List<AttachmentView> files) {
			return new TicketJson(row.id(), row.title(), Named.of(row.client()), Named.of(row.productArea()),
					row.priority(), row.status(), row.targetDate(), row.overdue(), Person.of(row.assignee()),
					Person.of(row.submitter()), files.stream().map(FileJson::of).toList());
		}

	}

	/** A file of the ticket; its bytes are at {@code /attachments/{id}}. */
	record FileJson(long id, String name, long size, String contentType) {

		static FileJson of(AttachmentView file) {
			return new FileJson(file.id(), file.name(), file.size(), file.contentType());
		}

	}

	record Named(long id, String name) {

		static Named of(TicketRow.Ref ref) {
			return new Named(ref.id(), ref.name());
		}

	}

	record Person(long id, String displayName) {

		static Person of(TicketRow.Ref ref) {
			return ref == null ? null : new Person(ref.id(), ref.name());
		}

	}

}
