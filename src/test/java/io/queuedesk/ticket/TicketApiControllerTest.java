package io.queuedesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import io.queuedesk.system.NotFoundException;
import io.queuedesk.attachment.AttachmentView;
import io.queuedesk.attachment.Attachments;
import io.queuedesk.system.SliceSecurity;
import io.queuedesk.user.Role;
import io.queuedesk.user.SignedInUser;
import io.queuedesk.user.TestUsers;

/**
 * {@code /api/tickets} (docs/RULES.md#pages-and-routes): the documented JSON shape,
 * filters passed on, JSON errors.
 */
@WebMvcTest(TicketApiController.class)
@Import(SliceSecurity.class)
class TicketApiControllerTest {

	static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,*/*;q=0.8";

	final SignedInUser admin = TestUsers.signedIn(1, "admin@test.example", "Ada", Role.ADMIN);

	@Autowired
	MockMvc mvc;

	@MockitoBean
	TicketQueries queries;

	@MockitoBean
	Attachments attachments;

	@Test
	void listHasTheSpecifiedShape() throws Exception {
		TicketRow assigned = TicketSliceData.row(21, "Printer on fire", 1, LocalDate.of(2030, 3, 14), true,
				new TicketRow.Ref(11, "Dev One"));
		TicketRow unassigned = TicketSliceData.row(22, "Paper jam", 2, null, false, null);
		given(queries.list(any(), eq(admin))).willReturn(TicketSliceData.slice(List.of(assigned, unassigned), 1, 2, 7));
		given(attachments.ofTickets(List.of(21L, 22L), true))
			.willReturn(Map.of(21L, List.of(new AttachmentView(31, null, false, "shot.png", 2048, "image/png", true,
					11L, "Dev One", Instant.parse("2026-11-30T10:00:00Z")))));

		mvc.perform(get("/api/tickets").param("client", "5").param("page", "1").param("size", "2").with(user(admin)))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("application/json"))
			.andExpect(jsonPath("$", aMapWithSize(6)))
			.andExpect(jsonPath("$.page").value(1))
			.andExpect(jsonPath("$.size").value(2))
			.andExpect(jsonPath("$.total").value(7))
			.andExpect(jsonPath("$.totalCapped").value(false))
			.andExpect(jsonPath("$.next").value("r.2"))
			.andExpect(jsonPath("$.items", hasSize(2)))
			.andExpect(jsonPath("$.items[0]", aMapWithSize(11)))
			.andExpect(jsonPath("$.items[0].id").value(21))
			.andExpect(jsonPath("$.items[0].title").value("Printer on fire"))
			.andExpect(jsonPath("$.items[0].client", aMapWithSize(2)))
			.andExpect(jsonPath("$.items[0].client.id").value(5))
			.andExpect(jsonPath("$.items[0].client.name").value("Client A"))
			.andExpect(jsonPath("$.items[0].productArea.id").value(7))
			.andExpect(jsonPath("$.items[0].productArea.name").value("Billing"))
			.andExpect(jsonPath("$.items[0].priority").value(1))
			.andExpect(jsonPath("$.items[0].status").value("OPEN"))
			.andExpect(jsonPath("$.items[0].targetDate").value("2030-03-14"))
			.andExpect(jsonPath("$.items[0].overdue").value(true))
			.andExpect(jsonPath("$.items[0].assignee", aMapWithSize(2)))
			.andExpect(jsonPath("$.items[0].assignee.id").value(11))
			.andExpect(jsonPath("$.items[0].assignee.displayName").value("Dev One"))
			.andExpect(jsonPath("$.items[0].submitter.id").value(3))
			.andExpect(jsonPath("$.items[0].submitter.displayName").value("Sam Submitter"))
			.andExpect(jsonPath("$.items[0].attachments", hasSize(1)))
			.andExpect(jsonPath("$.items[0].attachments[0]", aMapWithSize(4)))
			.andExpect(jsonPath("$.items[0].attachments[0].id").value(31))
			.andExpect(jsonPath("$.items[0].attachments[0].name").value("shot.png"))
			.andExpect(jsonPath("$.items[0].attachments[0].size").value(2048))
			.andExpect(jsonPath("$.items[0].attachments[0].contentType").value("image/png"))
			.andExpect(jsonPath("$.items[1].attachments", hasSize(0)))
			.andExpect(jsonPath("$.items[1].assignee").value(nullValue()))
			.andExpect(jsonPath("$.items[1].targetDate").value(nullValue()))
			.andExpect(jsonPath("$.items[1].overdue").value(false));

		ArgumentCaptor<TicketFilter> filter = ArgumentCaptor.forClass(TicketFilter.class);
		verify(queries).list(filter.capture(), eq(admin));
		assertThat(filter.getValue().getClient()).isEqualTo(5L);
		assertThat(filter.getValue().safePage()).isEqualTo(1);
		assertThat(filter.getValue().safeSize()).isEqualTo(2);
	}

	@Test
	void oneTicketHasTheSameShape() throws Exception {
		TicketRow row = TicketSliceData.row(21, "Printer on fire", 1, null, false, null);
		TicketDetails details = mock(TicketDetails.class);
		given(details.ticket()).willReturn(row);
		given(details.access()).willReturn(
				new TicketAccessInfo(21, "Printer on fire", TicketStatus.OPEN, 3, null, true, true, true, false));
		given(queries.details(21, admin)).willReturn(details);

		mvc.perform(get("/api/tickets/21").with(user(admin)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", aMapWithSize(11)))
			.andExpect(jsonPath("$.attachments", hasSize(0)))
			.andExpect(jsonPath("$.id").value(21))
			.andExpect(jsonPath("$.client.name").value("Client A"))
			.andExpect(jsonPath("$.assignee").value(nullValue()));
	}

	@Test
	void unknownOrInvisibleTicketIsAJson404EvenForABrowser() throws Exception {
		given(queries.details(404, admin)).willThrow(new NotFoundException("Ticket", 404));

		mvc.perform(get("/api/tickets/404").header("Accept", BROWSER_ACCEPT).with(user(admin)))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.status").value(404))
			.andExpect(content().string(not(containsString("<html"))));
	}

	@Test
	void anonymousCallersGet401NotALoginPage() throws Exception {
		mvc.perform(get("/api/tickets").header("Accept", BROWSER_ACCEPT)).andExpect(status().isUnauthorized());
	}

}
