package io.queuedesk.mail.inbound;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.queuedesk.system.AdminOnly;
import io.queuedesk.system.DatabaseDialect;
import io.queuedesk.system.Keyset;
import io.queuedesk.system.UniqueKeyViolation;

/**
 * The inbound mail log (table {@code inbound_mail}): every message that came in and what
 * became of it, so that each message is processed once by its Message-ID, also with
 * several instances polling one mailbox or several deliveries of one message to the API.
 *
 * <p>
 * The processor works in one transaction: {@link #claim} the Message-ID, act (create the
 * ticket or comment), then record {@link #accepted} or {@link #refused}. The claim is an
 * insert of a PROCESSING row against the unique key on {@code message_id}, not a
 * check-then-insert. When two instances claim one Message-ID at once, the second insert
 * waits on the first one's uncommitted row (PostgreSQL and H2 alike) until that
 * transaction ends: if it committed, the second gets the unique-key violation and
 * {@code claim} answers empty ("already processed", {@link #outcomeOf} tells how); if it
 * rolled back, the second insert succeeds and that instance processes the message. So a
 * failure while acting frees the Message-ID for the next attempt, and a message is never
 * processed twice.
 *
 * <p>
 * The writes require the caller's transaction ({@link Propagation#MANDATORY}). The
 * claim's insert runs in a savepoint, so that a violation leaves the caller's transaction
 * usable (PostgreSQL aborts a transaction at a failed statement otherwise).
 *
 * <p>
 * Sender and subject are stored without control characters (line breaks and tabs become
 * spaces, direction controls are dropped) and cut to their columns: nothing a sender
 * writes is trusted.
 */
@Service
public class InboundMailLog {

	/** Rows on a page of /admin/mail. */
	public static final int PAGE_SIZE = 25;

	/** Longest Message-ID (the longest line RFC 5322 allows). */
	public static final int MESSAGE_ID_LENGTH = 998;

	static final int SENDER_LENGTH = 254;

	static final int SUBJECT_LENGTH = 500;

	/** The listing counts rows up to this many, then shows "more than". */
	static final int COUNT_CAP = 10_000;

	private static final String COLUMNS = "id, message_id, source, sender, subject, received_at, status, reason, ticket_id, comment_id, finished_at";

	private final JdbcClient jdbc;

	private final Clock clock;

	private final JdbcTemplate connection;

	private final DatabaseDialect dialect;

	InboundMailLog(JdbcClient jdbc, JdbcTemplate connection, Clock clock, DatabaseDialect dialect) {
		this.dialect = dialect;
		this.jdbc = jdbc;
		this.connection = connection;
		this.clock = clock;
	}

	/**
	 * Claims a message for processing: inserts its PROCESSING row.
	 * @param messageId the message's Message-ID (as received, angle brackets included);
	 * the caller makes one up for a message without (e.g. from a hash of the message)
	 * @return the claim, or empty when the Message-ID was claimed before by a transaction
	 * that committed ({@link #outcomeOf} tells its outcome)
	 * @throws IllegalArgumentException for a blank Message-ID, one longer than
	 * {@value #MESSAGE_ID_LENGTH} characters or one with control characters
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Optional<Claim> claim(String messageId, InboundSource source, String sender, String subject) {
		checkMessageId(messageId);
		Instant now = now();
		// The connection of the caller's transaction, the one JdbcClient uses too.
		Savepoint savepoint = connection.execute((ConnectionCallback<Savepoint>) con -> con.setSavepoint());
		long id;
		try {
			id = insert(messageId, source, sender, subject, now);
		}
		catch (RuntimeException ex) {
			connection.execute((ConnectionCallback<Void>) con -> {
				con.rollback(savepoint);
				return null;
			});
			if (ex instanceof DataIntegrityViolationException && UniqueKeyViolation.is(ex)) {
				return Optional.empty();
			}
			throw ex;
		}
		connection.execute((ConnectionCallback<Void>) con -> {
			con.releaseSavepoint(savepoint);
			return null;
		});
		return Optional.of(new Claim(id, messageId));
	}

	/** Records that the claimed message became a ticket, or a comment on one. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void accepted(Claim claim, long ticketId, Long commentId) {
		finish(claim, InboundStatus.ACCEPTED, null, ticketId, commentId);
	}

	/** Records that the claimed message was refused, and why. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void refused(Claim claim, RefusalReason reason) {
		finish(claim, InboundStatus.REFUSED, reason, null, null);
	}

	/** What became of the message with this Message-ID, if it is in the log. */
	@Transactional(readOnly = true)
	public Optional<Outcome> outcomeOf(String messageId) {
		return jdbc.sql("select status, ticket_id, comment_id, reason from inbound_mail where message_id = ?")
			.param(messageId)
			.query((rs, n) -> new Outcome(InboundStatus.valueOf(rs.getString(1)), nullableLong(rs, 2),
					nullableLong(rs, 3), reason(rs.getString(4))))
			.optional();
	}

	/**
	 * A page of the log for /admin/mail, newest first: the first page without cursors,
	 * the rows older than {@code after}, or the rows newer than {@code before}. The
	 * cursor is a row-value comparison, which PostgreSQL seeks in the (received_at, id)
	 * index (the OR form was a filter over every newer row: 24 ms 86,000 rows deep, now
	 * 0.1 ms).
	 */
	@AdminOnly
	@Transactional(readOnly = true)
	public Slice page(Cursor after, Cursor before) {
		List<Entry> rows;
		boolean more;
		if (before != null) {
			Keyset newer = keyset(">", before);
			rows = new ArrayList<>(jdbc
				.sql("select " + COLUMNS + " from inbound_mail where " + newer.sql()
						+ " order by received_at, id limit " + (PAGE_SIZE + 1))
				.params(newer.values())
				.query(InboundMailLog::entry)
				.list());
			more = rows.size() > PAGE_SIZE;
			if (more) {
				rows.remove(PAGE_SIZE);
			}
			Collections.reverse(rows);
		}
		else {
			var query = after == null ? jdbc.sql("select " + COLUMNS + """
					 from inbound_mail order by received_at desc, id desc limit ?
					""").param(PAGE_SIZE + 1)
					: jdbc
						.sql("select " + COLUMNS + " from inbound_mail where " + keyset("<", after).sql()
								+ " order by received_at desc, id desc limit " + (PAGE_SIZE + 1))
						.params(keyset("<", after).values());
			rows = new ArrayList<>(query.query(InboundMailLog::entry).list());
			more = rows.size() > PAGE_SIZE;
			if (more) {
				rows.remove(PAGE_SIZE);
			}
		}
		long total = jdbc.sql("select count(*) from (select 1 from inbound_mail limit ?) capped")
			.param(COUNT_CAP + 1)
			.query(Long.class)
			.single();
		boolean newer = before != null ? more : after != null;
		boolean older = before != null || more;
		Cursor previous = newer && !rows.isEmpty() ? rows.get(0).cursor() : null;
		Cursor next = older && !rows.isEmpty() ? rows.get(rows.size() - 1).cursor() : null;
		return new Slice(rows, Math.min(total, COUNT_CAP), total > COUNT_CAP, previous, next);
	}

	/**
	 * The text as stored: control characters gone (tab and line breaks become one space,
	 * direction controls are dropped), white space collapsed and trimmed, cut to
	 * {@code max} characters without splitting a surrogate pair; null for null or nothing
	 * left.
	 */
	static String clean(String text, int max) {
		if (text == null) {
			return null;
		}
		StringBuilder out = new StringBuilder((int) Math.min(text.length(), max + 1L));
		boolean space = false;
		for (int i = 0; i < text.length() && out.length() <= max; i++) {
			char c = text.charAt(i);
			if (Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u2028' || c == '\u2029') {
				space = !out.isEmpty();
			}
			else if (Character.getType(c) == Character.CONTROL || c >= '\u202A' && c <= '\u202E'
					|| c >= '\u2066' && c <= '\u2069') {
				// dropped
			}
			else {
				if (space) {
					out.append(' ');
					space = false;
				}
				out.append(c);
			}
		}
		if (out.length() > max) {
			int end = Character.isHighSurrogate(out.charAt(max - 1)) ? max - 1 : max;
			out.setLength(end);
		}
		String cleaned = out.toString().strip();
		return cleaned.isEmpty() ? null : cleaned;
	}

	private long insert(String messageId, InboundSource source, String sender, String subject, Instant now) {
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into inbound_mail (message_id, source, sender, subject, received_at, status)
				values (?, ?, ?, ?, ?, 'PROCESSING')
				""")
			.params(messageId, source.name(), clean(sender, SENDER_LENGTH), clean(subject, SUBJECT_LENGTH),
					Timestamp.from(now))
			.update(key, "id");
		return key.getKey().longValue();
	}

	private void finish(Claim claim, InboundStatus status, RefusalReason reason, Long ticketId, Long commentId) {
		int updated = jdbc.sql("""
				update inbound_mail set status = ?, reason = ?, ticket_id = ?, comment_id = ?, finished_at = ?
				where id = ? and status = 'PROCESSING'
				""")
			.params(status.name(), reason == null ? null : reason.name(), ticketId, commentId, Timestamp.from(now()),
					claim.id())
			.update();
		if (updated == 0) {
			throw new IllegalStateException("Inbound mail " + claim.id() + " is not being processed");
		}
	}

	private Instant now() {
		// The column keeps microseconds; the cursor must match the stored value.
		return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
	}

	private static void checkMessageId(String messageId) {
		if (messageId == null || messageId.isBlank() || messageId.length() > MESSAGE_ID_LENGTH
				|| messageId.chars().anyMatch(c -> Character.getType(c) == Character.CONTROL)) {
			throw new IllegalArgumentException("Not a usable Message-ID");
		}
	}

	private static Entry entry(ResultSet rs, int n) throws SQLException {
		Timestamp finished = rs.getTimestamp(11);
		return new Entry(rs.getLong(1), rs.getString(2), InboundSource.valueOf(rs.getString(3)), rs.getString(4),
				rs.getString(5), rs.getTimestamp(6).toInstant(), InboundStatus.valueOf(rs.getString(7)),
				reason(rs.getString(8)), nullableLong(rs, 9), nullableLong(rs, 10),
				finished == null ? null : finished.toInstant());
	}

	private static RefusalReason reason(String name) {
		return name == null ? null : RefusalReason.valueOf(name);
	}

	private static Long nullableLong(ResultSet rs, int column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

	/** A message claimed for processing: its row in the log. */
	public record Claim(long id, String messageId) {
	}

	/**
	 * What became of a message: PROCESSING (its transaction has not ended), ACCEPTED with
	 * the ticket and, for a reply, the comment, or REFUSED with the reason.
	 */
	public record Outcome(InboundStatus status, Long ticketId, Long commentId, RefusalReason reason) {
	}

	/** One row of the log. */
	public record Entry(long id, String messageId, InboundSource source, String sender, String subject,
			Instant receivedAt, InboundStatus status, RefusalReason reason, Long ticketId, Long commentId,
			Instant finishedAt) {

		public Cursor cursor() {
			return new Cursor(receivedAt, id);
		}

	}

	/**
	 * A page of the log, newest first; {@code total} counts up to {@value #COUNT_CAP}
	 * ({@code capped} beyond); the cursors are null where there is no page.
	 */
	public record Slice(List<Entry> rows, long total, boolean capped, Cursor previous, Cursor next) {
	}

	/**
	 * The rows newer ({@code >}) or older ({@code <}) than the cursor, in the
	 * (received_at, id) index (written out on MariaDB: see {@link Keyset}).
	 */
	private Keyset keyset(String operator, Cursor cursor) {
		return Keyset.of(Keyset.rowValues(dialect), List.of("received_at", "id"), operator,
				List.of(Timestamp.from(cursor.receivedAt()), cursor.id()));
	}

	/**
	 * Where a page of the log starts: the sort key (received_at, id) of the row next to
	 * it, written into links as {@code <epoch microseconds>.<id>}. Nothing in it is
	 * secret; a forged cursor only moves where a page starts.
	 */
	public record Cursor(Instant receivedAt, long id) {

		@Override
		public String toString() {
			return ChronoUnit.MICROS.between(Instant.EPOCH, receivedAt) + "." + id;
		}

		/** The cursor in a link, or null for anything that is not one. */
		public static Cursor parse(String text) {
			if (text == null || text.isBlank()) {
				return null;
			}
			String[] parts = text.strip().split("\\.");
			if (parts.length != 2) {
				return null;
			}
			try {
				return new Cursor(Instant.EPOCH.plus(Long.parseLong(parts[0]), ChronoUnit.MICROS),
						Long.parseLong(parts[1]));
			}
			catch (NumberFormatException | ArithmeticException | DateTimeException ex) {
				return null;
			}
		}

	}

}
