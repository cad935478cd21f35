package io.queuedesk.ticket;

import static io.queuedesk.ticket.TicketTestData.DEV_ONE;
import static io.queuedesk.ticket.TicketTestData.DEV_TWO;
import static io.queuedesk.ticket.TicketTestData.SUBMITTER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

import io.queuedesk.StatementCounter;
import io.queuedesk.system.DateRange;
import io.queuedesk.ticket.TicketFigures.AssigneeLoad;
import io.queuedesk.ticket.TicketFigures.ClientCount;

/**
 * The dashboard's figures against the real database. The tickets of a test are dated on a
 * day long past (random per test), so a range on that day sees only them in the shared
 * database.
 */
@SpringBootTest
@Import(StatementCounter.class)
class TicketStatisticsTest {

	@Autowired
	TicketStatistics statistics;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService accounts;

	@Autowired
	Clock clock;

	TicketTestData data;

	long client;

	final LocalDate day = LocalDate.of(1900, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(36_000));

	final LocalDate past = LocalDate.now().minusDays(3);

	@BeforeEach
	void setUp() {
		data = new TicketTestData(jdbc, accounts);
		client = data.client("Stats");
		data.signIn(TicketTestData.ADMIN);
	}

	@AfterEach
	void signOut() {
		TicketTestData.signOut();
	}

	@Test
	void figuresMatchTheTicketsCreatedInTheRange() {
		ticket("a", "OPEN", DEV_ONE, past, day);
		ticket("b", "IN_PROGRESS", DEV_ONE, null, day);
		ticket("c", "ON_HOLD", DEV_TWO, past, day);
		ticket("d", "OPEN", null, null, day);
		ticket("e", "COMPLETED", DEV_ONE, past, day);
		ticket("f", "ACCEPTED", DEV_TWO, past, day.plusDays(10));

		TicketFigures oneDay = statistics.figures(new DateRange(day, day));

		assertThat(oneDay.byStatus()).containsExactly(Map.entry(TicketStatus.OPEN, 2L),
				Map.entry(TicketStatus.ACCEPTED, 0L), Map.entry(TicketStatus.IN_PROGRESS, 1L),
				Map.entry(TicketStatus.ON_HOLD, 1L), Map.entry(TicketStatus.COMPLETED, 1L));
		assertThat(oneDay.total()).isEqualTo(5);
		assertThat(oneDay.queuedByClient()).contains(new ClientCount(client, data.clientName(client), 4));
		assertThat(oneDay.workload()).containsExactly(load(DEV_ONE, "Dev One", 1, 0, 1, 0),
				load(DEV_TWO, "Dev Two", 0, 0, 0, 1), load(null, null, 1, 0, 0, 0));
		assertThat(oneDay.overdue()).as("a and c; e is completed").isEqualTo(2);
		assertThat(oneDay.period()).isEqualTo(new DateRange(day, day));
		assertThat(oneDay.completedInPeriod()).isEqualTo(1);

		TicketFigures elevenDays = statistics.figures(new DateRange(day, day.plusDays(10)));
		assertThat(elevenDays.byStatus().get(TicketStatus.ACCEPTED)).isEqualTo(1);
		assertThat(elevenDays.queuedByClient()).contains(new ClientCount(client, data.clientName(client), 5));
		assertThat(elevenDays.workload().get(1)).isEqualTo(load(DEV_TWO, "Dev Two", 0, 1, 0, 1));
		assertThat(elevenDays.overdue()).isEqualTo(3);

		assertThat(statistics.figures(new DateRange(day.plusDays(1), day.plusDays(9))).total()).isZero();
		// Only queues with tickets are listed (the biggest first); before, every client
		// was, with 0.
		assertThat(statistics.figures(new DateRange(null, day.minusDays(1))).queuedByClient())
			.noneMatch(count -> count.clientId() == client);
	}

	@Test
	void withoutARangeEverythingCountsAndCompletionsOfTheLast30Days() {
		ticket("old", "COMPLETED", DEV_ONE, null, day);
		TicketFigures all = statistics.figures(DateRange.ALL);
		long completed = data.count("select count(*) from tickets where status = 'COMPLETED'");
		LocalDate today = LocalDate.now(clock);

		assertThat(all.byStatus().get(TicketStatus.COMPLETED)).isEqualTo(completed);
		assertThat(all.total()).isEqualTo(data.count("select count(*) from tickets"));
		assertThat(all.period()).isEqualTo(new DateRange(today.minusDays(29), today));
		assertThat(all.completedInPeriod())
			.isEqualTo(data.count("select count(*) from tickets where status = 'COMPLETED' and completed_at >= ?",
					Timestamp.from(today.minusDays(29).atStartOfDay(ZoneId.systemDefault()).toInstant())));
		assertThat(all.completedInPeriod()).as("the ticket completed in %s is outside", day).isLessThan(completed);
	}

	@Test
	void aConstantNumberOfStatementsHoweverManyTickets() {
		ticket("first", "OPEN", DEV_ONE, past, day);
		StatementCounter.reset();
		statistics.figures(new DateRange(day, day));
		int few = StatementCounter.count();

		for (int i = 0; i < 40; i++) {
			ticket("more " + i, i % 2 == 0 ? "OPEN" : "COMPLETED", i % 3 == 0 ? DEV_TWO : null, past, day);
		}
		StatementCounter.reset();
		TicketFigures many = statistics.figures(new DateRange(day, day));

		assertThat(many.total()).isEqualTo(41);
		assertThat(StatementCounter.count()).isEqualTo(few).isLessThanOrEqualTo(4);
	}

	@Test
	void onlyTheBiggestQueuesAreListedAndTheRestCounted() {
		List<Long> clients = new ArrayList<>();
		List<String> developers = new ArrayList<>();
		for (int i = 0; i < TicketStatistics.TOP_QUEUES + 2; i++) {
			long other = data.client("Top" + i);
			clients.add(other);
			String developer = "top" + i + "-" + data.tag + "@test.example";
			data.sql(
					"insert into users (email, display_name, password_hash, active, confirmed, created_at)"
							+ " values (?, ?, '{noop}x', true, true, current_timestamp)",
					developer, "Top " + i + " " + data.tag);
			data.sql("insert into user_roles (user_id, role) values (?, 'DEVELOPER')", data.userId(developer));
			developers.add(developer);
			for (int n = 0; n <= i; n++) {
				long id = data.ticket(other, "q" + n + " " + data.tag, "About", "Billing", null, "OPEN", SUBMITTER,
						n == 0 && i == 0 ? null : developer);
				Timestamp at = Timestamp.from(day.atTime(12, 0).atZone(ZoneId.systemDefault()).toInstant());
				data.sql("update tickets set created_at = ? where id = ?", at, id);
			}
		}

		TicketFigures figures = statistics.figures(new DateRange(day, day));

		assertThat(figures.queuedByClient()).hasSize(TicketStatistics.TOP_QUEUES);
		assertThat(figures.queuedByClient().get(0)).isEqualTo(new ClientCount(clients.get(clients.size() - 1),
				data.clientName(clients.get(clients.size() - 1)), TicketStatistics.TOP_QUEUES + 2));
		assertThat(figures.queuedByClient()).extracting(ClientCount::queued)
			.isSortedAccordingTo((a, b) -> Long.compare(b, a));
		assertThat(figures.queuedByClient()).extracting(ClientCount::clientId)
			.doesNotContain(clients.get(0), clients.get(1));
		assertThat(figures.otherQueues()).isEqualTo(2);
		// The 20 people with most open work by name, then "unassigned"; of 21 people with
		// open work (the
		// first developer's only ticket is unassigned) the one with least is counted, not
		// listed.
		assertThat(figures.workload()).hasSize(TicketStatistics.TOP_ASSIGNEES + 1);
		assertThat(figures.workload().get(TicketStatistics.TOP_ASSIGNEES).assigneeId()).isNull();
		assertThat(figures.workload()).extracting(AssigneeLoad::assigneeId)
			.doesNotContain(data.userId(developers.get(0)), data.userId(developers.get(1)))
			.contains(data.userId(developers.get(2)));
		assertThat(figures.workload().subList(0, TicketStatistics.TOP_ASSIGNEES)).extracting(AssigneeLoad::name)
			.isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
		assertThat(figures.otherAssignees()).isEqualTo(1);
		assertThat(figures.total())
			.isEqualTo((TicketStatistics.TOP_QUEUES + 2) * (TicketStatistics.TOP_QUEUES + 3) / 2);
	}

	@Test
	void figuresAreKeptForTheirTimeToLivePerRange() {
		TicketStatistics cached = new TicketStatistics(jdbc, clock, new DashboardFiguresSettings(Duration.ofHours(1)));
		ticket("first", "OPEN", DEV_ONE, past, day);
		TicketFigures before = cached.figures(new DateRange(day, day));
		ticket("second", "OPEN", DEV_ONE, past, day);

		assertThat(cached.figures(new DateRange(day, day))).isSameAs(before);
		assertThat(cached.figures(new DateRange(day, day.plusDays(1))).total()).isEqualTo(2);
		assertThat(new TicketStatistics(jdbc, clock, new DashboardFiguresSettings(Duration.ZERO))
			.figures(new DateRange(day, day))
			.total()).isEqualTo(2);
	}

	@Test
	void onlyForAdmins() {
		data.signIn(DEV_ONE);
		assertThatThrownBy(() -> statistics.figures(DateRange.ALL)).isInstanceOf(AuthorizationDeniedException.class);
	}

	private void ticket(String title, String status, String assignee, LocalDate targetDate, LocalDate created) {
		long id = data.ticket(client, title + " " + data.tag, "About " + title, "Billing", targetDate, status,
				SUBMITTER, assignee);
		Timestamp at = Timestamp.from(created.atTime(12, 0).atZone(ZoneId.systemDefault()).toInstant());
		data.sql("update tickets set created_at = ?, updated_at = ?, completed_at = ? where id = ?", at, at,
				"COMPLETED".equals(status) ? at : null, id);
	}

	private AssigneeLoad load(String email, String name, long open, long accepted, long inProgress, long onHold) {
		return new AssigneeLoad(email == null ? null : data.userId(email), name, Map.of(TicketStatus.OPEN, open,
				TicketStatus.ACCEPTED, accepted, TicketStatus.IN_PROGRESS, inProgress, TicketStatus.ON_HOLD, onHold));
	}

}
