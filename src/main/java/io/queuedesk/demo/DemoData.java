package io.queuedesk.demo;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.queuedesk.queue.QueueService;

/**
 * The demo data (docs/RULES.md#demo-data-and-commands). Written with plain SQL so that it
 * needs no signed-in user and no feature's internals; it is one transaction, so a failed
 * load leaves nothing behind.
 */
@Component
class DemoData {

	static final String ADMIN_EMAIL = "admin@example.com";

	private static final List<String> CLIENTS = List.of("Client A", "Client B", "Client C");

	private static final List<String> PRODUCT_AREAS = List.of("Policies", "Billing", "Claims", "Reports");

	private static final int TICKETS_PER_CLIENT = 4;

	private final JdbcClient jdbc;

	private final PasswordEncoder passwordEncoder;

	private final Clock clock;

	private final QueueService queues;

	DemoData(JdbcClient jdbc, PasswordEncoder passwordEncoder, Clock clock, QueueService queues) {
		this.queues = queues;
		this.jdbc = jdbc;
		this.passwordEncoder = passwordEncoder;
		this.clock = clock;
	}

	boolean isPresent() {
		return jdbc.sql("select count(*) from users where email = ?").param(ADMIN_EMAIL).query(Long.class).single() > 0;
	}

	boolean isDatabaseEmpty() {
		return jdbc.sql("select count(*) from users").query(Long.class).single() == 0;
	}

	/** Loads the demo data unless it is there already; returns whether it loaded. */
	@Transactional
	public boolean loadIfAbsent() {
		if (isPresent()) {
			return false;
		}
		Instant now = Instant.now(clock);
		long admin = user(ADMIN_EMAIL, "Ada Admin", "adminP@55word", "ADMIN", now);
		long devOne = user("developer1@example.com", "Dev One", "P@55word", "DEVELOPER", now);
		long devTwo = user("developer2@example.com", "Dev Two", "P@55word", "DEVELOPER", now);
		long submitter = user("user@example.com", "Sam Submitter", "P@55word", "SUBMITTER", now);
		List<Long> clients = CLIENTS.stream().map(name -> reference("clients", name, now)).toList();
		List<Long> areas = PRODUCT_AREAS.stream().map(name -> reference("product_areas", name, now)).toList();

		LocalDate today = LocalDate.now(clock);
		int n = 0;
		for (int c = 0; c < clients.size(); c++) {
			for (int priority = 1; priority <= TICKETS_PER_CLIENT; priority++, n++) {
				long assignee = n % 2 == 0 ? devOne : devTwo;
				long raisedBy = n % 2 == 0 ? submitter : admin;
				// Target dates run from two days ago to four days ahead, so some are
				// overdue.
				LocalDate target = today.plusDays(-2 + n % 7);
				jdbc.sql("""
						insert into tickets (title, description, client_id, product_area_id, queue_rank, target_date,
						  status, assignee_id, submitter_id, created_at, updated_at, version)
						values (?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, ?, ?, 0)
						""")
					.params(TITLES.get(n), DESCRIPTION, clients.get(c), areas.get(n % areas.size()),
							priority * (1L << 32), Date.valueOf(target), assignee, raisedBy, Timestamp.from(now),
							Timestamp.from(now))
					.update();
			}
		}
		// The rows above carry ranks only: the queues' position counts are derived from
		// them.
		queues.rebuild();
		return true;
	}

	private long user(String email, String name, String password, String role, Instant now) {
		jdbc.sql("""
				insert into users (email, display_name, password_hash, active, confirmed, failed_login_count,
				  created_at, version) values (?, ?, ?, true, true, 0, ?, 0)
				""").params(email, name, passwordEncoder.encode(password), Timestamp.from(now)).update();
		long id = jdbc.sql("select id from users where email = ?").param(email).query(Long.class).single();
		jdbc.sql("insert into user_roles (user_id, role) values (?, ?)").params(id, role).update();
		return id;
	}

	private long reference(String table, String name, Instant now) {
		// Table names come from this class only, never from input.
		jdbc.sql("insert into " + table + " (name, active, created_at, version) values (?, true, ?, 0)")
			.params(name, Timestamp.from(now))
			.update();
		return jdbc.sql("select id from " + table + " where name = ?").param(name).query(Long.class).single();
	}

	private static final String DESCRIPTION = """
			Raised as part of the Queuedesk demo data.
			Steps, expected and actual behaviour would go here.""";

	private static final List<String> TITLES = List.of("Renewal letters show the old premium",
			"Export of monthly invoices times out", "Claim form rejects dates in February",
			"Add a column for the broker to the claims report", "Policy PDF misses the second page",
			"Direct debit mandate not saved", "Attachment upload fails for large photos",
			"Quarterly report totals do not match", "Allow cancelling a policy mid-term",
			"Billing address cannot be changed", "Claims list is slow with many entries",
			"Report scheduler sends duplicates");

}
