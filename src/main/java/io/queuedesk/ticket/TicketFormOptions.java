package io.queuedesk.ticket;

import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import io.queuedesk.reference.ClientService;
import io.queuedesk.reference.ProductAreaService;
import io.queuedesk.user.Role;
import io.queuedesk.user.SignedInUser;
import io.queuedesk.user.User;
import io.queuedesk.user.UserService;

/** The choices ticket forms and filters offer, by role. */
@Component
class TicketFormOptions {

	private final ClientService clients;

	private final ProductAreaService areas;

	private final UserService users;

	TicketFormOptions(ClientService clients, ProductAreaService areas, UserService users) {
		this.clients = clients;
		this.areas = areas;
		this.users = users;
	}

	/**
	 * Active clients and areas; assignees: anyone for admins, only themselves for
	 * developers.
	 */
	void forForm(Model model, SignedInUser me) {
		model.addAttribute("clients", clients.active());
		model.addAttribute("productAreas", areas.active());
		model.addAttribute("assignees", assignees(me));
		model.addAttribute("canChooseTop", me.hasRole(Role.ADMIN));
	}

	/**
	 * Filters list every client and area, inactive ones included, so old tickets stay
	 * findable.
	 */
	void forFilter(Model model, SignedInUser me) {
		model.addAttribute("clients", clients.all());
		model.addAttribute("productAreas", areas.all());
		model.addAttribute("assignees",
				me.hasRole(Role.ADMIN) || me.hasRole(Role.DEVELOPER) ? users.assignableStaff() : List.of());
	}

	private List<User> assignees(SignedInUser me) {
		if (me.hasRole(Role.ADMIN)) {
			return users.assignableStaff();
		}
		if (me.hasRole(Role.DEVELOPER)) {
			return users.assignableStaff().stream().filter(user -> user.getId().equals(me.getId())).toList();
		}
		return List.of();
	}

}
