package io.queuedesk.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import io.queuedesk.queue.QueueFixture;
import io.queuedesk.StatementCounter;
import io.queuedesk.user.Role;
import io.queuedesk.user.TestUsers;

/**
 * /admin against the real database: the figures of tickets created on a day long past
 * (random per test, so the shared database's other tickets stay outside the range), the
 * overdue link, and a constant number of statements however many tickets there are.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(StatementCounter.class)
class DashboardPageTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	final LocalDate day = LocalDate.of(1900, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(36_000));

	@Test
	void showsTheFiguresOfTheRangeInAConstantNumberOfStatements() throws Exception {
		String name = "Dash " + UUID.randomUUID().toString().substring(0, 8);
		long client = client(name);
		ticket(client, 1, "OPEN", LocalDate.now().minusDays(2));
		ticket(client, 2, "ON_HOLD", null);

		StatementCounter.reset();
		String html = dashboard();
		int few = StatementCounter.count();

		assertThat(html).contains("only tickets created from " + day + " to " + day)
			.contains("href=\"/tickets?overdue=true\"")
			.contains(">1 overdue ticket</a>")
			.contains(
					"href=\"/queues/" + client + "\">" + name + "</a></td>\n            <td class=\"text-end\">2</td>")
			.contains("id=\"total-count\">2<");

		for (int i = 3; i <= 40; i++) {
			ticket(client, i, "OPEN", null);
		}
		StatementCounter.reset();
		html = dashboard();

		assertThat(html).contains("id=\"total-count\">40<");
		assertThat(StatementCounter.count()).isEqualTo(few).isLessThanOrEqualTo(6);
	}

	private String dashboard() throws Exception {
		return mvc
			.perform(get("/admin").param("from", day.toString())
				.param("to", day.toString())
				.with(user(TestUsers.signedIn(1, "a@test.example", "Ada", Role.ADMIN))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private long client(String name) {
		jdbc.sql("insert into clients (name, active, created_at, version) values (?, true, ?, 0)")
			.params(name, new Timestamp(System.currentTimeMillis()))
			.update();
		return jdbc.sql("select id from clients where name = ?").param(name).query(Long.class).single();
	}

	private void ticket(long client, int rank, String status, LocalDate targetDate) {
		Timestamp created = Timestamp.from(day.atTime(9, 0).atZone(ZoneId.systemDefault()).toInstant());
		jdbc.sql("""
				insert into tickets (title, description, client_id, product_area_id, queue_rank, target_date, status,
				  submitter_id, created_at, updated_at, version)
				values (?, 'd', ?, (select id from product_areas where name = 'Billing'), ?, ?, ?,
				  (select id from users where email = 'user@example.com'), ?, ?, 0)
				""")
			.params("T" + rank, client, "COMPLETED".equals(status) ? null : QueueFixture.rank(rank),
					targetDate == null ? null : Date.valueOf(targetDate), status, created, created)
			.update();
		QueueFixture.recount(jdbc, client);
	}

}
