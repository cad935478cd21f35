package io.queuedesk.ticket;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.queuedesk.system.DatabaseDialect;

/**
 * Row locks on one ticket, taken as the first statement of a write transaction, before the
 * ticket is read. Two changes of one ticket then run one after the other, and the second reads
 * what the first saved: a form that showed an older state is refused with a message ("changed by
 * someone else"), a ticket deleted meanwhile is not found (404), instead of failing at commit on
 * the version check or, for a comment, on the foreign key of a ticket that is being deleted.
 * <p>
 * Lock order: the ticket before its client's queue lock (QueueService), in every write path.
 * A missing ticket locks nothing; the read that follows answers 404.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
class TicketLocks {

	private final JdbcClient jdbc;

	private final DatabaseDialect dialect;

	TicketLocks(JdbcClient jdbc, DatabaseDialect dialect) {
		this.jdbc = jdbc;
		this.dialect = dialect;
	}

	/**
	 * For a change of the ticket's row. On PostgreSQL {@code FOR NO KEY UPDATE}: it excludes
	 * other changes and the delete, but lets comments of the ticket be inserted meanwhile (their
	 * foreign key check takes a key-share lock).
	 */
	void forChange(long id) {
		lock(id, dialect.isPostgres() ? "no key update" : "update");
	}

	/** For withdrawing the ticket: excludes every other lock on it. */
	void forDelete(long id) {
		lock(id, "update");
	}

	/**
	 * For adding or deleting a comment: the ticket cannot be deleted until this transaction
	 * ends. On PostgreSQL {@code FOR KEY SHARE}, which comments and changes of the ticket do not
	 * wait for; H2 has only {@code FOR UPDATE}.
	 */
	void againstDelete(long id) {
		lock(id, dialect.isPostgres() ? "key share" : "update");
	}

	private void lock(long id, String mode) {
		jdbc.sql("select id from tickets where id = ? for " + mode).param(id).query(Long.class).optional();
	}

}
