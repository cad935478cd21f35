package io.queuedesk.ticket;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How long {@link TicketStatistics} keeps the dashboard's figures per date range
 * ({@code queuedesk.dashboard.figures-ttl}, default in {@code application.properties};
 * zero counts on every view).
 */
@Validated
@ConfigurationProperties("queuedesk.dashboard")
public record DashboardFiguresSettings(@NotNull @DurationMin(millis = 0) Duration figuresTtl) {
}
