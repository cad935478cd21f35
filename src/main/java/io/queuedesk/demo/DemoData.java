package io.queuedesk.demo;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
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
 * the user who takes it and at its moment of the last nine working days
 * ({@link ReplayClock}), so the queues, the activity log, the history and the
 * status-change comments are what the application itself writes. It is one transaction,
 * so a failed load leaves nothing behind; the notification mails of the story are taken
 * out of the outbox before it commits (the demo's addresses receive no mail).
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
	static final Duration HISTORY = Duration.ofDays(10);

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

		/** The day of the story's last steps; a step's day counts back from it. */
		private final LocalDate lastDay;

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
			// The story's last working day ends at 17:00: today once that has passed,
			// else yesterday.
			LocalDateTime local = LocalDateTime.ofInstant(now, clock.getZone());
			this.lastDay = local.toLocalTime().isBefore(LocalTime.of(17, 0)) ? local.toLocalDate().minusDays(1)
					: local.toLocalDate();
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
				String time = "8 %02d:%02d".formatted(9 + n / 3, n % 3 * 20);
				String assigned = "8 %02d:%02d".formatted(9 + n / 3, n % 3 * 20 + 5);
				LocalDate target = today.plusDays(-2 + n % 7);
				int client = n / TICKETS_PER_CLIENT;
				int area = n % areas.size();
				if (n % 2 == 0) {
					long id = raise(time, sam, DemoText.QUEUED.get(n), client, area, target, null);
					at(assigned, ada, () -> tickets.assign(id, devOne.getId(), ada));
					queued[n] = id;
				}
				else {
					queued[n] = raise(time, ada, DemoText.QUEUED.get(n), client, area, target, devTwo);
				}
			}

			// The archive's tickets: raised below them, completed since, so they left
			// their
			// queues.
			long rounding = raise("8 13:30", sam, DemoText.ROUNDING, 0, 1, null, null);
			at("8 13:40", ada, () -> tickets.assign(rounding, devTwo.getId(), ada));
			long postcode = raise("8 14:00", ada, DemoText.POSTCODE, 1, 0, null, devOne);
			long statusMail = raise("8 14:30", sam, DemoText.STATUS_MAIL, 2, 2, null, null);
			long cancelled = raise("8 15:00", ada, DemoText.CANCELLED_CLAIMS, 0, 3, null, devOne);
			step("7 09:15", devTwo, rounding, TicketStatus.ACCEPTED);
			step("7 09:20", devTwo, rounding, TicketStatus.IN_PROGRESS);
			comment("7 11:05", devTwo, rounding, """
					Found it: every instalment is rounded up on its own. The fix puts the rounding \
					difference on the last instalment; it goes out with the next release.""");
			// An unassigned ticket: accepting it picks it up.
			step("7 13:10", devTwo, statusMail, TicketStatus.ACCEPTED);
			step("7 14:00", devOne, postcode, TicketStatus.ACCEPTED);
			step("7 14:05", devOne, postcode, TicketStatus.IN_PROGRESS);

			step("6 09:30", devTwo, statusMail, TicketStatus.IN_PROGRESS);
			comment("6 10:45", devTwo, statusMail, """
					The link lost the claim number when the mail template was changed. Fixed; links \
					in mails sent before still open the start page.""");
			comment("6 15:10", devOne, postcode, """
					The filter was dropped when the search moved to the new index. Fixed, with a test \
					for each filter.""");
			step("6 15:15", devOne, postcode, TicketStatus.COMPLETED);
			step("5 10:00", devTwo, rounding, TicketStatus.COMPLETED);
			step("5 11:30", devOne, queued[0], TicketStatus.ACCEPTED);
			step("5 11:35", devOne, queued[0], TicketStatus.IN_PROGRESS);
			step("5 14:20", devTwo, queued[1], TicketStatus.ACCEPTED);
			comment("4 09:10", sam, rounding, """
					Checked the invoices of two policies after the release: the totals are right now. \
					Thanks!""");
			step("4 10:00", devOne, queued[4], TicketStatus.ACCEPTED);
			step("4 10:05", devOne, queued[4], TicketStatus.IN_PROGRESS);
			comment("4 10:30", devOne, queued[4], """
					Could you send the number of an affected policy? Our test fleet with 25 vehicles \
					prints all pages.""");
			comment("3 08:50", sam, queued[4], "FL-2023-0042: 24 vehicles, the PDF stops at vehicle 18.");
			note("3 11:20", devOne, queued[4], """
					The PDF service cuts the schedule at its page limit for that template; only the \
					vendor can raise it (their case 88123). Please do not promise Client B a date yet.""");
			step("3 11:25", devOne, queued[4], TicketStatus.ON_HOLD);
			comment("3 11:27", devOne, queued[4], """
					On hold until the vendor of the PDF service delivers a fix; we will update this \
					ticket then.""");
			step("3 14:00", devTwo, queued[5], TicketStatus.ACCEPTED);
			step("3 14:10", devTwo, queued[5], TicketStatus.IN_PROGRESS);
			step("3 16:30", devTwo, statusMail, TicketStatus.COMPLETED);
			step("2 09:00", devOne, cancelled, TicketStatus.ACCEPTED);
			step("2 09:05", devOne, cancelled, TicketStatus.IN_PROGRESS);
			step("2 15:40", devOne, cancelled, TicketStatus.COMPLETED);
			comment("2 16:30", ada, cancelled, "Finance confirmed the corrected report for last month: 412 claims.");
			step("1 09:20", devTwo, queued[7], TicketStatus.ACCEPTED);
			comment("1 10:15", ada, queued[5], "Client B asks whether the fix makes the billing run on the 1st.");
			comment("1 11:00", devTwo, queued[5], "Yes: the fix is in review and will be deployed before the run.");
			step("1 13:00", devOne, queued[8], TicketStatus.ACCEPTED);
			step("1 14:00", devOne, queued[10], TicketStatus.ACCEPTED);
			step("1 14:10", devOne, queued[10], TicketStatus.IN_PROGRESS);
			step("1 15:30", devOne, queued[10], TicketStatus.ON_HOLD);
			comment("1 15:32", devOne, queued[10], """
					This needs the new index that comes with the database upgrade; on hold until the \
					upgrade is done.""");
			comment("0 09:05", sam, queued[8], """
					Client C needs this before its renewal run at the end of the month: several \
					customers are waiting to cancel.""");
			comment("0 10:20", sam, queued[0], "The letters printed this morning still show the old premium.");
			comment("0 11:45", devOne, queued[0], """
					The letter reads the premium from the renewal offer, which is made before the \
					adjustment. The fix recalculates the offer when the premium changes.""");
			comment("0 16:10", sam, queued[2], "Same in the test system, for any day in February.");
			for (int n = 0; n < queued.length; n++) {
				if (status(queued[n]) != QUEUED_STATUSES.get(n)) {
					throw new IllegalStateException("Demo ticket " + n + " is not " + QUEUED_STATUSES.get(n));
				}
			}
		}

		private long raise(String time, SignedInUser by, Text text, int client, int area, LocalDate target,
				SignedInUser assignee) {
			long id = at(time, by, () -> {
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

		private void step(String time, SignedInUser by, long ticket, TicketStatus to) {
			at(time, by, () -> tickets.transition(ticket, to, by));
		}

		private void comment(String time, SignedInUser by, long ticket, String body) {
			at(time, by, () -> comments.add(ticket, body, false, by));
		}

		private void note(String time, SignedInUser by, long ticket, String body) {
			at(time, by, () -> comments.add(ticket, body, true, by));
		}

		private void at(String time, SignedInUser by, Runnable action) {
			at(time, by, () -> {
				action.run();
				return null;
			});
		}

		/**
		 * Runs one step as {@code by} at {@code time} ("days before the last day" and the
		 * time of day, "3 14:10") when the clock can replay (else now), and ends it as
		 * its request's transaction would: flushed, so the next step's SQL reads it, and
		 * with a fresh persistence context.
		 */
		private <T> T at(String time, SignedInUser by, Supplier<T> action) {
			String[] dayAndTime = time.split(" ");
			Instant when = lastDay.minusDays(Integer.parseInt(dayAndTime[0]))
				.atTime(LocalTime.parse(dayAndTime[1]))
				.atZone(clock.getZone())
				.toInstant();
			if (!when.isAfter(last)) {
				throw new IllegalStateException("The demo's steps must be in time order: " + time);
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
