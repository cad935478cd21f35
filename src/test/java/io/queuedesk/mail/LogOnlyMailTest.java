package io.queuedesk.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An empty SPRING_MAIL_HOST counts as unset: mails are logged and marked sent, so the app
 * works offline.
 */
@SpringBootTest(properties = { "spring.mail.host=", "spring.mail.port=1" })
class LogOnlyMailTest {

	@Autowired
	MailOutbox outbox;

	@Autowired
	MailWorker worker;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void withoutAnSmtpHostMailsAreLoggedAndMarkedSent() {
		String recipient = "offline-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
		transactions.executeWithoutResult(status -> outbox.enqueue(recipient, "Offline", "text", "<p>html</p>"));
		worker.sendDue();
		assertThat(jdbc.sql("select status from mail_outbox where recipient = ?")
			.param(recipient)
			.query(String.class)
			.single()).isEqualTo("SENT");
	}

}
