package io.queuedesk.mail;

/**
 * A claimed outbox row, ready to send.
 *
 * @param messageId its Message-ID, the same on every attempt
 * @param ticketId the ticket a notification is about; null for other mails
 */
record OutboxMail(long id, String recipient, String subject, String textBody, String htmlBody, String messageId,
		Long ticketId) {
}
