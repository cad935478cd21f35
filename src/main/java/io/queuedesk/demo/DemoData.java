package io.queuedesk.demo;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.persistence.EntityManager;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.queuedesk.comment.CommentService;
import io.queuedesk.demo.DemoText.Text;
import io.queuedesk.system.ReplayClock;
import io.queuedesk.ticket.TicketOperations;
import io.queuedesk.ticket.TicketStatus;
import io.queuedesk.user.SignedInUser;

/**
 * The demo data (docs/RULES.md#demo-data-and-commands). Users, clients and product areas
 * are written with plain SQL; everything that happens to the tickets is played through
 * the services the pages use (raising, assigning, workflow steps, comments), each step as
 * the user who takes it and at its moment of the last nine days ({@link ReplayClock}), so
 * the queues, the activity log, the history and the status-change comments are what the
 * application itself writes. It is one transaction, so a failed load leaves nothing
 * behind; the notification mails of the story are taken out of the outbox before it
 * commits (the demo's addresses receive no mail).
 */
@Component
class DemoData {

	static final String ADMIN_EMAIL = "admin@example.com";

	static final String DEV_ONE_EMAIL = "developer1@example.com";

	static final String DEV_TWO_EMAIL = "developer2@example.com";

	static final String SUBMITTER_EMAIL = "user@example.com";

	static final List<String> CLIENTS = List.of("Client A", "Client B", "Client C");

	static final List<String> PRODUCT_AREAS = List.of("Policies", "Billing", "Claims", "Reports");

	static final int TICKETS_PER_CLIENT = 4;

	/** How far back the story starts. */
	static final Duration HISTORY = Duration.ofDays(9);

	/**
	 * The statuses of the 12 queued tickets, in the order of {@link DemoText#QUEUED} (the
	 * ranks stay 1–4 per client: none of these steps leaves the queue).
	 */
	static final List<TicketStatus> QUEUED_STATUSES = List.of(TicketStatus.IN_PROGRESS, TicketStatus.ACCEPTED,
			TicketStatus.OPEN, TicketStatus.OPEN, TicketStatus.ON_HOLD, TicketStatus.IN_PROGRESS, TicketStatus.OPEN,
			TicketStatus.ACCEPTED, TicketStatus.ACCEPTED, TicketStatus.OPEN, TicketStatus.ON_HOLD, TicketStatus.OPEN);

	/** The completed tickets in the archive. */
	static final List<Text> ARCHIVED = List.of(DemoText.ROUNDING, DemoText.POSTCODE, DemoText.STATUS_MAIL,
			DemoText.CANCELLED_CLAIMS);

	private final JdbcClient jdbc;

	private final PasswordEncoder passwordEncoder;

	private final Clock clock;

	private final UserDetailsService accounts;

	private final TicketOperations tickets;

	private final CommentService comments;

	private final EntityManager entityManager;

	DemoData(JdbcClient jdbc, PasswordEncoder passwordEncoder, Clock clock, UserDetailsService accounts,
			TicketOperations tickets, CommentService comments, EntityManager entityManager) {
		this.jdbc = jdbc;
		this.passwordEncoder = passwordEncoder;
		this.clock = clock;
		this.accounts = accounts;
		this.tickets = tickets;
		this.comments = comments;
		this.entityManager = entityManager;
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
		Instant start = now.minus(HISTORY);
		user(ADMIN_EMAIL, "Ada Admin", "adminP@55word", "ADMIN", start);
		user(DEV_ONE_EMAIL, "Dev One", "P@55word", "DEVELOPER", start);
		user(DEV_TWO_EMAIL, "Dev Two", "P@55word", "DEVELOPER", start);
		user(SUBMITTER_EMAIL, "Sam Submitter", "P@55word", "SUBMITTER", start);
		List<Long> clients = CLIENTS.stream().map(name -> reference("clients", name, start)).toList();
		List<Long> areas = PRODUCT_AREAS.stream().map(name -> reference("product_areas", name, start)).toList();

		SecurityContext outer = SecurityContextHolder.getContext();
		Story story = new Story(now, clients, areas);
		try {
			story.play();
		}
		finally {
			SecurityContextHolder.setContext(outer);
		}
		// Past target dates cannot be set through the form; only without a replaying
		// clock (all steps at the current time) do the overdue ones need SQL.
		story.lateTargets.forEach((ticket, date) -> jdbc.sql("update tickets set target_date = ? where id = ?")
			.params(Date.valueOf(date), ticket)
			.update());
		// The story's notifications would go to example.com addresses (and fail for days
		// where an SMTP server is set up): they are dropped before anything is sent.
		jdbc.sql("delete from mail_outbox where ticket_id in (:tickets)").param("tickets", story.ids).update();
		return true;
	}

	/**
	 * The demo's history: every step as the user who takes it, at its time before
	 * {@code now}, in the order it happens.
	 */
	private final class Story {

		private final Instant now;

		private final List<Long> clients;

		private final List<Long> areas;

		private final SignedInUser ada;

		private final SignedInUser devOne;

		private final SignedInUser devTwo;

		private final SignedInUser sam;

		/** Every ticket of the story. */
		final List<Long> ids = new ArrayList<>();

		/** Target dates that lay in the past when their ticket was raised. */
		final Map<Long, LocalDate> lateTargets = new HashMap<>();

		private Instant last = Instant.MIN;

		Story(Instant now, List<Long> clients, List<Long> areas) {
			this.now = now;
			this.clients = clients;
			this.areas = areas;
			this.ada = account(ADMIN_EMAIL);
			this.devOne = account(DEV_ONE_EMAIL);
			this.devTwo = account(DEV_TWO_EMAIL);
			this.sam = account(SUBMITTER_EMAIL);
		}

		void play() {
			LocalDate today = LocalDate.now(clock);
			// The 12 queued tickets, four per client in priority order (so their creation
			// entries say positions #1 to #4), alternately for Dev One (raised by Sam,
			// assigned by Ada) and Dev Two (raised by Ada with the assignee), target
			// dates
			// from two days ago to four days ahead.
			long[] queued = new long[DemoText.QUEUED.size()];
			for (int n = 0; n < queued.length; n++) {
				double hoursAgo = 200 - n * 0.75;
				LocalDate target = today.plusDays(-2 + n % 7);
				int client = n / TICKETS_PER_CLIENT;
				int area = n % areas.size();
				if (n % 2 == 0) {
					long id = raise(hoursAgo, sam, DemoText.QUEUED.get(n), client, area, target, null);
					at(hoursAgo - 0.25, ada, () -> tickets.assign(id, devOne.getId(), ada));
					queued[n] = id;
				}
				else {
					queued[n] = raise(hoursAgo, ada, DemoText.QUEUED.get(n), client, area, target, devTwo);
				}
			}

			// The archive's tickets: raised below them, completed since, so they left
			// their
			// queues.
			long rounding = raise(190, sam, DemoText.ROUNDING, 0, 1, null, null);
			at(189.5, ada, () -> tickets.assign(rounding, devTwo.getId(), ada));
			long postcode = raise(188, ada, DemoText.POSTCODE, 1, 0, null, devOne);
			long statusMail = raise(187, sam, DemoText.STATUS_MAIL, 2, 2, null, null);
			long cancelled = raise(186, ada, DemoText.CANCELLED_CLAIMS, 0, 3, null, devOne);
			step(182, devTwo, rounding, TicketStatus.ACCEPTED);
			step(181.5, devTwo, rounding, TicketStatus.IN_PROGRESS);
			comment(181, devTwo, rounding, """
					Found it: every instalment is rounded up on its own. The fix puts the rounding \
					difference on the last instalment; it goes out with the next release.""");
			// An unassigned ticket: accepting it picks it up.
			step(178, devTwo, statusMail, TicketStatus.ACCEPTED);
			step(176, devOne, postcode, TicketStatus.ACCEPTED);
			step(175.5, devOne, postcode, TicketStatus.IN_PROGRESS);

			step(150, devTwo, statusMail, TicketStatus.IN_PROGRESS);
			comment(149.5, devTwo, statusMail, """
					The link lost the claim number when the mail template was changed. Fixed; links \
					in mails sent before still open the start page.""");
			comment(146, devOne, postcode, """
					The filter was dropped when the search moved to the new index. Fixed, with a test \
					for each filter.""");
			step(145.5, devOne, postcode, TicketStatus.COMPLETED);
			step(140, devTwo, rounding, TicketStatus.COMPLETED);
			step(130, devOne, queued[0], TicketStatus.ACCEPTED);
			step(129.5, devOne, queued[0], TicketStatus.IN_PROGRESS);
			step(126, devTwo, queued[1], TicketStatus.ACCEPTED);
			comment(118, sam, rounding, """
					Checked the invoices of two policies after the release: the totals are right now. \
					Thanks!""");
			step(110, devOne, queued[4], TicketStatus.ACCEPTED);
			step(109.5, devOne, queued[4], TicketStatus.IN_PROGRESS);
			comment(109, devOne, queued[4], """
					Could you send the number of an affected policy? Our test fleet with 25 vehicles \
					prints all pages.""");
			comment(100, sam, queued[4], "FL-2023-0042: 24 vehicles, the PDF stops at vehicle 18.");
			note(97, devOne, queued[4], """
					The PDF service cuts the schedule at its page limit for that template; only the \
					vendor can raise it (their case 88123). Please do not promise Client B a date yet.""");
			step(96.5, devOne, queued[4], TicketStatus.ON_HOLD);
			comment(96.4, devOne, queued[4], """
					On hold until the vendor of the PDF service delivers a fix; we will update this \
					ticket then.""");
			step(90, devTwo, queued[5], TicketStatus.ACCEPTED);
			step(89.5, devTwo, queued[5], TicketStatus.IN_PROGRESS);
			step(80, devTwo, statusMail, TicketStatus.COMPLETED);
			step(72, devOne, cancelled, TicketStatus.ACCEPTED);
			step(71.5, devOne, cancelled, TicketStatus.IN_PROGRESS);
			step(60, devOne, cancelled, TicketStatus.COMPLETED);
			comment(58, ada, cancelled, "Finance confirmed the corrected report for last month: 412 claims.");
			step(50, devTwo, queued[7], TicketStatus.ACCEPTED);
			comment(46, ada, queued[5], "Client B asks whether the fix makes the billing run on the 1st.");
			comment(44, devTwo, queued[5], "Yes: the fix is in review and will be deployed before the run.");
			step(40, devOne, queued[8], TicketStatus.ACCEPTED);
			step(30, devOne, queued[10], TicketStatus.ACCEPTED);
			step(29.5, devOne, queued[10], TicketStatus.IN_PROGRESS);
			step(29, devOne, queued[10], TicketStatus.ON_HOLD);
			comment(28.9, devOne, queued[10], """
					This needs the new index that comes with the database upgrade; on hold until the \
					upgrade is done.""");
			comment(26, sam, queued[8], """
					Client C needs this before its renewal run at the end of the month: several \
					customers are waiting to cancel.""");
			comment(20, sam, queued[0], "The letters printed this morning still show the old premium.");
			comment(18, devOne, queued[0], """
					The letter reads the premium from the renewal offer, which is made before the \
					adjustment. The fix recalculates the offer when the premium changes.""");
			comment(5, sam, queued[2], "Same in the test system, for any day in February.");
			for (int n = 0; n < queued.length; n++) {
				if (status(queued[n]) != QUEUED_STATUSES.get(n)) {
					throw new IllegalStateException("Demo ticket " + n + " is not " + QUEUED_STATUSES.get(n));
				}
			}
		}

		private long raise(double hoursAgo, SignedInUser by, Text text, int client, int area, LocalDate target,
				SignedInUser assignee) {
			long id = at(hoursAgo, by, () -> {
				LocalDate onForm = target == null || target.isBefore(LocalDate.now(clock)) ? null : target;
				long raised = tickets.raise(text.title(), text.description(), clients.get(client), areas.get(area),
						onForm, assignee == null ? null : assignee.getId(), by);
				if (target != null && onForm == null) {
					lateTargets.put(raised, target);
				}
				return raised;
			});
			ids.add(id);
			return id;
		}

		private void step(double hoursAgo, SignedInUser by, long ticket, TicketStatus to) {
			at(hoursAgo, by, () -> tickets.transition(ticket, to, by));
		}

		private void comment(double hoursAgo, SignedInUser by, long ticket, String body) {
			at(hoursAgo, by, () -> comments.add(ticket, body, false, by));
		}

		private void note(double hoursAgo, SignedInUser by, long ticket, String body) {
			at(hoursAgo, by, () -> comments.add(ticket, body, true, by));
		}

		private void at(double hoursAgo, SignedInUser by, Runnable action) {
			at(hoursAgo, by, () -> {
				action.run();
				return null;
			});
		}

		/**
		 * Runs one step as {@code by}, at {@code hoursAgo} before now when the clock can
		 * replay (else now), and ends it as its request's transaction would: flushed, so
		 * the next step's SQL reads it, and with a fresh persistence context.
		 */
		private <T> T at(double hoursAgo, SignedInUser by, Supplier<T> action) {
			Instant when = now.minusSeconds(Math.round(hoursAgo * 3600));
			if (!when.isAfter(last)) {
				throw new IllegalStateException("The demo's steps must be in time order: " + hoursAgo + " h ago");
			}
			last = when;
			SecurityContext context = SecurityContextHolder.createEmptyContext();
			context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(by, null, by.getAuthorities()));
			SecurityContextHolder.setContext(context);
			Supplier<T> flushed = () -> {
				T result = action.get();
				entityManager.flush();
				entityManager.clear();
				return result;
			};
			return clock instanceof ReplayClock replay ? replay.at(when, flushed) : flushed.get();
		}

	}

	private SignedInUser account(String email) {
		return (SignedInUser) accounts.loadUserByUsername(email);
	}

	private TicketStatus status(long ticket) {
		return TicketStatus
			.valueOf(jdbc.sql("select status from tickets where id = ?").param(ticket).query(String.class).single());
	}

	private void user(String email, String name, String password, String role, Instant createdAt) {
		jdbc.sql("""
				insert into users (email, display_name, password_hash, active, confirmed, failed_login_count,
				  created_at, version) values (?, ?, ?, true, true, 0, ?, 0)
				""").params(email, name, passwordEncoder.encode(password), Timestamp.from(createdAt)).update();
		long id = jdbc.sql("select id from users where email = ?").param(email).query(Long.class).single();
		jdbc.sql("insert into user_roles (user_id, role) values (?, ?)").params(id, role).update();
	}

	private long reference(String table, String name, Instant createdAt) {
		// Table names come from this class only, never from input.
		jdbc.sql("insert into " + table + " (name, active, created_at, version) values (?, true, ?, 0)")
			.params(name, Timestamp.from(createdAt))
			.update();
		return jdbc.sql("select id from " + table + " where name = ?").param(name).query(Long.class).single();
	}

}
