package io.queuedesk.mail;

/** A claimed outbox row, ready to send. */
record OutboxMail(long id, String recipient, String subject, String textBody, String htmlBody) {
}
