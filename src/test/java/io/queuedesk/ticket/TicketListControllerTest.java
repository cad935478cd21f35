package io.queuedesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import io.queuedesk.system.Flash;
import io.queuedesk.system.SliceSecurity;
import io.queuedesk.user.Role;
import io.queuedesk.user.SignedInUser;
import io.queuedesk.user.TestUsers;

/** A malformed filter value is reported and ignored; the other filters still apply. */
@WebMvcTest(TicketListController.class)
@Import({ SliceSecurity.class, Flash.class })
class TicketListControllerTest {

	final SignedInUser admin = TestUsers.signedIn(1, "admin@test.example", "Ada", Role.ADMIN);

	@Autowired
	MockMvc mvc;

	@MockitoBean
	TicketQueries queries;

	@MockitoBean
	TicketFormOptions options;

	@BeforeEach
	void emptyPage() {
		given(queries.list(any(), eq(admin))).willReturn(TicketSliceData.slice(List.of(), 0, 50, 0));
	}

	@Test
	void badClientIsReportedAndTheOtherFiltersStillApply() throws Exception {
		mvc.perform(get("/tickets").param("client", "abc")
			.param("status", "ACCEPTED")
			.param("q", "invoice")
			.with(user(admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("The client filter was not valid and was ignored.")));

		TicketFilter filter = captured();
		assertThat(filter.getClient()).isNull();
		assertThat(filter.getStatus()).isEqualTo(TicketStatus.ACCEPTED);
		assertThat(filter.text()).isEqualTo("invoice");
	}

	@Test
	void badStatusIsReported() throws Exception {
		mvc.perform(get("/tickets").param("status", "NOPE").param("client", "5").with(user(admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("The status filter was not valid and was ignored.")));

		TicketFilter filter = captured();
		assertThat(filter.getStatus()).isNull();
		assertThat(filter.getClient()).isEqualTo(5L);
	}

	@Test
	void sortIsUnderstoodByConstantAndByFieldName() throws Exception {
		for (String sort : new String[] { "TARGET_DATE", "targetDate" }) {
			mvc.perform(get("/tickets").param("sort", sort).with(user(admin)))
				.andExpect(status().isOk())
				.andExpect(content().string(not(containsString("sort order was not valid"))));
		}
		ArgumentCaptor<TicketFilter> filters = ArgumentCaptor.forClass(TicketFilter.class);
		verify(queries, times(2)).list(filters.capture(), eq(admin));
		assertThat(filters.getAllValues()).extracting(TicketFilter::getSort).containsOnly(TicketSort.TARGET_DATE);
	}

	@Test
	void unknownSortIsReportedAndFallsBackToPriority() throws Exception {
		mvc.perform(get("/tickets").param("sort", "sideways").with(user(admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("The sort order was not valid; sorted by priority.")));

		assertThat(captured().getSort()).isEqualTo(TicketSort.PRIORITY);
	}

	private TicketFilter captured() {
		ArgumentCaptor<TicketFilter> filter = ArgumentCaptor.forClass(TicketFilter.class);
		verify(queries).list(filter.capture(), eq(admin));
		return filter.getValue();
	}

}
