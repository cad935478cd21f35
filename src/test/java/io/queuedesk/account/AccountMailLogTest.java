package io.queuedesk.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.queuedesk.mail.OutboxDelivery;
import io.queuedesk.user.TestUsers;

/**
 * Without an SMTP host mails are written to the log (docs/RULES.md#email) — but never the
 * raw token of an account link: whoever reads the log must not be able to take over an
 * account.
 */
@SpringBootTest(properties = { "spring.mail.host=", "logging.level.io.queuedesk.mail.MailWorker=INFO" })
@ExtendWith(OutputCaptureExtension.class)
class AccountMailLogTest {

	@Autowired
	AccountService accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	@Test
	void theLoggedMailHidesTheToken(CapturedOutput output) {
		String email = TestUsers.uniqueEmail("log-only");
		accounts.register(email, "Log Only", "Right-pass-1");
		String body = jdbc.sql("select text_body from mail_outbox where recipient = ?")
			.param(email)
			.query(String.class)
			.single();
		Matcher link = Pattern.compile("token=([A-Za-z0-9_-]{43})").matcher(body);
		assertThat(link.find()).as("the mail carries a token").isTrue();

		OutboxDelivery.sendDue(context);

		assertThat(output.getAll()).contains(email)
			.contains("/register/confirm?token=[hidden]")
			.doesNotContain(link.group(1));
		assertThat(jdbc.sql("select status from mail_outbox where recipient = ?")
			.param(email)
			.query(String.class)
			.single()).isEqualTo("SENT");
	}

}
