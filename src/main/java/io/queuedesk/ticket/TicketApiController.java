package io.queuedesk.ticket;

import java.time.LocalDate;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.queuedesk.user.SignedInUser;

/** JSON view of tickets (SPEC §6): same filters and visibility as the /tickets page. */
@RestController
@RequestMapping(path = "/api/tickets", produces = "application/json")
class TicketApiController {

	private final TicketQueries queries;

	TicketApiController(TicketQueries queries) {
		this.queries = queries;
	}

	@GetMapping
	TicketPage list(@ModelAttribute TicketFilter filter, @AuthenticationPrincipal SignedInUser me) {
		Page<TicketRow> page = queries.list(filter, me);
		return new TicketPage(page.getContent().stream().map(TicketJson::of).toList(), page.getNumber(),
				page.getSize(), page.getTotalElements());
	}

	@GetMapping("/{id}")
	TicketJson one(@PathVariable long id, @AuthenticationPrincipal SignedInUser me) {
		return TicketJson.of(queries.details(id, me).ticket());
	}

	record TicketPage(List<TicketJson> items, int page, int size, long total) {
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
