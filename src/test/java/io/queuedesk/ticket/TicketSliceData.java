package io.queuedesk.ticket;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.ui.Model;

import io.queuedesk.reference.Client;
import io.queuedesk.reference.ProductArea;
import io.queuedesk.user.Role;
import io.queuedesk.user.User;

/** Entities and rows with ids, for MVC slices that mock the services. */
final class TicketSliceData {

	static final Instant NOW = Instant.parse("2030-03-15T10:00:00Z");

	private TicketSliceData() {
	}

	static Client client(long id, String name) {
		Client client = new Client(name, NOW);
		ReflectionTestUtils.setField(client, "id", id);
		return client;
	}

	static ProductArea area(long id, String name) {
		ProductArea area = new ProductArea(name, NOW);
		ReflectionTestUtils.setField(area, "id", id);
		return area;
	}

	static User person(long id, String displayName, Role role) {
		User user = new User("u" + id + "@test.example", displayName, "{noop}x", Set.of(role), NOW);
		ReflectionTestUtils.setField(user, "id", id);
		return user;
	}

	static TicketRow row(long id, String title, Integer priority, LocalDate target, boolean overdue,
			TicketRow.Ref assignee) {
		return new TicketRow(id, title, new TicketRow.Ref(5, "Client A"), new TicketRow.Ref(7, "Billing"), priority,
				TicketStatus.OPEN, target, overdue, assignee, new TicketRow.Ref(3, "Sam Submitter"), NOW, null);
	}

	/** What TicketFormOptions puts in the model for an admin. */
	/**
	 * A list page as TicketQueries.list answers it; a next cursor when more rows follow.
	 */
	static TicketSlice slice(List<TicketRow> rows, int page, int size, long total) {
		boolean more = (long) (page + 1) * size < total;
		return new TicketSlice(rows, page, size, total, false, page > 0 ? new ListCursor('r', 1) : null,
				more ? new ListCursor('r', 2) : null);
	}

	static void formOptions(Model model) {
		model.addAttribute("clients", List.of(client(5, "Client A"), client(6, "Client B")));
		model.addAttribute("productAreas", List.of(area(7, "Billing"), area(8, "Claims")));
		model.addAttribute("assignees", List.of(person(11, "Dev One", Role.DEVELOPER)));
		model.addAttribute("canChooseTop", true);
	}

}
