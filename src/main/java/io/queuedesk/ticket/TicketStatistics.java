package io.queuedesk.ticket;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.persistence.EntityManager;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.queuedesk.system.AdminOnly;
import io.queuedesk.system.DateRange;
import io.queuedesk.ticket.TicketFigures.AssigneeLoad;
import io.queuedesk.ticket.TicketFigures.ClientCount;

/**
 * Aggregate ticket counts for the admin dashboard: a fixed number of GROUP BY queries however
 * many tickets there are. Open bounds become far-away instants rather than optional SQL
 * conditions, so every query has one shape that the created_at/completed_at indexes serve.
 */
@Service
@Transactional(readOnly = true)
public class TicketStatistics {

	private static final Instant EARLIEST = Instant.parse("1000-01-01T00:00:00Z");

	private static final Instant LATEST = Instant.parse("9999-12-31T00:00:00Z");

	private static final List<TicketStatus> NOT_COMPLETED = TicketStatus.queued();

	private final EntityManager em;

	private final Clock clock;

	TicketStatistics(EntityManager em, Clock clock) {
		this.em = em;
		this.clock = clock;
	}

	/** Without a range, "completed" counts the last 30 days, today included. */
	static final int DEFAULT_PERIOD_DAYS = 30;

	/**
	 * Figures about the tickets created within {@code created}; completions are counted by their
	 * completion day, within the same range or, when it is open, the last 30 days.
	 */
	@AdminOnly
	public TicketFigures figures(DateRange created) {
		Instant start = start(created);
		Instant end = end(created);
		LocalDate today = LocalDate.now(clock);
		DateRange period = created.isOpen() ? new DateRange(today.minusDays(DEFAULT_PERIOD_DAYS - 1), today) : created;
		return new TicketFigures(byStatus(start, end), queuedByClient(start, end), workload(start, end),
				overdue(start, end), period, completed(start(period), end(period)));
	}

	private Map<TicketStatus, Long> byStatus(Instant start, Instant end) {
		Map<TicketStatus, Long> counts = new EnumMap<>(TicketStatus.class);
		for (TicketStatus status : TicketStatus.values()) {
			counts.put(status, 0L);
		}
		em.createQuery("""
				select t.status, count(t) from Ticket t where t.createdAt >= :start and t.createdAt < :end
				group by t.status
				""", Object[].class)
			.setParameter("start", start)
			.setParameter("end", end)
			.getResultList()
			.forEach(row -> counts.put((TicketStatus) row[0], (Long) row[1]));
		return counts;
	}

	/** Every client, also those with an empty queue: a left entity join. */
	private List<ClientCount> queuedByClient(Instant start, Instant end) {
		return em.createQuery("""
				select c.id, c.name, count(t)
				from Client c left join Ticket t on t.client = c and t.queueRank is not null
				  and t.createdAt >= :start and t.createdAt < :end
				group by c.id, c.name order by c.name
				""", Object[].class)
			.setParameter("start", start)
			.setParameter("end", end)
			.getResultList()
			.stream()
			.map(row -> new ClientCount((Long) row[0], (String) row[1], (Long) row[2]))
			.toList();
	}

	private List<AssigneeLoad> workload(Instant start, Instant end) {
		List<Object[]> rows = em.createQuery("""
				select a.id, a.displayName, t.status, count(t) from Ticket t left join t.assignee a
				where t.status in :statuses and t.createdAt >= :start and t.createdAt < :end
				group by a.id, a.displayName, t.status
				""", Object[].class)
			.setParameter("statuses", NOT_COMPLETED)
			.setParameter("start", start)
			.setParameter("end", end)
			.getResultList();
		Map<Long, AssigneeLoad> loads = new LinkedHashMap<>();
		for (Object[] row : rows) {
			Long id = (Long) row[0];
			AssigneeLoad load = loads.computeIfAbsent(id, key -> new AssigneeLoad(key, (String) row[1], zeroes()));
			load.byStatus().put((TicketStatus) row[2], (Long) row[3]);
		}
		List<AssigneeLoad> sorted = new ArrayList<>(loads.values());
		sorted.sort(Comparator.comparing((AssigneeLoad load) -> load.assigneeId() == null)
			.thenComparing(load -> Objects.toString(load.name(), ""), String.CASE_INSENSITIVE_ORDER));
		return sorted;
	}

	private long overdue(Instant start, Instant end) {
		return em.createQuery("""
				select count(t) from Ticket t where t.targetDate < :today and t.status in :statuses
				  and t.createdAt >= :start and t.createdAt < :end
				""", Long.class)
			.setParameter("today", LocalDate.now(clock))
			.setParameter("statuses", NOT_COMPLETED)
			.setParameter("start", start)
			.setParameter("end", end)
			.getSingleResult();
	}

	private long completed(Instant start, Instant end) {
		return em.createQuery("""
				select count(t) from Ticket t where t.status = io.queuedesk.ticket.TicketStatus.COMPLETED
				  and t.completedAt >= :start and t.completedAt < :end
				""", Long.class)
			.setParameter("start", start)
			.setParameter("end", end)
			.getSingleResult();
	}

	private static Map<TicketStatus, Long> zeroes() {
		Map<TicketStatus, Long> counts = new EnumMap<>(TicketStatus.class);
		NOT_COMPLETED.forEach(status -> counts.put(status, 0L));
		return counts;
	}

	private Instant start(DateRange range) {
		Instant start = range.start(clock.getZone());
		return start == null ? EARLIEST : start;
	}

	private Instant end(DateRange range) {
		Instant end = range.end(clock.getZone());
		return end == null ? LATEST : end;
	}

}
