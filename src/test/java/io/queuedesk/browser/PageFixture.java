package io.queuedesk.browser;

import io.queuedesk.queue.QueueFixture;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Tickets for the page catalogue, written with SQL into the shared test database (titles
 * need not be unique: the newest one is taken, so the screenshots read naturally): an
 * open ticket with a comment in Client A's queue (raised by the submitter, assigned to
 * Dev One, overdue so the label shows) and a completed one, so every page has rows,
 * badges and comments to check.
 */
final class PageFixture {

	private final JdbcClient jdbc;

	PageFixture(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The catalogue's placeholders and their values. */
	Map<String, String> create() {
		long client = id("select id from clients where name = 'Client A'");
		long open = ticket(client, "Printer in room 4 prints blank pages", "OPEN", LocalDate.now().minusDays(1));
		jdbc.sql(
				"insert into comments (ticket_id, author_id, body, internal, system_comment, created_at) values (?, ?, ?, false, false, ?)")
			.params(open, user(DemoUser.SUBMITTER), "It started after the update.\nThe other printer works.", now())
			.update();
		long completed = ticket(client, "Invoice export misses the VAT column", "COMPLETED", null);
		return Map.of("{ticket}", String.valueOf(open), "{completed}", String.valueOf(completed), "{client}",
				String.valueOf(client), "{user}", String.valueOf(user(DemoUser.DEVELOPER)));
	}

	/** {@code path} with the placeholders of {@link #create()} filled in. */
	static String fill(String path, Map<String, String> placeholders) {
		String filled = path;
		for (Map.Entry<String, String> placeholder : placeholders.entrySet()) {
			filled = filled.replace(placeholder.getKey(), placeholder.getValue());
		}
		return filled;
	}

	private long ticket(long client, String title, String status, LocalDate target) {
		boolean done = "COMPLETED".equals(status);
		// Below the queue's last rank (the demo's and other tests' tickets got theirs
		// from
		// QueueService, so the count of the queue says nothing about the ranks in use).
		Long rank = done ? null
				: jdbc.sql("select coalesce(max(queue_rank), 0) from tickets where client_id = ?")
					.param(client)
					.query(Long.class)
					.single() + QueueFixture.rank(1);
		jdbc.sql("""
				insert into tickets (title, description, client_id, product_area_id, queue_rank, target_date, status,
				  assignee_id, submitter_id, created_at, updated_at, completed_at, version)
				values (?, ?, ?, (select id from product_areas where name = 'Billing'), ?, ?, ?, ?, ?, ?, ?, ?, 0)
				""")
			.params(title, "Steps to reproduce:\n1. Open the page\n2. Look at it", client, rank,
					target == null ? null : Date.valueOf(target), status, user(DemoUser.DEVELOPER),
					user(DemoUser.SUBMITTER), now(), now(), done ? now() : null)
			.update();
		QueueFixture.recount(jdbc, client);
		return jdbc.sql("select max(id) from tickets where title = ?").param(title).query(Long.class).single();
	}

	private long user(DemoUser user) {
		return jdbc.sql("select id from users where email = ?").param(user.email).query(Long.class).single();
	}

	private long id(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

	private static Timestamp now() {
		return Timestamp.from(Instant.now());
	}

}
