package io.queuedesk.browser;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

import io.queuedesk.queue.QueueFixture;

/**
 * A client of its own with a queue in every status, for the board's browser tests (moving
 * tickets in a demo queue would change what other tests expect there). Written with SQL
 * into the shared test database; the tickets are raised by the submitter and assigned to
 * Dev One unless said otherwise.
 */
final class BoardFixture {

	/** A ticket to write: title, status, days until its target date (null: none). */
	record Row(String title, String status, Integer targetInDays, boolean assigned) {

		static Row of(String title, String status) {
			return new Row(title, status, null, true);
		}

	}

	/** Queue order of {@link #standard}: rank = index + 1. */
	static final List<Row> STANDARD = List.of(new Row("Printer in room 4 prints blank pages", "OPEN", -2, true),
			Row.of("Invoice PDF shows the wrong VAT rate", "IN_PROGRESS"),
			Row.of("Password reset mail lands in spam", "ACCEPTED"),
			new Row("Export to CSV drops the last column", "OPEN", 5, false),
			Row.of("Calendar sync stops after midnight", "ON_HOLD"),
			new Row("Search ignores accented letters", "OPEN", null, true),
			new Row("Dashboard loads slowly on Mondays", "ACCEPTED", 12, true));

	private final JdbcClient jdbc;

	BoardFixture(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The client's id and its tickets by title, in queue order. */
	record Queue(long client, String name, Map<String, Long> tickets) {

		long id(String title) {
			return tickets.get(title);
		}

	}

	Queue standard(String clientName) {
		return create(clientName, STANDARD);
	}

	Queue create(String clientName, List<Row> rows) {
		jdbc.sql("insert into clients (name, active, created_at) values (?, true, ?)")
			.params(clientName, now())
			.update();
		long client = jdbc.sql("select id from clients where name = ?").param(clientName).query(Long.class).single();
		Map<String, Long> tickets = new LinkedHashMap<>();
		int rank = 0;
		for (Row row : rows) {
			rank++;
			jdbc.sql(
					"""
							insert into tickets (title, description, client_id, product_area_id, queue_rank, target_date, status,
							  assignee_id, submitter_id, created_at, updated_at, completed_at, version)
							values (?, ?, ?, (select id from product_areas where name = 'Billing'), ?, ?, ?, ?, ?, ?, ?, null, 0)
							""")
				.params(row.title(), "Steps to reproduce:\n1. Open the page\n2. Look at it", client,
						QueueFixture.rank(rank),
						row.targetInDays() == null ? null : Date.valueOf(LocalDate.now().plusDays(row.targetInDays())),
						row.status(), row.assigned() ? user(DemoUser.DEVELOPER) : null, user(DemoUser.SUBMITTER), now(),
						now())
				.update();
			tickets.put(row.title(),
					jdbc.sql("select id from tickets where client_id = ? and title = ?")
						.params(client, row.title())
						.query(Long.class)
						.single());
		}
		QueueFixture.recount(jdbc, client);
		return new Queue(client, clientName, tickets);
	}

	String status(long ticket) {
		return jdbc.sql("select status from tickets where id = ?").param(ticket).query(String.class).single();
	}

	/** The client's queued tickets in rank order. */
	List<Long> queue(long client) {
		return jdbc.sql("select id from tickets where client_id = ? and queue_rank is not null order by queue_rank")
			.param(client)
			.query(Long.class)
			.list();
	}

	/** Someone else's change, behind the page's back. */
	void setStatus(long ticket, String status) {
		jdbc.sql("update tickets set status = ?, version = version + 1 where id = ?").params(status, ticket).update();
	}

	private long user(DemoUser user) {
		return jdbc.sql("select id from users where email = ?").param(user.email).query(Long.class).single();
	}

	private static Timestamp now() {
		return Timestamp.from(Instant.now());
	}

}
