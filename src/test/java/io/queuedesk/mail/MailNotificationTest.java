package io.queuedesk.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import io.queuedesk.queue.QueueFixture;
import io.queuedesk.comment.CommentService;
import io.queuedesk.ticket.TicketActions;
import io.queuedesk.ticket.TicketStatus;
import io.queuedesk.user.SignedInUser;

/**
 * Ticket notifications through the outbox to a real SMTP server (GreenMail on a free
 * port): the right recipients, subjects and links; nothing for a rolled-back change or an
 * internal note; an SMTP outage fails no request and loses no mail; two workers never
 * claim one row; threading headers (the row's Message-ID on every attempt, the ticket's
 * root id as In-Reply-To and References, {@code [#id]} in the subject).
 */
@SpringBootTest(properties = { "queuedesk.base-url=https://desk.example.test/",
		"queuedesk.mail.from=Queuedesk <desk@Desk.Example.test>" })
class MailNotificationTest {

	static final String ADMIN = "admin@example.com";

	static final String DEV_ONE = "developer1@example.com";

	static final String SUBMITTER = "user@example.com";

	static final int PORT = freePort();

	static GreenMail greenMail = startGreenMail();

	@DynamicPropertySource
	static void smtp(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> PORT);
	}

	@Autowired
	CommentService comments;

	TicketActions tickets;

	@Autowired
	void tickets(ApplicationContext context) {
		tickets = TicketActions.of(context);
	}

	@Autowired
	MailWorker worker;

	@Autowired
	MailOutbox outbox;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService accounts;

	@Autowired
	TransactionTemplate transactions;

	String tag;

	long client;

	@BeforeEach
	void data() {
		if (!greenMail.isRunning()) {
			greenMail = startGreenMail();
		}
		tag = UUID.randomUUID().toString().substring(0, 8);
		jdbc.sql("insert into clients (name, active, created_at, version) values (?, true, ?, 0)")
			.params("Mail " + tag, Timestamp.from(Instant.now()))
			.update();
		client = jdbc.sql("select id from clients where name = ?").param("Mail " + tag).query(Long.class).single();
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@AfterAll
	static void stop() {
		greenMail.stop();
	}

	@Test
	void assigningMailsTheAssigneeWithALinkToTheTicket() throws Exception {
		long ticket = ticket(SUBMITTER, null);
		tickets.assign(ticket, userId(DEV_ONE), as(ADMIN));
		worker.sendDue();
		MimeMessage mail = single(DEV_ONE, ticket);
		assertThat(mail.getSubject()).isEqualTo("[#" + ticket + "] Assigned to you: " + title(ticket));
		assertThat(GreenMailUtil.getBody(mail)).contains("https://desk.example.test/tickets/" + ticket);
		assertThat(mail.getContentType()).startsWith("multipart/");
		assertThat(mailsAbout(ticket)).extracting(this::recipient).containsOnly(DEV_ONE);
	}

	@Test
	void creatingATicketWithAnAssigneeMailsTheAssignee() throws Exception {
		long area = jdbc.sql("select id from product_areas where name = 'Billing'").query(Long.class).single();
		long ticket = tickets.create("Created " + tag, "Description", client, area, userId(DEV_ONE), false, as(ADMIN));
		worker.sendDue();
		assertThat(single(DEV_ONE, ticket).getSubject()).isEqualTo("[#" + ticket + "] Assigned to you: Created " + tag);
	}

	@Test
	void aStatusChangeMailsTheSubmitter() throws Exception {
		long ticket = ticket(SUBMITTER, DEV_ONE);
		tickets.transition(ticket, TicketStatus.ACCEPTED, null, as(DEV_ONE));
		worker.sendDue();
		MimeMessage mail = single(SUBMITTER, ticket);
		assertThat(mail.getSubject()).isEqualTo("[#" + ticket + "] Accepted: " + title(ticket));
		assertThat(GreenMailUtil.getBody(mail)).contains("https://desk.example.test/tickets/" + ticket);
	}

	@Test
	void aPublicCommentMailsTheOtherSideAndInternalNotesNobody() throws Exception {
		long ticket = ticket(SUBMITTER, DEV_ONE);
		comments.add(ticket, "Internal: the customer is wrong " + tag, true, as(DEV_ONE));
		comments.add(ticket, "Could you send a screenshot? " + tag, false, as(DEV_ONE));
		comments.add(ticket, "Here it is " + tag, false, as(SUBMITTER));
		worker.sendDue();
		MimeMessage toSubmitter = single(SUBMITTER, ticket);
		assertThat(toSubmitter.getSubject()).isEqualTo("[#" + ticket + "] New comment: " + title(ticket));
		assertThat(GreenMailUtil.getBody(toSubmitter)).contains("Could you send a screenshot? " + tag)
			.contains("https://desk.example.test/tickets/" + ticket);
		MimeMessage toAssignee = single(DEV_ONE, ticket);
		assertThat(GreenMailUtil.getBody(toAssignee)).contains("Here it is " + tag);
		// The internal note appears in no mail at all, let alone the submitter's.
		assertThat(jdbc.sql("select count(*) from mail_outbox where text_body like ? or html_body like ?")
			.params("%customer is wrong " + tag + "%", "%customer is wrong " + tag + "%")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void nobodyIsMailedAboutTheirOwnAction() {
		long ticket = ticket(ADMIN, null);
		tickets.assign(ticket, userId(ADMIN), as(ADMIN));
		tickets.transition(ticket, TicketStatus.ACCEPTED, null, as(ADMIN));
		comments.add(ticket, "Note to self " + tag, false, as(ADMIN));
		assertThat(outboxRows(ticket)).isZero();
	}

	@Test
	void aRolledBackChangeSendsNothing() {
		long ticket = ticket(SUBMITTER, null);
		SignedInUser admin = as(ADMIN);
		transactions.executeWithoutResult(status -> {
			tickets.assign(ticket, userId(DEV_ONE), admin);
			comments.add(ticket, "Rolled back " + tag, false, admin);
			assertThat(outboxRows(ticket)).isEqualTo(2);
			status.setRollbackOnly();
		});
		assertThat(outboxRows(ticket)).isZero();
		worker.sendDue();
		assertThat(mailsAbout(ticket)).isEmpty();
	}

	@Test
	void anSmtpOutageFailsNoRequestAndLosesNoMail() throws Exception {
		long ticket = ticket(SUBMITTER, DEV_ONE);
		greenMail.stop();
		assertThatCode(() -> comments.add(ticket, "During the outage " + tag, false, as(DEV_ONE)))
			.doesNotThrowAnyException();
		assertThatCode(() -> worker.sendDue()).doesNotThrowAnyException();
		var row = jdbc
			.sql("select status, attempts, next_attempt_at, last_error from mail_outbox where html_body like ?")
			.param("%/tickets/" + ticket + "\"%")
			.query((rs,
					n) -> new Object[] { rs.getString(1), rs.getInt(2), rs.getTimestamp(3).toInstant(),
							rs.getString(4) })
			.single();
		assertThat(row[0]).isEqualTo("PENDING");
		assertThat((int) row[1]).isEqualTo(1);
		assertThat((Instant) row[2]).isBefore(Instant.now().plus(Duration.ofMinutes(1)));
		assertThat((String) row[3]).isNotBlank();
		String messageId = jdbc.sql("select message_id from mail_outbox where html_body like ?")
			.param("%/tickets/" + ticket + "\"%")
			.query(String.class)
			.single();
		assertThat(messageId).startsWith("<qd.ticket-" + ticket + ".");

		greenMail = startGreenMail();
		// The retry is due within a minute; bring it forward instead of waiting.
		jdbc.sql("update mail_outbox set next_attempt_at = ? where html_body like ?")
			.params(Timestamp.from(Instant.now()), "%/tickets/" + ticket + "\"%")
			.update();
		worker.sendDue();
		MimeMessage retried = single(SUBMITTER, ticket);
		assertThat(GreenMailUtil.getBody(retried)).contains("During the outage " + tag);
		// The retry carries the Message-ID the row was written with.
		assertThat(retried.getMessageID()).isEqualTo(messageId);
		assertThat(jdbc.sql("select message_id from mail_outbox where html_body like ?")
			.param("%/tickets/" + ticket + "\"%")
			.query(String.class)
			.single()).isEqualTo(messageId);
		assertThat(jdbc.sql("select status from mail_outbox where html_body like ?")
			.param("%/tickets/" + ticket + "\"%")
			.query(String.class)
			.single()).isEqualTo("SENT");
	}

	@Test
	void twoWorkersNeverClaimOneRow() throws Exception {
		Timestamp due = Timestamp.from(Instant.now().minusSeconds(1));
		for (int i = 0; i < 60; i++) {
			jdbc.sql(
					"""
							insert into mail_outbox (recipient, subject, text_body, html_body, status, attempts, next_attempt_at,
							  created_at) values (?, ?, 'text', 'html', 'PENDING', 0, ?, ?)
							""")
				.params("claim-" + tag + "@example.com", "Claim " + tag + " " + i, due, due)
				.update();
		}
		Set<Long> mine = new HashSet<>(jdbc.sql("select id from mail_outbox where recipient = ?")
			.param("claim-" + tag + "@example.com")
			.query(Long.class)
			.list());
		CountDownLatch start = new CountDownLatch(1);
		Callable<List<Long>> claimer = () -> {
			start.await();
			List<Long> claimed = new ArrayList<>();
			List<OutboxMail> batch;
			do {
				batch = outbox.claim(7);
				batch.forEach(mail -> claimed.add(mail.id()));
			}
			while (!batch.isEmpty());
			return claimed;
		};
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			Future<List<Long>> first = pool.submit(claimer);
			Future<List<Long>> second = pool.submit(claimer);
			start.countDown();
			List<Long> all = new ArrayList<>(first.get());
			all.addAll(second.get());
			assertThat(all).doesNotHaveDuplicates();
			assertThat(all).containsAll(mine);
			for (Long id : all) {
				outbox.markSent(id);
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void notificationsOfOneTicketAreThreadedUnderItsRoot() throws Exception {
		long ticket = ticket(SUBMITTER, DEV_ONE);
		tickets.transition(ticket, TicketStatus.ACCEPTED, null, as(DEV_ONE));
		comments.add(ticket, "Threaded " + tag, false, as(DEV_ONE));
		worker.sendDue();
		List<MimeMessage> mails = mailsAbout(ticket);
		assertThat(mails).hasSize(2);
		List<String> rows = jdbc.sql("select message_id from mail_outbox where ticket_id = ? order by id")
			.param(ticket)
			.query(String.class)
			.list();
		assertThat(rows).hasSize(2).doesNotHaveDuplicates();
		String root = "<qd.ticket-" + ticket + "@desk.example.test>";
		for (MimeMessage mail : mails) {
			// The domain is queuedesk.mail.from's, in lower case; the id is the outbox
			// row's.
			assertThat(mail.getMessageID()).matches("<qd\\.ticket-" + ticket + "\\.[0-9a-f]{32}@desk\\.example\\.test>")
				.isIn(rows);
			assertThat(mail.getHeader("In-Reply-To")).containsExactly(root);
			assertThat(mail.getHeader("References")).containsExactly(root);
			assertThat(mail.getSubject()).startsWith("[#" + ticket + "] ");
			// ... and a reply to it finds its way back, by header and by subject.
			MailThreading threading = new MailThreading("desk.example.test");
			assertThat(threading.ticketOf(mail.getMessageID())).contains(ticket);
			assertThat(threading.ticketOf(mail.getHeader("References")[0] + " " + mail.getMessageID()))
				.contains(ticket);
			assertThat(MailThreading.ticketOfSubject("Re: " + mail.getSubject())).contains(ticket);
		}
		assertThat(mails).extracting(MimeMessage::getMessageID).doesNotHaveDuplicates();
	}

	@Test
	void mailsAboutNoTicketGetAPlainMessageIdOnce() throws Exception {
		String recipient = "plain-" + tag + "@example.com";
		transactions
			.executeWithoutResult(status -> outbox.enqueue(recipient, "Plain " + tag, "text " + tag, "<p>html</p>"));
		// A row written before V13 (or by hand) has none: it gets one when claimed.
		Timestamp due = Timestamp.from(Instant.now().minusSeconds(1));
		jdbc.sql("""
				insert into mail_outbox (recipient, subject, text_body, html_body, status, attempts, next_attempt_at,
				  created_at) values (?, ?, 'legacy', '<p>legacy</p>', 'PENDING', 0, ?, ?)
				""").params(recipient, "Legacy " + tag, due, due).update();
		worker.sendDue();
		List<String> rows = jdbc.sql("select message_id from mail_outbox where recipient = ? order by id")
			.param(recipient)
			.query(String.class)
			.list();
		assertThat(rows).hasSize(2).allMatch(id -> id.matches("<qd\\.[0-9a-f]{32}@desk\\.example\\.test>"));
		List<MimeMessage> received = Arrays.stream(greenMail.getReceivedMessages())
			.filter(mail -> recipient.equals(recipient(mail)))
			.toList();
		assertThat(received).hasSize(2);
		for (MimeMessage mail : received) {
			assertThat(mail.getMessageID()).isIn(rows);
			assertThat(mail.getHeader("In-Reply-To")).isNull();
			assertThat(mail.getHeader("References")).isNull();
		}
	}

	@Test
	void backoffStartsWithinAMinuteDoublesAndIsCapped() {
		assertThat(MailOutbox.backoff(1)).isEqualTo(Duration.ofSeconds(30));
		assertThat(MailOutbox.backoff(2)).isEqualTo(Duration.ofMinutes(1));
		assertThat(MailOutbox.backoff(3)).isEqualTo(Duration.ofMinutes(2));
		assertThat(MailOutbox.backoff(20)).isEqualTo(Duration.ofMinutes(15));
	}

	// --- helpers
	// ------------------------------------------------------------------------------

	SignedInUser as(String email) {
		SignedInUser user = (SignedInUser) accounts.loadUserByUsername(email);
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
		return user;
	}

	long userId(String email) {
		return jdbc.sql("select id from users where email = ?").param(email).query(Long.class).single();
	}

	String title(long ticket) {
		return jdbc.sql("select title from tickets where id = ?").param(ticket).query(String.class).single();
	}

	long outboxRows(long ticket) {
		return jdbc.sql("select count(*) from mail_outbox where html_body like ?")
			.param("%/tickets/" + ticket + "\"%")
			.query(Long.class)
			.single();
	}

	/** An OPEN ticket of this test's client; assignee may be null. */
	long ticket(String submitter, String assignee) {
		String title = "Mail test " + tag + " " + UUID.randomUUID().toString().substring(0, 4);
		int priority = jdbc.sql("select count(*) from tickets where client_id = ? and queue_rank is not null")
			.param(client)
			.query(Integer.class)
			.single() + 1;
		long area = jdbc.sql("select id from product_areas where name = 'Billing'").query(Long.class).single();
		Timestamp now = Timestamp.from(Instant.now());
		jdbc.sql("""
				insert into tickets (title, description, client_id, product_area_id, queue_rank, status, assignee_id,
				  submitter_id, created_at, updated_at, version)
				values (?, ?, ?, ?, ?, 'OPEN', ?, ?, ?, ?, 0)
				""")
			.params(title, "Description " + title, client, area, QueueFixture.rank(priority),
					assignee == null ? null : userId(assignee), userId(submitter), now, now)
			.update();
		QueueFixture.recount(jdbc, client);
		return jdbc.sql("select id from tickets where title = ?").param(title).query(Long.class).single();
	}

	/** The mails GreenMail received that link to the ticket. */
	List<MimeMessage> mailsAbout(long ticket) {
		return Arrays.stream(greenMail.getReceivedMessages())
			.filter(mail -> GreenMailUtil.getBody(mail).contains("/tickets/" + ticket))
			.toList();
	}

	MimeMessage single(String recipient, long ticket) {
		List<MimeMessage> mails = mailsAbout(ticket).stream()
			.filter(mail -> recipient.equals(recipient(mail)))
			.toList();
		assertThat(mails).as("mails to %s about ticket %s", recipient, ticket).hasSize(1);
		return mails.get(0);
	}

	String recipient(MimeMessage mail) {
		try {
			return mail.getAllRecipients()[0].toString();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	static GreenMail startGreenMail() {
		GreenMail server = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		server.start();
		return server;
	}

	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
