package io.queuedesk.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.queuedesk.queue.QueueFixture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily overdue digest: one mail per active admin listing overdue tickets by client;
 * none when none.
 */
@SpringBootTest
class OverdueDigestTest {

	@Autowired
	OverdueDigest digest;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	final String tag = UUID.randomUUID().toString().substring(0, 8);

	@Test
	void listsOverdueTicketsByClientToEveryActiveAdmin() {
		long client = client("Digest " + tag);
		String late = ticket(client, "Late " + tag, LocalDate.now().minusDays(2), "OPEN", 1);
		String done = ticket(client, "Done " + tag, LocalDate.now().minusDays(2), "COMPLETED", null);
		String future = ticket(client, "Future " + tag, LocalDate.now().plusDays(2), "OPEN", 2);
		long before = maxId();
		int queued = digest.send();
		List<String[]> rows = jdbc.sql("select recipient, subject, text_body, html_body from mail_outbox where id > ?")
			.param(before)
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4) })
			.list()
			.stream()
			.filter(row -> row[2].contains(late))
			.toList();
		assertThat(queued).isEqualTo(rows.size());
		assertThat(rows).extracting(row -> row[0])
			.contains("admin@example.com")
			.doesNotContain("user@example.com", "developer1@example.com");
		String[] mail = rows.get(0);
		assertThat(mail[1]).startsWith("[Queuedesk] Overdue tickets: ");
		assertThat(mail[2]).contains("Digest " + tag).contains(late).doesNotContain(done).doesNotContain(future);
		assertThat(mail[3]).contains("Digest " + tag).contains(late).contains("/tickets/");
	}

	@Test
	void sendsNothingWhenNothingIsOverdue() {
		transactions.executeWithoutResult(status -> {
			jdbc.sql("update tickets set target_date = null where target_date < ?")
				.param(Date.valueOf(LocalDate.now()))
				.update();
			long before = maxId();
			assertThat(digest.send()).isZero();
			assertThat(maxId()).isEqualTo(before);
			status.setRollbackOnly();
		});
	}

	@Test
	void isQueuedOncePerDayHoweverManyInstancesRun() {
		ticket(client("Digest " + tag), "Late " + tag, LocalDate.now().minusDays(1), "OPEN", 1);
		LocalDate day = LocalDate.of(2200, 1, 1).plusDays(Math.abs(tag.hashCode() % 30000));
		assertThat(digest.sendOnce(day)).isPositive();
		assertThat(digest.sendOnce(day)).isZero();
	}

	long maxId() {
		return jdbc.sql("select coalesce(max(id), 0) from mail_outbox").query(Long.class).single();
	}

	long client(String name) {
		jdbc.sql("insert into clients (name, active, created_at, version) values (?, true, ?, 0)")
			.params(name, Timestamp.from(Instant.now()))
			.update();
		return jdbc.sql("select id from clients where name = ?").param(name).query(Long.class).single();
	}

	String ticket(long client, String title, LocalDate target, String status, Integer priority) {
		long area = jdbc.sql("select id from product_areas where name = 'Billing'").query(Long.class).single();
		long submitter = jdbc.sql("select id from users where email = 'user@example.com'").query(Long.class).single();
		Timestamp now = Timestamp.from(Instant.now());
		jdbc.sql("""
				insert into tickets (title, description, client_id, product_area_id, queue_rank, target_date, status,
				  submitter_id, created_at, updated_at, completed_at, version)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)
				""")
			.params(title, "Description", client, area, priority == null ? null : QueueFixture.rank(priority),
					Date.valueOf(target), status, submitter, now, now, "COMPLETED".equals(status) ? now : null)
			.update();
		QueueFixture.recount(jdbc, client);
		return title;
	}

}
