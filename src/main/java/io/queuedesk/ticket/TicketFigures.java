package io.queuedesk.ticket;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.queuedesk.system.DateRange;

/**
 * The dashboard's ticket figures (docs/RULES.md#pages-and-routes), from a fixed number of
 * aggregate queries that indexes serve, possibly a few seconds old (see
 * {@link TicketStatistics}).
 *
 * @param byStatus tickets per status, zero included, in workflow order
 * @param queuedByClient the biggest queues (at most {@link TicketStatistics#TOP_QUEUES}),
 * biggest first; clients with no queued tickets are not listed
 * @param otherQueues clients with queued tickets that are not listed
 * @param workload not-completed tickets per assignee by status, for the people with most
 * open work (at most {@link TicketStatistics#TOP_ASSIGNEES}) by name, then "unassigned"
 * (null id)
 * @param otherAssignees people with open work that are not listed
 * @param overdue tickets whose target date has passed and that are not completed
 * @param period the days {@code completedInPeriod} counts (from/to may be open)
 * @param completedInPeriod tickets completed within {@code period}
 * @param asOf when the figures were counted
 */
public record TicketFigures(Map<TicketStatus, Long> byStatus, List<ClientCount> queuedByClient, long otherQueues,
		List<AssigneeLoad> workload, long otherAssignees, long overdue, DateRange period, long completedInPeriod,
		Instant asOf) {

	public long total() {
		return byStatus.values().stream().mapToLong(Long::longValue).sum();
	}

	/** Queued tickets of one client. */
	public record ClientCount(long clientId, String clientName, long queued) {
	}

	/** Not-completed tickets of one assignee (id and name null: unassigned) by status. */
	public record AssigneeLoad(Long assigneeId, String name, Map<TicketStatus, Long> byStatus) {

		public long total() {
			return byStatus.values().stream().mapToLong(Long::longValue).sum();
		}

	}

}
