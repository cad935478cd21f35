package io.queuedesk.mail;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import io.queuedesk.system.Languages;
import io.queuedesk.ticket.TicketQueries;
import io.queuedesk.ticket.TicketRow;
import io.queuedesk.user.UserService;

/**
 * The daily overdue digest (docs/RULES.md#email): one mail per active admin listing every
 * overdue ticket, grouped by client; nothing when no ticket is overdue. Written to the
 * outbox like every mail.
 */
@Component
class OverdueDigest {

	private final TicketQueries tickets;

	private final UserService users;

	private final MailOutbox outbox;

	private final MailRenderer renderer;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	OverdueDigest(TicketQueries tickets, UserService users, MailOutbox outbox, MailRenderer renderer, JdbcClient jdbc,
			TransactionTemplate transactions, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
		this.tickets = tickets;
		this.users = users;
		this.outbox = outbox;
		this.renderer = renderer;
	}

	@Scheduled(cron = "${queuedesk.mail.digest-cron}")
	void scheduled() {
		sendOnce(LocalDate.now(clock));
	}

	/**
	 * Queues the digest unless an instance has already done so for that day: the day's
	 * row in {@code mail_digest_runs} is written in the same transaction as the mails,
	 * and a second instance's insert fails on its primary key (waiting for the first one
	 * to commit).
	 */
	int sendOnce(LocalDate day) {
		try {
			Integer queued = transactions.execute(status -> {
				jdbc.sql("insert into mail_digest_runs (run_date, queued_at) values (?, ?)")
					.params(Date.valueOf(day), Timestamp.from(Instant.now(clock)))
					.update();
				return send();
			});
			return queued == null ? 0 : queued;
		}
		catch (DuplicateKeyException ex) {
			return 0;
		}
	}

	/** Queues the digest for every active admin; returns how many mails were queued. */
	@Transactional
	int send() {
		List<TicketRow> overdue = tickets.overdue();
		if (overdue.isEmpty()) {
			return 0;
		}
		Map<String, List<TicketRow>> byClient = new LinkedHashMap<>();
		for (TicketRow row : overdue) {
			byClient.computeIfAbsent(row.client().name(), name -> new ArrayList<>()).add(row);
		}
		// Each admin reads it in their language: rendered once per language, not per
		// admin.
		List<UserService.MailRecipient> admins = users.activeAdmins();
		Map<Locale, MailRenderer.Rendered> mails = new HashMap<>();
		Map<Locale, String> subjects = new HashMap<>();
		for (UserService.MailRecipient admin : admins) {
			Locale locale = Languages.of(admin.language());
			MailRenderer.Rendered mail = mails.computeIfAbsent(locale, language -> render(language, byClient));
			String subject = subjects.computeIfAbsent(locale,
					language -> renderer.message(language, "mail.digest.subject", overdue.size()));
			outbox.enqueue(admin.email(), subject, mail.text(), mail.html());
		}
		return admins.size();
	}

	private MailRenderer.Rendered render(Locale locale, Map<String, List<TicketRow>> byClient) {
		List<Map<String, Object>> groups = byClient.entrySet()
			.stream()
			.map(entry -> Map.<String, Object>of("client", entry.getKey(), "tickets", entry.getValue()
				.stream()
				.map(row -> Map.<String, Object>of("id", String.valueOf(row.id()), "title", row.title(), "targetDate",
						renderer.date(locale, row.targetDate()), "assignee",
						row.assignee() == null ? "–" : row.assignee().name(), "link", renderer.ticketLink(row.id())))
				.toList()))
			.toList();
		int count = byClient.values().stream().mapToInt(List::size).sum();
		return renderer.render(locale, "overdue-digest",
				Map.of("groups", groups, "heading", renderer.message(locale, "mail.digest.heading", count)));
	}

}
