package io.queuedesk.ticket;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.queuedesk.system.DatabaseDialect;
import io.queuedesk.user.SignedInUser;

/**
 * Row locks on one ticket, taken as the first statement of a write transaction, before
 * the ticket is read. Two changes of one ticket then run one after the other, and the
 * second reads what the first saved: a form that showed an older state is refused with a
 * message ("changed by someone else"), a ticket deleted meanwhile is not found (404),
 * instead of failing at commit on the version check or, for a comment, on the foreign key
 * of a ticket that is being deleted.
 * <p>
 * Lock order: the ticket before its client's queue lock (QueueService), in every write
 * path. A missing ticket locks nothing; the read that follows answers 404. The write
 * paths take the lock and load the ticket in one call ({@link #forChange},
 * {@link #forDelete}), so none reads a ticket it changes without holding the lock.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
class TicketLocks {

	private final JdbcClient jdbc;

	private final DatabaseDialect dialect;

	private final TicketRepository tickets;

	TicketLocks(JdbcClient jdbc, DatabaseDialect dialect, TicketRepository tickets) {
		this.jdbc = jdbc;
		this.dialect = dialect;
		this.tickets = tickets;
	}

	/**
	 * Locks the ticket for a change of its row, then loads it; 404 unless the user may
	 * see it. On PostgreSQL {@code FOR NO KEY UPDATE}: it excludes other changes and the
	 * delete, but lets comments of the ticket be inserted meanwhile (their foreign key
	 * check takes a key-share lock). MariaDB has no such mode: {@code FOR UPDATE}, so a
	 * comment waits for the change. InnoDB's foreign key check of a comment or attachment
	 * share-locks the ticket's row, and this lock after it would be an upgrade that two
	 * transactions deadlock on: every write path takes it before it inserts anything that
	 * references the ticket.
	 */
	Ticket forChange(long id, SignedInUser me) {
		lock(id, dialect.isPostgres() ? "no key update" : "update");
		return tickets.findVisible(id, me);
	}

	/**
	 * Locks the ticket for withdrawing it, excluding every other lock on it, then loads
	 * it.
	 */
	Ticket forDelete(long id, SignedInUser me) {
		lock(id, "update");
		return tickets.findVisible(id, me);
	}

	/**
	 * For adding or deleting a comment: the ticket cannot be deleted until this
	 * transaction ends. On PostgreSQL {@code FOR KEY SHARE}, which comments and changes
	 * of the ticket do not wait for; H2 has only {@code FOR UPDATE}. On MariaDB
	 * {@code FOR UPDATE} too, not a shared lock: comments of one ticket then take turns,
	 * but an exclusive lock of the ticket later in the same transaction can never be an
	 * upgrade of a shared one (a deadlock against a second such transaction).
	 */
	void againstDelete(long id) {
		lock(id, dialect.isPostgres() ? "key share" : "update");
	}

	private void lock(long id, String mode) {
		jdbc.sql("select id from tickets where id = ? for " + mode).param(id).query(Long.class).optional();
	}

}
