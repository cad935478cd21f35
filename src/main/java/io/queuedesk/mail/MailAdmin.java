package io.queuedesk.mail;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.queuedesk.system.AdminOnly;
import io.queuedesk.system.NotFoundException;
import io.queuedesk.system.PagedSearch;

/** The admins' view of the outbox: mails not sent yet or given up, and "retry now". */
@Service
public class MailAdmin {

	static final int PAGE_SIZE = 25;

	private final JdbcClient jdbc;

	private final Clock clock;

	MailAdmin(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Pending and failed mails, failed first, then by next attempt. */
	@AdminOnly
	@Transactional(readOnly = true)
	public Page<OutboxRow> unsent(int page) {
		PageRequest request = PageRequest.of(PagedSearch.boundedPage(page), PAGE_SIZE);
		long total = jdbc.sql("select count(*) from mail_outbox where status in ('PENDING', 'FAILED')")
			.query(Long.class)
			.single();
		var rows = jdbc
			.sql("""
					select id, recipient, subject, status, attempts, last_error, next_attempt_at, created_at from mail_outbox
					where status in ('PENDING', 'FAILED')
					order by case when status = 'FAILED' then 0 else 1 end, next_attempt_at, id
					limit ? offset ?
					""")
			.params(request.getPageSize(), request.getOffset())
			.query((rs, n) -> new OutboxRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getInt(5), rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getTimestamp(8).toInstant()))
			.list();
		return new PageImpl<>(rows, request, total);
	}

	/**
	 * Makes a pending or failed mail due now (a failed one gets another day of retries).
	 */
	@AdminOnly
	@Transactional
	public void retryNow(long id) {
		Timestamp now = Timestamp.from(Instant.now(clock));
		int updated = jdbc.sql("""
				update mail_outbox set status = 'PENDING', next_attempt_at = ?, claim_token = null,
				  created_at = case when status = 'FAILED' then ? else created_at end
				where id = ? and status in ('PENDING', 'FAILED')
				""").params(now, now, id).update();
		if (updated == 0) {
			throw new NotFoundException("Mail", id);
		}
	}

	/** One row of the admin page. */
	public record OutboxRow(long id, String recipient, String subject, String status, int attempts, String lastError,
			Instant nextAttemptAt, Instant createdAt) {

		public boolean failed() {
			return "FAILED".equals(status);
		}

	}

}
