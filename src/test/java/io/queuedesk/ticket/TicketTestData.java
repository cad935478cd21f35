package io.queuedesk.ticket;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

import io.queuedesk.queue.QueueFixture;
import io.queuedesk.user.SignedInUser;

/**
 * Rows for full-app ticket tests in the shared test database: every test gets clients of
 * its own (unique names), so queue assertions never see another test's tickets.
 */
final class TicketTestData {

	static final String ADMIN = "admin@example.com";

	static final String DEV_ONE = "developer1@example.com";

	static final String DEV_TWO = "developer2@example.com";

	static final String SUBMITTER = "user@example.com";

	private final JdbcClient jdbc;

	private final UserDetailsService accounts;

	/** A short random tag to make titles and names unique to one test. */
	final String tag = UUID.randomUUID().toString().substring(0, 8);

	TicketTestData(JdbcClient jdbc, UserDetailsService accounts) {
		this.jdbc = jdbc;
		this.accounts = accounts;
	}

	/** The principal the login would build for the account. */
	SignedInUser user(String email) {
		return (SignedInUser) accounts.loadUserByUsername(email);
	}

	/** Signs the user in for method security on services called directly. */
	SignedInUser signIn(String email) {
		SignedInUser user = user(email);
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
		return user;
	}

	static void signOut() {
		SecurityContextHolder.clearContext();
	}

	long userId(String email) {
		return jdbc.sql("select id from users where email = ?").param(email).query(Long.class).single();
	}

	String clientName(long clientId) {
		return jdbc.sql("select name from clients where id = ?").param(clientId).query(String.class).single();
	}

	/** A new active client with an empty queue. */
	long client(String prefix) {
		return insertReference("clients", prefix + " " + tag + "-" + UUID.randomUUID().toString().substring(0, 4),
				true);
	}

	long inactiveClient(String prefix) {
		return insertReference("clients", prefix + " " + tag + "-" + UUID.randomUUID().toString().substring(0, 4),
				false);
	}

	long inactiveArea() {
		return insertReference("product_areas", "Retired " + tag + "-" + UUID.randomUUID().toString().substring(0, 4),
				false);
	}

	/** A demo product area (Policies, Billing, Claims, Reports). */
	long area(String name) {
		return jdbc.sql("select id from product_areas where name = ?").param(name).query(Long.class).single();
	}

	/**
	 * A ticket written with SQL, at the bottom of the client's queue unless COMPLETED.
	 */
	long ticket(long clientId, String title, String description, String area, LocalDate targetDate, String status,
			String submitter, String assignee) {
		Long rank = "COMPLETED".equals(status) ? null : QueueFixture.rank(size(clientId) + 1);
		Timestamp now = Timestamp.from(Instant.now());
		jdbc.sql("""
				insert into tickets (title, description, client_id, product_area_id, queue_rank, target_date, status,
				  assignee_id, submitter_id, created_at, updated_at, completed_at, version)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)
				""")
			.params(title, description, clientId, area(area), rank,
					targetDate == null ? null : Date.valueOf(targetDate), status,
					assignee == null ? null : userId(assignee), userId(submitter), now, now,
					"COMPLETED".equals(status) ? now : null)
			.update();
		QueueFixture.recount(jdbc, clientId);
		return jdbc.sql("select max(id) from tickets where title = ? and client_id = ?")
			.params(title, clientId)
			.query(Long.class)
			.single();
	}

	/** An OPEN, unassigned ticket raised by the submitter, without target date. */
	long ticket(long clientId, String title) {
		return ticket(clientId, title, "Description of " + title, "Billing", null, "OPEN", SUBMITTER, null);
	}

	/** The client's queued tickets in rank order. */
	List<Long> queue(long clientId) {
		return jdbc.sql("select id from tickets where client_id = ? and queue_rank is not null order by queue_rank")
			.param(clientId)
			.query(Long.class)
			.list();
	}

	/** The positions of the client's queue in queue order: must be exactly 1..N. */
	List<Integer> ranks(long clientId) {
		return jdbc
			.sql("select " + QueueFixture.POSITION
					+ " from tickets t where t.client_id = ? and t.queue_rank is not null order by t.queue_rank")
			.param(clientId)
			.query(Integer.class)
			.list();
	}

	int size(long clientId) {
		return jdbc.sql("select count(*) from tickets where client_id = ? and queue_rank is not null")
			.param(clientId)
			.query(Integer.class)
			.single();
	}

	/** The ticket's position in its queue, or null when it is not queued (or gone). */
	Integer priority(long ticketId) {
		List<Integer> found = jdbc
			.sql("select " + QueueFixture.POSITION + " from tickets t where t.id = ? and t.queue_rank is not null")
			.param(ticketId)
			.query(Integer.class)
			.list();
		return found.isEmpty() ? null : found.get(0);
	}

	/**
	 * Plain SQL; the queue's position counts are recounted afterwards, as ranks may have
	 * changed.
	 */
	void sql(String sql, Object... params) {
		jdbc.sql(sql).params(params).update();
		QueueFixture.recountAll(jdbc);
	}

	/** Activity entries of a ticket, oldest first, as "ACTION|details|title snapshot". */
	List<String> activity(long ticketId) {
		return jdbc.sql("select action, details, ticket_title from activity_log where ticket_id = ? order by id")
			.param(ticketId)
			.query((rs, n) -> rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3))
			.list();
	}

	/** Activity actions of a ticket, oldest first. */
	List<String> actions(long ticketId) {
		return jdbc.sql("select action from activity_log where ticket_id = ? order by id")
			.param(ticketId)
			.query(String.class)
			.list();
	}

	long count(String sql, Object... params) {
		return jdbc.sql(sql).params(params).query(Long.class).single();
	}

	private long insertReference(String table, String name, boolean active) {
		jdbc.sql("insert into " + table + " (name, active, created_at, version) values (?, ?, ?, 0)")
			.params(name, active, Timestamp.from(Instant.now()))
			.update();
		return jdbc.sql("select id from " + table + " where name = ?").param(name).query(Long.class).single();
	}

}
