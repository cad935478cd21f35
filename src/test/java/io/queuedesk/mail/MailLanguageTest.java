package io.queuedesk.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

import io.queuedesk.account.AccountLinkIssued;
import io.queuedesk.queue.QueueFixture;
import io.queuedesk.ticket.TicketEvents;
import io.queuedesk.ticket.TicketStatus;
import io.queuedesk.user.Role;
import io.queuedesk.user.TestUsers;

/**
 * A mail has no browser (issue 18): it is written in its recipient's language
 * ({@code users.language}), else English. Account mails, ticket notifications (a status
 * named in the recipient's language) and the overdue digest (rendered once per language,
 * its dates as the language writes them). Each case runs in a transaction that is rolled
 * back.
 */
@SpringBootTest
class MailLanguageTest {

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	OverdueDigest digest;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	@Autowired
	MessageSource messages;

	@Autowired
	TransactionTemplate transactions;

	final String tag = UUID.randomUUID().toString().substring(0, 8);

	record Mail(String recipient, String subject, String text, String html) {
	}

	@Test
	void anAccountMailIsInTheOwnersLanguage() {
		transactions.executeWithoutResult(status -> {
			long before = maxId();
			events.publishEvent(new AccountLinkIssued("de-" + tag + "@test.example", "Dora",
					AccountLinkIssued.Kind.RESET_PASSWORD, "/password/reset?token=t", "de"));
			events.publishEvent(new AccountLinkIssued("en-" + tag + "@test.example", "Ed",
					AccountLinkIssued.Kind.RESET_PASSWORD, "/password/reset?token=t", null));
			List<Mail> mails = mails(before);
			assertThat(mails).hasSize(2);
			assertGerman(mails.get(0), message(Locale.GERMAN, "mail.account.RESET_PASSWORD.subject"));
			assertThat(mails.get(0).text()).contains(message(Locale.GERMAN, "mail.account.RESET_PASSWORD.action"))
				.contains(message(Locale.GERMAN, "mail.account.footer"));
			assertEnglish(mails.get(1), message(Locale.ENGLISH, "mail.account.RESET_PASSWORD.subject"));
			status.setRollbackOnly();
		});
	}

	@Test
	void aTicketNotificationNamesTheStatusInTheRecipientsLanguage() {
		transactions.executeWithoutResult(status -> {
			long german = user("de");
			long english = user(null);
			long ticket = anyTicket();
			long admin = jdbc.sql("select id from users where email = 'admin@example.com'").query(Long.class).single();
			long before = maxId();
			for (long submitter : new long[] { german, english }) {
				events.publishEvent(new TicketEvents.TicketStatusChanged(ticket, "Printer " + tag, TicketStatus.OPEN,
						TicketStatus.IN_PROGRESS, new TicketEvents.Person(submitter, "Sub"), null,
						new TicketEvents.Person(admin, "Dev")));
			}
			List<Mail> mails = mails(before).stream()
				.filter(mail -> mail.subject().contains("Printer " + tag))
				.toList();
			assertThat(mails).hasSize(2);
			String inProgress = message(Locale.GERMAN, "status.IN_PROGRESS");
			assertGerman(mails.get(0), message(Locale.GERMAN, "mail.status.subject", String.valueOf(ticket), inProgress,
					"Printer " + tag));
			assertThat(mails.get(0).text())
				.contains(message(Locale.GERMAN, "mail.status.heading", "Dev", String.valueOf(ticket),
						message(Locale.GERMAN, "status.OPEN"), inProgress))
				.contains(message(Locale.GERMAN, "mail.footer"));
			assertEnglish(mails.get(1), "[#" + ticket + "] In progress: Printer " + tag);
			status.setRollbackOnly();
		});
	}

	@Test
	void theDigestIsRenderedPerLanguageWithItsDates() {
		transactions.executeWithoutResult(status -> {
			long germanAdmin = user("de", Role.ADMIN);
			LocalDate target = LocalDate.now().minusDays(3);
			String late = lateTicket(target);
			long before = maxId();
			digest.send();
			List<Mail> mails = mails(before);
			Mail german = mails.stream().filter(mail -> mail.recipient().equals(email(germanAdmin))).findFirst().get();
			Mail english = mails.stream()
				.filter(mail -> mail.recipient().equals("admin@example.com"))
				.findFirst()
				.get();
			assertThat(german.text()).contains(late).contains(target.format(DateTimeFormatter.ofPattern("dd.MM.yyyy")));
			assertThat(german.html()).contains("lang=\"de\"");
			assertThat(german.subject()).startsWith(message(Locale.GERMAN, "mail.digest.subject", 1).replace("1", ""));
			assertThat(english.text()).contains(late).contains(target.toString());
			assertThat(english.html()).contains("lang=\"en\"");
			assertThat(english.subject()).startsWith("[Queuedesk] Overdue tickets: ");
			status.setRollbackOnly();
		});
	}

	private void assertGerman(Mail mail, String subject) {
		assertThat(mail.subject()).isEqualTo(subject);
		assertThat(mail.html()).contains("lang=\"de\"");
	}

	private void assertEnglish(Mail mail, String subject) {
		assertThat(mail.subject()).isEqualTo(subject);
		assertThat(mail.html()).contains("lang=\"en\"");
	}

	private String message(Locale locale, String code, Object... args) {
		return messages.getMessage(code, args, locale);
	}

	private List<Mail> mails(long after) {
		return jdbc.sql("select recipient, subject, text_body, html_body from mail_outbox where id > ? order by id")
			.param(after)
			.query((rs, n) -> new Mail(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.list();
	}

	private long maxId() {
		return jdbc.sql("select coalesce(max(id), 0) from mail_outbox").query(Long.class).single();
	}

	private long user(String language, Role... roles) {
		String email = TestUsers.uniqueEmail("mail-" + language);
		long id = TestUsers.insert(jdbc, encoder, email, "Right-pass-1", roles.length == 0 ? Role.SUBMITTER : roles[0],
				true, true, null);
		jdbc.sql("update users set language = ? where id = ?").params(language, id).update();
		return id;
	}

	private String email(long id) {
		return jdbc.sql("select email from users where id = ?").param(id).query(String.class).single();
	}

	private long anyTicket() {
		return jdbc.sql("select min(id) from tickets").query(Long.class).single();
	}

	private String lateTicket(LocalDate target) {
		String name = "Digest " + tag;
		jdbc.sql("insert into clients (name, active, created_at, version) values (?, true, ?, 0)")
			.params(name, Timestamp.from(Instant.now()))
			.update();
		long client = jdbc.sql("select id from clients where name = ?").param(name).query(Long.class).single();
		long area = jdbc.sql("select id from product_areas where name = 'Billing'").query(Long.class).single();
		long submitter = jdbc.sql("select id from users where email = 'user@example.com'").query(Long.class).single();
		Timestamp now = Timestamp.from(Instant.now());
		String title = "Late " + tag;
		jdbc.sql("""
				insert into tickets (title, description, client_id, product_area_id, queue_rank, target_date, status,
				  submitter_id, created_at, updated_at, completed_at, version)
				values (?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, ?, null, 0)
				""")
			.params(title, "Description", client, area, QueueFixture.rank(1), Date.valueOf(target), submitter, now, now)
			.update();
		QueueFixture.recount(jdbc, client);
		return title;
	}

}
