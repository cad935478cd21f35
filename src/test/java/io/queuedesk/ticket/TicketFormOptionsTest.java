package io.queuedesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.ui.ExtendedModelMap;

import io.queuedesk.reference.ClientService;
import io.queuedesk.reference.ProductAreaService;
import io.queuedesk.user.Role;
import io.queuedesk.user.TestUsers;
import io.queuedesk.user.User;
import io.queuedesk.user.UserService;

/**
 * The choices of the ticket form by role: who may be picked as assignee, who may choose
 * the top.
 */
class TicketFormOptionsTest {

	final ClientService clients = mock(ClientService.class);

	final ProductAreaService areas = mock(ProductAreaService.class);

	final UserService users = mock(UserService.class);

	final TicketFormOptions options = new TicketFormOptions(clients, areas, users);

	final User devOne = TicketSliceData.person(11, "Dev One", Role.DEVELOPER);

	final User devTwo = TicketSliceData.person(12, "Dev Two", Role.DEVELOPER);

	@BeforeEach
	void staff() {
		given(users.assignableStaff()).willReturn(List.of(devOne, devTwo));
		given(clients.active()).willReturn(List.of(TicketSliceData.client(5, "Client A")));
	}

	@Test
	void adminMayPickAnyoneAndTheTop() {
		ExtendedModelMap model = new ExtendedModelMap();

		options.forForm(model, TestUsers.signedIn(1, "a@test.example", "Ada", Role.ADMIN));

		assertThat(model.get("assignees")).isEqualTo(List.of(devOne, devTwo));
		assertThat(model.get("canChooseTop")).isEqualTo(true);
		assertThat(model.get("clients")).asList().hasSize(1);
	}

	@Test
	void developerMayPickOnlyThemselvesAndNotTheTop() {
		ExtendedModelMap model = new ExtendedModelMap();

		options.forForm(model, TestUsers.signedIn(12, "d@test.example", "Dev Two", Role.DEVELOPER));

		assertThat(model.get("assignees")).isEqualTo(List.of(devTwo));
		assertThat(model.get("canChooseTop")).isEqualTo(false);
	}

	@Test
	void submitterPicksNobody() {
		ExtendedModelMap model = new ExtendedModelMap();

		options.forForm(model, TestUsers.signedIn(3, "s@test.example", "Sam", Role.SUBMITTER));

		assertThat(model.get("assignees")).isEqualTo(List.of());
		assertThat(model.get("canChooseTop")).isEqualTo(false);
	}

}
