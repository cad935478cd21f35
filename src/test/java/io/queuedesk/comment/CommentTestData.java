package io.queuedesk.comment;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import io.queuedesk.queue.QueueFixture;

/**
 * Rows for full-app comment tests in the shared test database: a client of its own
 * (unique name) whose tickets no other test touches, written with SQL so that the tests
 * do not depend on the demo tickets' current state.
 */
final class CommentTestData {

	static final String ADMIN = "admin@example.com";

	static final String DEV_ONE = "developer1@example.com";

	static final String DEV_TWO = "developer2@example.com";

	static final String SUBMITTER = "user@example.com";

	final String tag = UUID.randomUUID().toString().substring(0, 8);

	private final JdbcClient jdbc;

	private final long client;

	CommentTestData(JdbcClient jdbc) {
		this.jdbc = jdbc;
		String name = "Comments " + tag;
		jdbc.sql("insert into clients (name, active, created_at, version) values (?, true, ?, 0)")
			.params(name, Timestamp.from(Instant.now()))
			.update();
		this.client = jdbc.sql("select id from clients where name = ?").param(name).query(Long.class).single();
	}

	long userId(String email) {
		return jdbc.sql("select id from users where email = ?").param(email).query(Long.class).single();
	}

	/** An OPEN ticket at the bottom of this test's client queue; assignee may be null. */
	long ticket(String submitter, String assignee) {
		String title = "Comment test " + tag + " " + UUID.randomUUID().toString().substring(0, 4);
		int priority = jdbc.sql("select count(*) from tickets where client_id = ? and queue_rank is not null")
			.param(client)
			.query(Integer.class)
			.single() + 1;
		long area = jdbc.sql("select id from product_areas where name = 'Billing'").query(Long.class).single();
		Timestamp now = Timestamp.from(Instant.now());
		jdbc.sql("""
				insert into tickets (title, description, client_id, product_area_id, queue_rank, status, assignee_id,
				  submitter_id, created_at, updated_at, version)
				values (?, ?, ?, ?, ?, 'OPEN', ?, ?, ?, ?, 0)
				""")
			.params(title, "Description " + title, client, area, QueueFixture.rank(priority),
					assignee == null ? null : userId(assignee), userId(submitter), now, now)
			.update();
		QueueFixture.recount(jdbc, client);
		return jdbc.sql("select id from tickets where title = ?").param(title).query(Long.class).single();
	}

	long comments(long ticketId) {
		return count("select count(*) from comments where ticket_id = ?", ticketId);
	}

	/** The ticket's comments, oldest first, as "author email|body|internal|system". */
	List<String> commentRows(long ticketId) {
		return jdbc.sql("""
				select u.email, c.body, c.internal, c.system_comment from comments c
				left join users u on u.id = c.author_id where c.ticket_id = ? order by c.id
				""")
			.param(ticketId)
			.query((rs, n) -> rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getBoolean(3) + "|" + rs.getBoolean(4))
			.list();
	}

	/**
	 * The ticket's activity entries, oldest first, as "ACTION|actor
	 * email|details|internal".
	 */
	List<String> activity(long ticketId) {
		return jdbc
			.sql("select action, actor_email, details, internal from activity_log where ticket_id = ? order by id")
			.param(ticketId)
			.query((rs, n) -> rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getBoolean(4))
			.list();
	}

	String status(long ticketId) {
		return jdbc.sql("select status from tickets where id = ?").param(ticketId).query(String.class).single();
	}

	long count(String sql, Object... params) {
		return jdbc.sql(sql).params(params).query(Long.class).single();
	}

}
