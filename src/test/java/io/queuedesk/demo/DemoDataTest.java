package io.queuedesk.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import io.queuedesk.queue.QueueFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo data (docs/RULES.md#demo-data-and-commands), created on start-up
 * (queuedesk.demo-data=true in tests) and only once.
 */
@SpringBootTest
class DemoDataTest {

	@Autowired
	DemoData demoData;

	@Autowired
	JdbcClient jdbc;

	@Test
	void loadsTheSpecifiedUsersClientsAreasAndTickets() {
		assertThat(jdbc.sql("select email from users where email like '%@example.com' order by email")
			.query(String.class)
			.list()).containsExactly("admin@example.com", "developer1@example.com", "developer2@example.com",
					"user@example.com");
		assertThat(jdbc.sql("select name from clients where name like 'Client _' order by name")
			.query(String.class)
			.list()).containsExactly("Client A", "Client B", "Client C");
		assertThat(jdbc.sql("select name from product_areas order by name").query(String.class).list())
			.contains("Billing", "Claims", "Policies", "Reports");
		List<Map<String, Object>> queues = jdbc
			.sql("""
					select name, count(*) as n, min(pos) as lo, max(pos) as hi, count(distinct assignee_id) as devs from (
					  select c.name, t.assignee_id, %s as pos
					  from tickets t join clients c on c.id = t.client_id
					  where c.name like 'Client _' and t.title in (select title from tickets where description like '%%demo data%%')
					) demo group by name order by name
					"""
				.formatted(QueueFixture.POSITION))
			.query()
			.listOfRows();
		assertThat(queues).hasSize(3).allSatisfy(row -> {
			assertThat(((Number) row.get("n")).intValue()).isEqualTo(4);
			assertThat(((Number) row.get("lo")).intValue()).isEqualTo(1);
			assertThat(((Number) row.get("hi")).intValue()).isEqualTo(4);
			assertThat(((Number) row.get("devs")).intValue()).isEqualTo(2);
		});
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

}
