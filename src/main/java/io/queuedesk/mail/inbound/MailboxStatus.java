package io.queuedesk.mail.inbound;

import java.time.Instant;

/**
 * Where the IMAP polling of this instance stands (kept in memory, shown on /admin/mail).
 *
 * @param configured whether {@code QUEUEDESK_MAIL_IN_URL} is set
 * @param mailbox the mailbox without its password ({@code imaps://user@host/INBOX}), or
 * null when not configured
 * @param lastAttempt when the last poll began, or null before the first
 * @param lastSuccess when a poll last went through, or null
 * @param consecutiveFailures polls failed in a row since the last success
 * @param lastError what went wrong in the last failed poll (no password in it), or null
 * after a success
 * @param nextPoll when the next poll is due, or null when none is scheduled
 * @param processed messages processed (any outcome) by this instance since it started
 */
public record MailboxStatus(boolean configured, String mailbox, Instant lastAttempt, Instant lastSuccess,
		int consecutiveFailures, String lastError, Instant nextPoll, long processed) {

	static MailboxStatus notConfigured() {
		return new MailboxStatus(false, null, null, null, 0, null, null, 0);
	}

	/** The last poll failed: the mailbox (or the database) is retried with backoff. */
	public boolean failing() {
		return consecutiveFailures > 0;
	}

}
