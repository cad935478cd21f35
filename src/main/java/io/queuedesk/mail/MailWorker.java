package io.queuedesk.mail;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Sends the outbox: claims due mails in a short transaction, sends each outside of it and
 * records the outcome. Without an SMTP host ({@code spring.mail.host} unset or empty)
 * mails are written to the log and marked sent, so the embedded default works offline.
 */
@Component
class MailWorker {

	private static final Logger log = LoggerFactory.getLogger(MailWorker.class);

	static final int BATCH = 50;

	private static final String MESSAGE_ID = "Message-ID";

	private static final Pattern TOKEN = Pattern.compile("token=[^\\s&\"<]+");

	private final MailOutbox outbox;

	private final ObjectProvider<JavaMailSender> senders;

	private final boolean enabled;

	private final boolean smtp;

	private final String from;

	private final MailThreading threading;

	MailWorker(MailOutbox outbox, ObjectProvider<JavaMailSender> senders, MailSettings settings,
			MailThreading threading, @Value("${spring.mail.host:}") String host) {
		this.outbox = outbox;
		this.threading = threading;
		this.senders = senders;
		this.enabled = settings.mail().worker().enabled();
		this.smtp = StringUtils.hasText(host);
		this.from = settings.mail().from().strip();
	}

	@Scheduled(fixedDelayString = "${queuedesk.mail.worker.delay}",
			initialDelayString = "${queuedesk.mail.worker.delay}")
	void scheduled() {
		if (enabled) {
			sendDue();
		}
	}

	/** Sends every due mail, batch by batch; returns how many were sent. */
	int sendDue() {
		int sent = 0;
		List<OutboxMail> batch;
		do {
			batch = outbox.claim(BATCH);
			for (OutboxMail mail : batch) {
				if (send(mail)) {
					sent++;
				}
			}
		}
		while (batch.size() == BATCH);
		return sent;
	}

	private boolean send(OutboxMail mail) {
		try {
			deliver(mail);
			outbox.markSent(mail.id());
			return true;
		}
		catch (MessagingException | RuntimeException ex) {
			log.warn("Mail {} to {} not sent: {}", mail.id(), mail.recipient(), ex.toString());
			outbox.markAttemptFailed(mail.id(), ex.toString());
			return false;
		}
	}

	/**
	 * The body with the single-use tokens of account links blanked out: a log is read by
	 * more people than the mailbox owner, and a token in it would let them take over the
	 * account.
	 */
	static String withoutTokens(String body) {
		return TOKEN.matcher(body).replaceAll("token=[hidden]");
	}

	private void deliver(OutboxMail mail) throws MessagingException {
		JavaMailSender sender = smtp ? senders.getIfAvailable() : null;
		if (sender == null) {
			log.info("Mail (no SMTP host configured, not sent) to {}: {}\n{}", mail.recipient(), mail.subject(),
					withoutTokens(mail.textBody()));
			return;
		}
		MimeMessage message = (sender instanceof JavaMailSenderImpl impl)
				? new ThreadedMimeMessage(impl.getSession(), mail.messageId()) : sender.createMimeMessage();
		MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
		helper.setFrom(from);
		helper.setTo(mail.recipient());
		helper.setSubject(mail.subject());
		helper.setText(mail.textBody(), mail.htmlBody());
		// Threading (MailThreading): the row's Message-ID, the same on every attempt, and
		// for a notification the ticket's root id as the mail it answers.
		message.setHeader(MESSAGE_ID, mail.messageId());
		if (mail.ticketId() != null) {
			String root = threading.rootId(mail.ticketId());
			message.setHeader("In-Reply-To", root);
			message.setHeader("References", root);
		}
		sender.send(message);
	}

	/**
	 * A message that keeps the Message-ID it was given: JavaMail's {@code saveChanges}
	 * (called on every send) would otherwise replace it with one of its own. Spring's
	 * {@code JavaMailSenderImpl} also puts back a Message-ID set before sending, which is
	 * what a sender of another kind (none in the app) relies on.
	 */
	static final class ThreadedMimeMessage extends MimeMessage {

		private final String messageId;

		ThreadedMimeMessage(Session session, String messageId) {
			super(session);
			this.messageId = messageId;
		}

		@Override
		protected void updateMessageID() throws MessagingException {
			setHeader(MESSAGE_ID, messageId);
		}

	}

}
