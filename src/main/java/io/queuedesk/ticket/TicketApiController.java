package io.queuedesk.ticket;

import java.time.LocalDate;
import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.queuedesk.user.SignedInUser;

/**
 * JSON view of tickets (docs/RULES.md#pages-and-routes): same filters and visibility as
 * the /tickets page.
 */
@RestController
@RequestMapping(path = "/api/tickets", produces = "application/json")
class TicketApiController {

	private final TicketQueries queries;

	TicketApiController(TicketQueries queries) {
		this.queries = queries;
	}

	@GetMapping
	TicketPage list(@ModelAttribute TicketFilter filter, @AuthenticationPrincipal SignedInUser me) {
		TicketSlice page = queries.list(filter, me);
		return new TicketPage(page.rows().stream().map(TicketJson::of).toList(), page.number(), page.size(),
				page.shownTotal(), page.capped(), page.nextCursor());
	}

	@GetMapping("/{id}")
	TicketJson one(@PathVariable long id, @AuthenticationPrincipal SignedInUser me) {
		return TicketJson.of(queries.details(id, me).ticket());
	}

	/**
	 * @param total matches, exact up to 10,000; {@code totalCapped}: there are more
	 * @param next pass as {@code after} for the following page; null on the last
	 */
	record TicketPage(List<TicketJson> items, int page, int size, long total, boolean totalCapped, String next) {
	}

	record TicketJson(long id, String title, Named client, Named productArea, Integer priority, TicketStatus status,
			LocalDate targetDate, boolean overdue, Person assignee, Person submitter) {

		static TicketJson of(TicketRow row) {
			return new TicketJson(row.id(), row.title(), Named.of(row.client()), Named.of(row.productArea()),
					row.priority(), row.status(), row.targetDate(), row.overdue(), Person.of(row.assignee()),
					Person.of(row.submitter()));
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
