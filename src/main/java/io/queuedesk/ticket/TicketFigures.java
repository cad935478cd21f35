package io.queuedesk.ticket;

import java.util.List;
import java.util.Map;

import io.queuedesk.system.DateRange;

/**
 * The dashboard's ticket figures (SPEC §6), each from one aggregate query.
 * @param byStatus tickets per status, zero included, in workflow order
 * @param queuedByClient queued tickets per client, every client listed, by name
 * @param workload not-completed tickets per assignee by status, by name, "unassigned" (null id) last
 * @param overdue tickets whose target date has passed and that are not completed
 * @param period the days {@code completedInPeriod} counts (from/to may be open)
 * @param completedInPeriod tickets completed within {@code period}
 */
public record TicketFigures(Map<TicketStatus, Long> byStatus, List<ClientCount> queuedByClient,
		List<AssigneeLoad> workload, long overdue, DateRange period, long completedInPeriod) {

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
