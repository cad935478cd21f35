package io.queuedesk.ticket;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.queuedesk.system.AdminOnly;
import io.queuedesk.system.DateRange;
import io.queuedesk.ticket.TicketFigures.AssigneeLoad;
import io.queuedesk.ticket.TicketFigures.ClientCount;

/**
 * Aggregate ticket counts for the admin dashboard: four statements however many tickets
 * there are, each one an index serves (see docs/PERFORMANCE.md, "Admin pages"), and the
 * result kept for a short while ({@code queuedesk.dashboard.figures-ttl}, 30 s by
 * default) per date range and day, so a dashboard open on many screens counts once per
 * interval, not once per view. The page says when the figures were counted.
 * <ul>
 * <li>Not-completed tickets are counted per assignee and status in one grouped query over
 * the queued tickets (a quarter of all at most; on PostgreSQL an index-only scan of the
 * partial index {@code ix_tickets_queued_created}); the status counts, the overdue count
 * and the workload table all come from it.</li>
 * <li>Completed tickets: without a range, an index-only count of the archive's partial
 * index; with one, the tickets created in the range minus the queued ones (the created_at
 * index).</li>
 * <li>Queued per client: without a range, the sums of {@code queue_segments} (a few
 * hundred rows for every queue together, never the tickets); with one, the queued tickets
 * created in the range. Only the {@link #TOP_QUEUES} biggest queues are listed.</li>
 * <li>Completed in the period: a range of the archive's completed_at index.</li>
 * </ul>
 */
@Service
@Transactional(readOnly = true)
public class TicketStatistics {

	/** Queues listed on the dashboard, biggest first; the rest are counted ("N more"). */
	public static final int TOP_QUEUES = 20;

	/**
	 * People listed in the workload table, most open work first; the rest are counted.
	 */
	public static final int TOP_ASSIGNEES = 20;

	/** Ranges whose figures are kept at most; more are not expected from a dashboard. */
	private static final int MAX_CACHED = 64;

	private static final List<TicketStatus> NOT_COMPLETED = TicketStatus.queued();

	private final JdbcClient jdbc;

	private final Clock clock;

	/**
	 * Figures per range and day. Once older than the TTL they are counted again in the
	 * background while views still get the previous ones, so no view waits for the count
	 * (on a million tickets it reads a few hundred thousand index entries); a view after
	 * a quiet spell of twice the TTL counts afresh rather than show figures that old.
	 * Concurrent first views of a range wait for one count, not one each.
	 */
	private final LoadingCache<Key, TicketFigures> cache;

	private final boolean caching;

	TicketStatistics(JdbcClient jdbc, Clock clock, DashboardFiguresSettings settings) {
		this.jdbc = jdbc;
		this.clock = clock;
		Duration ttl = settings.figuresTtl();
		this.caching = !ttl.isZero() && !ttl.isNegative();
		this.cache = Caffeine.newBuilder()
			.maximumSize(MAX_CACHED)
			.refreshAfterWrite(caching ? ttl : Duration.ofSeconds(1))
			.expireAfterWrite(caching ? ttl.multipliedBy(2) : Duration.ofSeconds(2))
			.build(key -> count(key.range(), key.today(), clock.instant()));
	}

	/** Without a range, "completed" counts the last 30 days, today included. */
	static final int DEFAULT_PERIOD_DAYS = 30;

	/**
	 * Figures about the tickets created within {@code created}; completions are counted
	 * by their completion day, within the same range or, when it is open, the last 30
	 * days. Counted at most {@code queuedesk.dashboard.figures-ttl} before (twice that
	 * while a new count runs).
	 */
	@AdminOnly
	public TicketFigures figures(DateRange created) {
		LocalDate today = LocalDate.now(clock);
		Instant now = clock.instant();
		if (!caching) {
			return count(created, today, now);
		}
		return cache.get(new Key(created, today));
	}

	private TicketFigures count(DateRange created, LocalDate today, Instant now) {
		DateRange period = created.isOpen() ? new DateRange(today.minusDays(DEFAULT_PERIOD_DAYS - 1), today) : created;
		Map<String, Object> params = new LinkedHashMap<>();
		String range = createdIn(created, params);

		// 1. Queued tickets per assignee and status, with their overdue ones.
		Map<TicketStatus, Long> byStatus = new EnumMap<>(TicketStatus.class);
		for (TicketStatus status : TicketStatus.values()) {
			byStatus.put(status, 0L);
		}
		Map<Long, AssigneeLoad> loads = new LinkedHashMap<>();
		long[] overdue = { 0 };
		Map<String, Object> loadParams = new LinkedHashMap<>(params);
		loadParams.put("today", today);
		jdbc.sql("""
				select g.assignee_id, (select u.display_name from users u where u.id = g.assignee_id) as display_name,
				  g.status, g.tickets, g.overdue from (
				  select t.assignee_id, t.status, count(*) as tickets,
				    sum(case when t.target_date < :today then 1 else 0 end) as overdue
				  from tickets t where t.queue_rank is not null""" + range + """

				  group by t.assignee_id, t.status) g
				""").params(loadParams).query(rs -> {
			Long id = rs.getObject("assignee_id", Long.class);
			TicketStatus status = TicketStatus.valueOf(rs.getString("status"));
			long tickets = rs.getLong("tickets");
			byStatus.merge(status, tickets, Long::sum);
			overdue[0] += rs.getLong("overdue");
			String name = rs.getString("display_name");
			loads.computeIfAbsent(id, key -> new AssigneeLoad(key, name, zeroes())).byStatus().put(status, tickets);
		});
		long queued = NOT_COMPLETED.stream().mapToLong(byStatus::get).sum();

		// 2. Completed tickets (created in the range).
		long completed = created.isOpen()
				? jdbc.sql("select count(*) from tickets t where t.queue_rank is null").query(Long.class).single()
				: jdbc.sql("select count(*) from tickets t where " + range.substring(" and ".length()))
					.params(params)
					.query(Long.class)
					.single() - queued;
		byStatus.put(TicketStatus.COMPLETED, completed);

		// 3. The biggest queues.
		List<ClientCount> queues = new ArrayList<>();
		long[] queueCount = { 0 };
		String perClient = created.isOpen()
				? "select client_id, sum(ticket_count) as queued from queue_segments group by client_id"
						+ " having sum(ticket_count) > 0"
				: "select t.client_id, count(*) as queued from tickets t where t.queue_rank is not null" + range
						+ " group by t.client_id";
		jdbc.sql("select q.client_id, c.name, q.queued, count(*) over () as queues from (" + perClient
				+ ") q join clients c on c.id = q.client_id order by q.queued desc, c.name, c.id limit " + TOP_QUEUES)
			.params(params)
			.query(rs -> {
				queues.add(new ClientCount(rs.getLong("client_id"), rs.getString("name"), rs.getLong("queued")));
				queueCount[0] = rs.getLong("queues");
			});

		// 4. Completed in the period.
		Map<String, Object> periodParams = new LinkedHashMap<>();
		List<String> periodConditions = new ArrayList<>();
		if (period.from() != null) {
			periodConditions.add(" and t.completed_at >= :periodStart");
			periodParams.put("periodStart", utc(period.start(clock.getZone())));
		}
		if (period.to() != null) {
			periodConditions.add(" and t.completed_at < :periodEnd");
			periodParams.put("periodEnd", utc(period.end(clock.getZone())));
		}
		long completedInPeriod = jdbc
			.sql("select count(*) from tickets t where t.queue_rank is null" + String.join("", periodConditions))
			.params(periodParams)
			.query(Long.class)
			.single();

		List<AssigneeLoad> workload = top(loads.values());
		return new TicketFigures(byStatus, queues, queueCount[0] - queues.size(), workload,
				Math.max(0, loads.size() - workload.size()), overdue[0], period, completedInPeriod, now);
	}

	/**
	 * The {@link #TOP_ASSIGNEES} people with most open work by name, then "unassigned" if
	 * any.
	 */
	private static List<AssigneeLoad> top(Collection<AssigneeLoad> loads) {
		List<AssigneeLoad> people = new ArrayList<>(loads.stream().filter(load -> load.assigneeId() != null).toList());
		people.sort(Comparator.comparingLong(AssigneeLoad::total)
			.reversed()
			.thenComparing(load -> Objects.toString(load.name(), ""), String.CASE_INSENSITIVE_ORDER)
			.thenComparing(AssigneeLoad::assigneeId));
		List<AssigneeLoad> top = new ArrayList<>(people.subList(0, Math.min(TOP_ASSIGNEES, people.size())));
		top.sort(Comparator
			.comparing((AssigneeLoad load) -> Objects.toString(load.name(), ""), String.CASE_INSENSITIVE_ORDER)
			.thenComparing(AssigneeLoad::assigneeId));
		loads.stream().filter(load -> load.assigneeId() == null).forEach(top::add);
		return top;
	}

	/**
	 * " and …" conditions on created_at for the bounds that are set (nothing when open).
	 */
	private String createdIn(DateRange created, Map<String, Object> params) {
		StringBuilder sql = new StringBuilder();
		if (created.from() != null) {
			sql.append(" and t.created_at >= :start");
			params.put("start", utc(created.start(clock.getZone())));
		}
		if (created.to() != null) {
			sql.append(" and t.created_at < :end");
			params.put("end", utc(created.end(clock.getZone())));
		}
		return sql.toString();
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private static Map<TicketStatus, Long> zeroes() {
		Map<TicketStatus, Long> counts = new EnumMap<>(TicketStatus.class);
		NOT_COMPLETED.forEach(status -> counts.put(status, 0L));
		return counts;
	}

	private record Key(DateRange range, LocalDate today) {
	}

}
