package io.queuedesk.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import io.queuedesk.demo.DemoText.Text;
import io.queuedesk.queue.QueueFixture;
import io.queuedesk.ticket.TicketStatus;
import io.queuedesk.user.SignedInUser;

/**
 * The demo data (docs/RULES.md#demo-data-and-commands), created on start-up
 * (queuedesk.demo-data=true in tests) and only once. Other tests add tickets to the demo
 * clients, so the demo's tickets are found by their titles.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DemoDataTest {

	@Autowired
	DemoData demoData;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService accounts;

	@Test
	void loadsTheSpecifiedUsersClientsAndAreas() {
		assertThat(jdbc.sql("select email from users where email like '%@example.com' order by email")
			.query(String.class)
			.list()).containsExactly("admin@example.com", "developer1@example.com", "developer2@example.com",
					"user@example.com");
		assertThat(jdbc.sql("select name from clients where name like 'Client _' order by name")
			.query(String.class)
			.list()).containsExactly("Client A", "Client B", "Client C");
		assertThat(jdbc.sql("select name from product_areas order by name").query(String.class).list())
			.contains("Billing", "Claims", "Policies", "Reports");
	}

	/**
	 * Four tickets per client on positions 1–4 in the order of the list, alternately for
	 * Dev One and Dev Two, target dates from two days ago to four days ahead, and mixed
	 * statuses that kept their places.
	 */
	@Test
	void queuesHoldTwelveTicketsOfMixedStatusOnTheirRanks() {
		List<Map<String, Object>> rows = jdbc.sql("""
				select t.title, c.name as client, %s as pos, t.status, a.email as assignee, t.target_date,
				  p.name as area
				from tickets t join clients c on c.id = t.client_id join users a on a.id = t.assignee_id
				  join product_areas p on p.id = t.product_area_id
				where t.queue_rank is not null and t.title in (:titles)
				""".formatted(QueueFixture.POSITION))
			.param("titles", DemoText.QUEUED.stream().map(Text::title).toList())
			.query()
			.listOfRows();
		assertThat(rows).hasSize(12);
		LocalDate today = LocalDate.now();
		for (int n = 0; n < 12; n++) {
			String title = DemoText.QUEUED.get(n).title();
			Map<String, Object> row = rows.stream().filter(r -> r.get("title").equals(title)).findFirst().orElseThrow();
			assertThat(row.get("client")).as(title).isEqualTo(DemoData.CLIENTS.get(n / 4));
			assertThat(((Number) row.get("pos")).intValue()).as(title).isEqualTo(n % 4 + 1);
			assertThat(row.get("status")).as(title).isEqualTo(DemoData.QUEUED_STATUSES.get(n).name());
			assertThat(row.get("assignee")).as(title)
				.isEqualTo(n % 2 == 0 ? DemoData.DEV_ONE_EMAIL : DemoData.DEV_TWO_EMAIL);
			assertThat(row.get("area")).as(title).isEqualTo(DemoData.PRODUCT_AREAS.get(n % 4));
			assertThat(((java.sql.Date) row.get("target_date")).toLocalDate()).as(title)
				.isEqualTo(today.plusDays(-2 + n % 7));
		}
		assertThat(rows).extracting(row -> row.get("status"))
			.contains("OPEN", "ACCEPTED", "IN_PROGRESS", "ON_HOLD")
			.doesNotContain("COMPLETED");
	}

	@Test
	void completedTicketsAreInTheArchiveAndOutOfTheQueues() throws Exception {
		List<Map<String, Object>> rows = jdbc
			.sql("select title, status, queue_rank, completed_at from tickets where title in (:titles)")
			.param("titles", DemoData.ARCHIVED.stream().map(Text::title).toList())
			.query()
			.listOfRows();
		assertThat(rows).hasSize(4).allSatisfy(row -> {
			assertThat(row.get("status")).isEqualTo("COMPLETED");
			assertThat(row.get("queue_rank")).isNull();
			assertThat(row.get("completed_at")).isNotNull();
		});
		String archive = page("/archive?q=round cents", DemoData.ADMIN_EMAIL);
		assertThat(archive).contains(DemoText.ROUNDING.title());
	}

	/**
	 * Comments by several people on several tickets, status-change comments written by
	 * the workflow, and exactly one internal note, which the submitter does not see on
	 * the ticket page (nor its history entry), while a developer does.
	 */
	@Test
	void commentsAndOneInternalNoteThatTheSubmitterDoesNotSee() throws Exception {
		String demo = "ticket_id in (select id from tickets where title in (:titles))";
		List<String> titles = titles();
		assertThat(count("select count(distinct ticket_id) from comments where system_comment = false and " + demo,
				titles))
			.isGreaterThanOrEqualTo(5);
		assertThat(count("select count(distinct author_id) from comments where system_comment = false and " + demo,
				titles))
			.isEqualTo(4);
		assertThat(count("select count(*) from comments where system_comment = true and " + demo, titles))
			.isEqualTo(count("select count(*) from activity_log where action = 'STATUS_CHANGED' and " + demo, titles))
			.isGreaterThanOrEqualTo(20);
		assertThat(count("select count(*) from comments where internal = true and " + demo, titles)).isOne();

		long ticket = jdbc.sql("""
				select t.id from tickets t join comments m on m.ticket_id = t.id
				where m.internal = true and t.title in (:titles)
				""").param("titles", titles).query(Long.class).single();
		assertThat(jdbc.sql("select s.email from tickets t join users s on s.id = t.submitter_id where t.id = ?")
			.param(ticket)
			.query(String.class)
			.single()).isEqualTo(DemoData.SUBMITTER_EMAIL);
		String submitterView = page("/tickets/" + ticket, DemoData.SUBMITTER_EMAIL);
		String developerView = page("/tickets/" + ticket, DemoData.DEV_ONE_EMAIL);
		assertThat(developerView).contains("case 88123").contains("internal note #");
		assertThat(submitterView).contains("FL-2023-0042")
			.doesNotContain("case 88123")
			.doesNotContain("internal note #");
	}

	/**
	 * The activity log holds what the services wrote for each step, spread over the last
	 * days in the order it happened; no mail of the story is left in the outbox.
	 */
	@Test
	void activityEntriesAsTheServicesWroteThem() {
		List<String> titles = titles();
		String demo = "ticket_id in (select id from tickets where title in (:titles))";
		List<Map<String, Object>> actions = jdbc
			.sql("select action, count(*) as n from activity_log where " + demo + " group by action")
			.param("titles", titles)
			.query()
			.listOfRows();
		assertThat(actions).extracting(row -> row.get("action"))
			.containsExactlyInAnyOrder("TICKET_CREATED", "TICKET_ASSIGNED", "STATUS_CHANGED", "COMMENT_ADDED");
		assertThat(count("select count(*) from activity_log where action = 'TICKET_CREATED' and " + demo, titles))
			.isEqualTo(16);
		// Every ticket has an assignee: assigned on creation, by an admin, or picked up.
		assertThat(
				count("select count(distinct ticket_id) from activity_log where action = 'TICKET_ASSIGNED' and " + demo,
						titles))
			.isEqualTo(16);
		assertThat(count("select count(*) from activity_log where internal = true and " + demo, titles)).isOne();
		assertThat(count("select count(distinct actor_email) from activity_log where " + demo, titles)).isEqualTo(4);

		List<Instant> times = jdbc.sql("select occurred_at from activity_log where " + demo + " order by id")
			.param("titles", titles)
			.query((rs, n) -> rs.getTimestamp(1).toInstant())
			.list();
		assertThat(times).isSorted();
		assertThat(times.get(0)).isBefore(Instant.now().minus(Duration.ofDays(7)));
		assertThat(times.get(times.size() - 1)).isBefore(Instant.now())
			.isAfter(Instant.now().minus(Duration.ofDays(2)));

		assertThat(count("select count(*) from mail_outbox where " + demo, titles)).isZero();
	}

	/** The audit trail shows a demo ticket's history from its creation on. */
	@Test
	void theAuditTrailShowsTheHistory() throws Exception {
		long ticket = jdbc.sql("select id from tickets where title = ?")
			.param(DemoText.QUEUED.get(0).title())
			.query(Long.class)
			.single();
		String trail = page("/admin/activity?ticket=" + ticket, DemoData.ADMIN_EMAIL);
		assertThat(trail).contains("client: Client A, position #1")
			.contains("assignee: — → Dev One")
			.contains("status: OPEN → ACCEPTED")
			.contains("status: ACCEPTED → IN_PROGRESS")
			.contains(DemoData.SUBMITTER_EMAIL);
	}

	@Test
	void loadingAgainChangesNothing() {
		long users = jdbc.sql("select count(*) from users").query(Long.class).single();
		long tickets = jdbc.sql("select count(*) from tickets").query(Long.class).single();

		assertThat(demoData.loadIfAbsent()).isFalse();

		assertThat(jdbc.sql("select count(*) from users").query(Long.class).single()).isEqualTo(users);
		assertThat(jdbc.sql("select count(*) from tickets").query(Long.class).single()).isEqualTo(tickets);
	}

	@Test
	void demoPasswordsAreStoredAsBcryptHashes() {
		assertThat(jdbc.sql("select password_hash from users where email = 'admin@example.com'")
			.query(String.class)
			.single()).startsWith("{bcrypt}$2");
	}

	private static List<String> titles() {
		return java.util.stream.Stream.concat(DemoText.QUEUED.stream(), DemoData.ARCHIVED.stream())
			.map(Text::title)
			.toList();
	}

	private long count(String sql, List<String> titles) {
		return jdbc.sql(sql).param("titles", titles).query(Long.class).single();
	}

	private String page(String url, String email) throws Exception {
		SignedInUser signedIn = (SignedInUser) accounts.loadUserByUsername(email);
		return mvc.perform(get(url).with(user(signedIn))).andReturn().getResponse().getContentAsString();
	}

}
