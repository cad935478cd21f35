package io.queuedesk.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willAnswer;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.Writer;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import io.queuedesk.system.DateRange;
import io.queuedesk.system.SliceSecurity;
import io.queuedesk.user.Role;
import io.queuedesk.user.TestUsers;

@WebMvcTest(ActivityAdminController.class)
@Import({ SliceSecurity.class, ActivityAdminControllerTest.FixedClock.class })
class ActivityAdminControllerTest {

	static final Instant NOW = Instant.parse("2026-03-04T05:06:07Z");

	@TestConfiguration(proxyBeanMethods = false)
	static class FixedClock {

		@Bean
		Clock clock() {
			return Clock.fixed(NOW, ZoneOffset.UTC);
		}

	}

	@Autowired
	MockMvc mvc;

	@MockitoBean
	ActivityTrail trail;

	static final ActivityEntry ENTRY = new ActivityEntry(7, NOW, "ada@example.com", ActivityAction.TICKET_MOVED, 42L,
			"Printer <b>on fire</b>", null, "from 3 to 1");

	@BeforeEach
	void onePage() {
		given(trail.page(any(), any(), any(), anyInt()))
			.willReturn(new ActivitySlice(List.of(ENTRY), 0, 50, 1, false, null, null, false));
	}

	@Test
	void listsEntriesWithLabelledFiltersAndAnExportLinkKeepingThem() throws Exception {
		String html = page("/admin/activity?user=Ada@Example.com&action=TICKET_MOVED&page=0");

		assertThat(html).contains("<label for=\"user\"")
			.contains("<label for=\"ticket\"")
			.contains("<label for=\"action\"")
			.contains("<label for=\"from\"")
			.contains("<label for=\"to\"")
			.contains("Moved in queue")
			.contains("href=\"/tickets/42\">#42 Printer &lt;b&gt;on fire&lt;/b&gt;</a>")
			.contains("href=\"/admin/activity/export.csv?user=Ada@Example.com&amp;action=TICKET_MOVED\"")
			.contains("<option value=\"TICKET_MOVED\" selected=\"selected\">")
			.doesNotContain("style=");
		verify(trail).page(new ActivityQuery("ada@example.com", null, ActivityAction.TICKET_MOVED, DateRange.ALL), null,
				null, 0);
	}

	@Test
	void badFilterValuesGetMessagesAndAreNotApplied() throws Exception {
		mvc.perform(get("/admin/activity").with(admin())
			.param("ticket", "abc")
			.param("action", "DROP_TABLE")
			.param("from", "2026-02-31")
			.param("to", "2026-01-01")
			.param("page", "x"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("filter", "ticket", "activity.filter.ticket.invalid"))
			.andExpect(model().attributeHasFieldErrorCode("filter", "action", "activity.filter.action.invalid"))
			.andExpect(model().attributeHasFieldErrorCode("filter", "from", "dateRange.invalid"));
		verify(trail).page(ActivityQuery.ALL, null, null, 0);

		assertThat(page("/admin/activity?ticket=-3")).contains("id=\"ticket-error\"")
			.contains("Enter a ticket number, for example 42.")
			.contains("Some filters are not valid");
		assertThat(page("/admin/activity?from=2026-03-02&to=2026-03-01"))
			.contains("The end date must not be before the start date.");
	}

	@Test
	void validFiltersAreAllPassedOn() throws Exception {
		mvc.perform(get("/admin/activity").with(admin())
			.param("user", " X@test.example ")
			.param("ticket", "#12")
			.param("from", "2026-01-01")
			.param("to", "2026-01-31")
			.param("page", "3")).andExpect(status().isOk());

		verify(trail).page(new ActivityQuery("x@test.example", 12L, null,
				new DateRange(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31))), null, null, 3);
	}

	@Test
	void exportsCsvAsAnAttachmentWithAHeaderRow() throws Exception {
		willAnswer(call -> {
			ActivityCsv csv = new ActivityCsv(call.getArgument(1, Writer.class), ZoneOffset.UTC);
			csv.write(ENTRY);
			csv.flush();
			return null;
		}).given(trail).exportCsv(eq(new ActivityQuery(null, 42L, null, DateRange.ALL)), any());

		String csv = mvc.perform(get("/admin/activity/export.csv").param("ticket", "42").with(admin()))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "text/csv;charset=UTF-8"))
			.andExpect(header().string("Content-Disposition", "attachment; filename=\"activity-20260304-050607.csv\""))
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(csv)
			.startsWith("id,occurred_at,actor_email,action,ticket_id,ticket_title,target_user_email,details\r\n")
			.contains("7,2026-03-04T05:06:07Z,ada@example.com,TICKET_MOVED,42,Printer <b>on fire</b>,,from 3 to 1\r\n");
	}

	@Test
	void anExportWithABadFilterGoesBackToThePage() throws Exception {
		mvc.perform(get("/admin/activity/export.csv?from=yesterday").with(admin()))
			.andExpect(redirectedUrl("/admin/activity?from=yesterday"));
		verifyNoInteractions(trail);
	}

	@Test
	void isForbiddenToEveryoneElse() throws Exception {
		for (Role role : List.of(Role.DEVELOPER, Role.SUBMITTER)) {
			RequestPostProcessor someone = user(TestUsers.signedIn(2, "d@test.example", "D", role));
			mvc.perform(get("/admin/activity").with(someone)).andExpect(status().isForbidden());
			mvc.perform(get("/admin/activity/export.csv").with(someone)).andExpect(status().isForbidden());
		}
		verifyNoInteractions(trail);
	}

	private String page(String url) throws Exception {
		return mvc.perform(get(url).with(admin()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private static RequestPostProcessor admin() {
		return user(TestUsers.signedIn(1, "a@test.example", "Ada", Role.ADMIN));
	}

}
