package io.queuedesk.mail;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.queuedesk.system.DatabaseDialect;

/**
 * The mail outbox (docs/RULES.md#email). {@link #enqueue} joins the transaction of the
 * change that causes the mail, so a rolled-back change sends nothing. The worker claims
 * due rows in short transactions of their own: two instances never claim one row
 * (PostgreSQL and MariaDB pick candidates with {@code FOR UPDATE SKIP LOCKED}; on every
 * database the claim itself is a conditional update that only one claimer can win).
 */
@Service
class MailOutbox {

	/**
	 * First retry after 30 seconds, doubling, at most every 15 minutes; given up after a
	 * day.
	 */
	static final Duration FIRST_RETRY = Duration.ofSeconds(30);

	static final Duration MAX_RETRY = Duration.ofMinutes(15);

	static final Duration GIVE_UP_AFTER = Duration.ofHours(24);

	/**
	 * How long a claim holds before another worker may take the row (crashed instance).
	 */
	static final Duration LEASE = Duration.ofMinutes(5);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final DatabaseDialect dialect;

	private final MailThreading threading;

	MailOutbox(JdbcClient jdbc, DatabaseDialect dialect, Clock clock, MailThreading threading) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.threading = threading;
		this.dialect = dialect;
	}

	/**
	 * Writes a mail about no ticket (account mails, the digest) to send, in the caller's
	 * transaction (there must be one).
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void enqueue(String recipient, String subject, String textBody, String htmlBody) {
		enqueue(null, recipient, subject, textBody, htmlBody);
	}

	/**
	 * Writes a mail to send, in the caller's transaction (there must be one), with the
	 * Message-ID it will be sent with on every attempt. A mail about a ticket (a
	 * notification; {@code ticketId} not null) is threaded with the ticket's other
	 * notifications (MailThreading).
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void enqueue(Long ticketId, String recipient, String subject, String textBody, String htmlBody) {
		Timestamp now = Timestamp.from(Instant.now(clock));
		String messageId = ticketId == null ? threading.messageId() : threading.messageId(ticketId);
		jdbc.sql("""
				insert into mail_outbox (recipient, subject, text_body, html_body, status, attempts, next_attempt_at,
				  created_at, message_id, ticket_id)
				values (?, ?, ?, ?, 'PENDING', 0, ?, ?, ?, ?)
				""").params(recipient, subject, textBody, htmlBody, now, now, messageId, ticketId).update();
	}

	/**
	 * Claims up to {@code limit} due mails for this worker: they are leased to it (their
	 * next attempt moves {@link #LEASE} ahead), so no other worker sends them meanwhile.
	 */
	@Transactional
	public List<OutboxMail> claim(int limit) {
		Instant now = Instant.now(clock);
		String select = "select id from mail_outbox where status = 'PENDING' and next_attempt_at <= ? "
				+ "order by next_attempt_at, id limit ?" + (dialect.isH2() ? "" : " for update skip locked");
		List<Long> candidates = jdbc.sql(select).params(Timestamp.from(now), limit).query(Long.class).list();
		String token = UUID.randomUUID().toString();
		List<Long> claimed = new ArrayList<>();
		for (Long id : candidates) {
			int updated = jdbc.sql("""
					update mail_outbox set claim_token = ?, next_attempt_at = ?
					where id = ? and status = 'PENDING' and next_attempt_at <= ?
					""").params(token, Timestamp.from(now.plus(LEASE)), id, Timestamp.from(now)).update();
			if (updated == 1) {
				claimed.add(id);
			}
		}
		if (claimed.isEmpty()) {
			return List.of();
		}
		assignMissingMessageIds(token);
		return jdbc
			.sql("select id, recipient, subject, text_body, html_body, message_id, ticket_id from mail_outbox "
					+ "where claim_token = ? order by id")
			.param(token)
			.query((rs, n) -> new OutboxMail(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getObject(7, Long.class)))
			.list()
			.stream()
			.filter(mail -> claimed.contains(mail.id()))
			.toList();
	}

	/**
	 * Rows written before V13 (or by hand) have no Message-ID yet: they get one now,
	 * once, so that their retries keep it too.
	 */
	private void assignMissingMessageIds(String token) {
		var rows = jdbc.sql("select id, ticket_id from mail_outbox where claim_token = ? and message_id is null")
			.param(token)
			.query((rs, n) -> new Object[] { rs.getLong(1), rs.getObject(2, Long.class) })
			.list();
		for (Object[] row : rows) {
			Long ticketId = (Long) row[1];
			jdbc.sql("update mail_outbox set message_id = ? where id = ? and message_id is null")
				.params(ticketId == null ? threading.messageId() : threading.messageId(ticketId), row[0])
				.update();
		}
	}

	@Transactional
	public void markSent(long id) {
		jdbc.sql(
				"update mail_outbox set status = 'SENT', sent_at = ?, claim_token = null, last_error = null where id = ?")
			.params(Timestamp.from(Instant.now(clock)), id)
			.update();
	}

	/** A failed attempt: retried with backoff, or FAILED once the mail is a day old. */
	@Transactional
	public void markAttemptFailed(long id, String error) {
		Instant now = Instant.now(clock);
		var row = jdbc.sql("select attempts, created_at from mail_outbox where id = ?")
			.param(id)
			.query((rs, n) -> new Object[] { rs.getInt(1), rs.getTimestamp(2).toInstant() })
			.single();
		int attempts = (int) row[0] + 1;
		Instant createdAt = (Instant) row[1];
		boolean giveUp = !now.isBefore(createdAt.plus(GIVE_UP_AFTER));
		jdbc.sql("""
				update mail_outbox set attempts = ?, last_error = ?, next_attempt_at = ?, status = ?, claim_token = null
				where id = ?
				""")
			.params(attempts, truncate(error), Timestamp.from(now.plus(backoff(attempts))),
					giveUp ? "FAILED" : "PENDING", id)
			.update();
	}

	/** The wait before the next attempt after {@code attempts} failed ones. */
	static Duration backoff(int attempts) {
		Duration delay = FIRST_RETRY;
		for (int i = 1; i < attempts && delay.compareTo(MAX_RETRY) < 0; i++) {
			delay = delay.multipliedBy(2);
		}
		return delay.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : delay;
	}

	private static String truncate(String error) {
		String text = error == null ? "unknown error" : error;
		return text.length() > 2000 ? text.substring(0, 2000) : text;
	}

}
