package io.queuedesk.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import io.queuedesk.activity.ActivityTrail;
import io.queuedesk.system.DateRange;
import io.queuedesk.system.SliceSecurity;
import io.queuedesk.ticket.TicketFigures;
import io.queuedesk.ticket.TicketFigures.AssigneeLoad;
import io.queuedesk.ticket.TicketFigures.ClientCount;
import io.queuedesk.ticket.TicketStatistics;
import io.queuedesk.ticket.TicketStatus;
import io.queuedesk.user.Role;
import io.queuedesk.user.TestUsers;

@WebMvcTest(DashboardController.class)
@Import({ SliceSecurity.class, DashboardControllerTest.SystemClock.class })
class DashboardControllerTest {

	@TestConfiguration
	static class SystemClock {

		@Bean
		Clock clock() {
			return Clock.systemDefaultZone();
		}

	}

	@Autowired
	MockMvc mvc;

	@MockitoBean
	TicketStatistics statistics;

	@MockitoBean
	ActivityTrail activity;

	@BeforeEach
	void figures() {
		Map<TicketStatus, Long> counts = new EnumMap<>(TicketStatus.class);
		for (TicketStatus status : TicketStatus.values()) {
			counts.put(status, 0L);
		}
		counts.put(TicketStatus.OPEN, 7L);
		counts.put(TicketStatus.IN_PROGRESS, 3L);
		Map<TicketStatus, Long> devOne = new EnumMap<>(Map.of(TicketStatus.OPEN, 4L, TicketStatus.ACCEPTED, 0L,
				TicketStatus.IN_PROGRESS, 3L, TicketStatus.ON_HOLD, 0L));
		Map<TicketStatus, Long> nobody = new EnumMap<>(Map.of(TicketStatus.OPEN, 3L, TicketStatus.ACCEPTED, 0L,
				TicketStatus.IN_PROGRESS, 0L, TicketStatus.ON_HOLD, 0L));
		given(statistics.figures(any())).willReturn(new TicketFigures(counts, List.of(new ClientCount(5, "Acme", 10)),
				3, List.of(new AssigneeLoad(2L, "Dev One", devOne), new AssigneeLoad(null, null, nobody)), 4, 2,
				new DateRange(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 30)), 6,
				Instant.parse("2026-01-30T10:15:30Z")));
	}

	@Test
	void showsFiguresAsChartsAndTables() throws Exception {
		String html = page("/admin");

		assertThat(html).contains("Signed in as Ada")
			.contains("<label for=\"from\"")
			.contains("<label for=\"to\"")
			.contains("The figures cover all tickets.")
			.contains("href=\"/tickets?overdue=true\"")
			.contains("2 overdue tickets")
			.contains("Completed from 2026-01-01 to 2026-01-30")
			.contains("href=\"/queues/5\">Acme</a>")
			.contains("Dev One")
			.contains("Unassigned")
			.contains("href=\"/admin/activity\"")
			.doesNotContain("style=");
		// Only the biggest queues and the people with most open work; the rest are
		// counted.
		assertThat(html).contains("href=\"/queues\">3 more queues</a>")
			.contains("4 more people have open work")
			.containsPattern("Figures as of \\d\\d:\\d\\d:\\d\\d\\.");
		// Three charts, each an image with a name, next to their tables.
		assertThat(html.split("role=\"img\"", -1)).hasSize(4);
		assertThat(html).contains("aria-labelledby=\"chart-status-title\"")
			.contains("<title id=\"chart-status-title\">Bar chart: tickets by status (numbers in the table)</title>")
			.contains("viewBox=\"0 0 400 ");
		assertThat(html).contains("id=\"status-table\"")
			.contains("id=\"queue-table\"")
			.contains("id=\"workload-table\"");
	}

	@Test
	void aRangeIsPassedOnAndNamedOnThePage() throws Exception {
		String html = page("/admin?from=2026-01-01&to=2026-01-30");

		verify(statistics).figures(new DateRange(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 30)));
		assertThat(html).contains("only tickets created from 2026-01-01 to 2026-01-30");
	}

	@Test
	void aBadDateGetsAMessageNextToItsFieldAndTheUnfilteredFigures() throws Exception {
		mvc.perform(get("/admin").param("from", "31.01.2026").param("to", "2026-02-30").with(admin()))
			.andExpect(status().isOk())
			.andExpect(view().name("dashboard/index"))
			.andExpect(model().attributeHasFieldErrorCode("filter", "from", "dateRange.invalid"))
			.andExpect(model().attributeHasFieldErrorCode("filter", "to", "dateRange.invalid"));
		verify(statistics).figures(DateRange.ALL);

		String html = page("/admin?from=banana");
		assertThat(html).contains("id=\"from-error\"")
			.contains("aria-describedby=\"from-error\"")
			.contains("Enter a date as yyyy-MM-dd")
			.contains("The figures cover all tickets.");
	}

	@Test
	void aStartAfterTheEndGetsAMessage() throws Exception {
		mvc.perform(get("/admin").param("from", "2026-03-02").param("to", "2026-03-01").with(admin()))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("filter", "to", "dateRange.toBeforeFrom"));
		verify(statistics).figures(DateRange.ALL);
	}

	/** Counts and dates as the page's language writes them (issue 18). */
	@Test
	void numbersAndDatesFollowThePagesLanguage() throws Exception {
		Map<TicketStatus, Long> counts = new EnumMap<>(TicketStatus.class);
		for (TicketStatus status : TicketStatus.values()) {
			counts.put(status, 0L);
		}
		counts.put(TicketStatus.OPEN, 1234L);
		given(statistics.figures(any())).willReturn(new TicketFigures(counts, List.of(), 0, List.of(), 0, 0,
				new DateRange(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30)), 5678,
				Instant.parse("2026-11-30T10:15:30Z")));

		String german = mvc
			.perform(get("/admin?from=2026-11-01&to=2026-11-30").with(admin())
				.header("Accept-Language", "de-DE,de;q=0.9"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(german).contains("<dd class=\"col-sm-8 col-lg-9\" id=\"total-count\">1.234</dd>")
			.contains("id=\"completed-count\">5.678</dd>")
			.contains("01.11.2026")
			.contains("30.11.2026")
			// the date inputs keep the machine format
			.contains("value=\"2026-11-01\"");

		String english = page("/admin?from=2026-11-01&to=2026-11-30");
		assertThat(english).contains("id=\"total-count\">1,234</dd>")
			.contains("Completed from 2026-11-01 to 2026-11-30");
	}

	@Test
	void isForbiddenToEveryoneElse() throws Exception {
		mvc.perform(get("/admin").with(user(TestUsers.signedIn(2, "d@test.example", "D", Role.DEVELOPER))))
			.andExpect(status().isForbidden());
		mvc.perform(get("/admin").with(user(TestUsers.signedIn(3, "s@test.example", "S", Role.SUBMITTER))))
			.andExpect(status().isForbidden());
		verifyNoInteractions(statistics, activity);
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
