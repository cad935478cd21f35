package io.queuedesk.dashboard;

import java.time.Clock;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

import io.queuedesk.activity.ActivityTrail;
import io.queuedesk.system.DateRange;
import io.queuedesk.system.DateRangeFilter;
import io.queuedesk.ticket.TicketFigures;
import io.queuedesk.ticket.TicketStatistics;
import io.queuedesk.ticket.TicketStatus;

/**
 * The admin home (docs/RULES.md#pages-and-routes). Reads only; never changes anything.
 * The figures may be a few seconds old (see {@link TicketStatistics}); the page says when
 * they were counted.
 */
@Controller
class DashboardController {

	static final int RECENT_ACTIVITY = 10;

	private final TicketStatistics statistics;

	private final ActivityTrail activity;

	private final MessageSource messages;

	private final Clock clock;

	DashboardController(TicketStatistics statistics, ActivityTrail activity, MessageSource messages, Clock clock) {
		this.statistics = statistics;
		this.activity = activity;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/admin")
	String dashboard(@ModelAttribute("filter") DateRangeFilter filter, BindingResult result, Model model) {
		DateRange range = filter.range(result);
		TicketFigures figures = statistics.figures(range);
		model.addAttribute("range", range);
		model.addAttribute("figures", figures);
		model.addAttribute("total", figures.total());
		model.addAttribute("statusChart",
				BarChart.of("chart-status",
						figures.byStatus()
							.entrySet()
							.stream()
							.map(e -> BarChart.bar(text("status." + e.getKey()), e.getValue()))
							.toList()));
		model.addAttribute("queueChart", BarChart.of("chart-queues",
				figures.queuedByClient().stream().map(c -> BarChart.bar(c.clientName(), c.queued())).toList()));
		model.addAttribute("workloadChart",
				BarChart.of("chart-workload", figures.workload()
					.stream()
					.map(w -> BarChart.bar(w.name() == null ? text("dashboard.unassigned") : w.name(), w.total()))
					.toList()));
		model.addAttribute("notCompleted", TicketStatus.queued());
		model.addAttribute("topQueues", TicketStatistics.TOP_QUEUES);
		model.addAttribute("topAssignees", TicketStatistics.TOP_ASSIGNEES);
		model.addAttribute("asOf",
				LocalTime.ofInstant(figures.asOf(), clock.getZone()).truncatedTo(ChronoUnit.SECONDS));
		model.addAttribute("recent", activity.recent(RECENT_ACTIVITY));
		return "dashboard/index";
	}

	private String text(String code) {
		return messages.getMessage(code, null, LocaleContextHolder.getLocale());
	}

}
