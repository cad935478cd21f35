package io.queuedesk.mail.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.mail.Flags;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.queuedesk.DatabaseRun;

/**
 * IMAP polling against a real IMAP server (GreenMail on a free port): a mail from an
 * active user becomes a ticket and is marked seen; refused and oversize mail is marked
 * seen and answered with nothing; one Message-ID is one ticket, delivered twice or polled
 * by two pollers at once; a mailbox that is down is retried with backoff, shown on
 * /admin/mail without its password, and processed when it is back; the application's own
 * poller really polls and stops without leaving a thread.
 *
 * <p>
 * The application's poller polls a mailbox of its own; the other tests build pollers on
 * mailboxes of their own and call {@link MailboxPoller#pollOnce()}, so nothing races.
 */
@SpringBootTest(properties = { "queuedesk.mail-in.default-client=Client A",
		"queuedesk.mail-in.default-product-area=Billing", "queuedesk.mail-in.poll=1s" })
@AutoConfigureMockMvc
class MailboxPollerTest {

	static final String SENDER = "user@example.com";

	static final String APP_LOGIN = "desk-app";

	/** With characters a URL must escape: the poller decodes it, nothing shows it. */
	static final String APP_PASSWORD = "s3cr:t/p@ss+w";

	static final int PORT = freePort();

	static final GreenMail greenMail = startGreenMail(PORT);

	static final GreenMailUser appMailbox = greenMail.setUser("desk-app@queuedesk.test", APP_LOGIN, APP_PASSWORD);

	@DynamicPropertySource
	static void mailbox(DynamicPropertyRegistry registry) {
		registry.add("queuedesk.mail-in.url", () -> url(APP_LOGIN, APP_PASSWORD, PORT));
	}

	@Autowired
	MailboxPoller appPoller;

	@Autowired
	InboundMailProcessor processor;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService accounts;

	String tag;

	GreenMailUser mailbox;

	@BeforeEach
	void mailbox() {
		tag = UUID.randomUUID().toString().substring(0, 8);
		mailbox = greenMail.setUser("box-" + tag + "@queuedesk.test", "box-" + tag, "pw-" + tag);
	}

	@AfterAll
	static void stop() {
		greenMail.stop();
	}

	@Test
	void aMailFromAnActiveUserBecomesATicketAtTheBottomOfTheQueueAndIsSeen() throws Exception {
		String subject = "Printer jams " + tag;
		mailbox.deliver(mail(SENDER, subject, "It jams on every page."));
		MailboxPoller poller = poller(DataSize.ofMegabytes(1));

		assertThat(poller.pollOnce()).isEqualTo(1);

		var ticket = jdbc.sql("""
				select t.id, t.description, u.email, c.name, t.queue_rank, t.client_id from tickets t
				join users u on u.id = t.submitter_id join clients c on c.id = t.client_id where t.title = ?
				""")
			.param(subject)
			.query((rs,
					n) -> new Object[] { rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
							rs.getLong(5), rs.getLong(6) })
			.single();
		assertThat(ticket[1]).isEqualTo("It jams on every page.");
		assertThat(ticket[2]).isEqualTo(SENDER);
		assertThat(ticket[3]).isEqualTo("Client A");
		long bottom = jdbc.sql("select max(queue_rank) from tickets where client_id = ? and queue_rank is not null")
			.param(ticket[5])
			.query(Long.class)
			.single();
		assertThat(ticket[4]).isEqualTo(bottom);
		assertThat(jdbc.sql("select details from activity_log where ticket_id = ? and action = 'TICKET_CREATED'")
			.param(ticket[0])
			.query(String.class)
			.single()).endsWith("created by mail");
		assertThat(outcome(subject)).containsExactly("IMAP", "ACCEPTED", null);
		assertThat(seen(mailbox)).containsExactly(true);
		MailboxStatus status = poller.status();
		assertThat(status.processed()).isEqualTo(1);
		assertThat(status.lastSuccess()).isNotNull();
		assertThat(status.failing()).isFalse();

		// Seen messages are not taken again.
		assertThat(poller.pollOnce()).isZero();
	}

	@Test
	void aMailFromAnUnknownSenderIsRefusedSeenAndNotAnswered() throws Exception {
		String stranger = "stranger-" + tag + "@example.org";
		String subject = "Hello " + tag;
		mailbox.deliver(mail(stranger, subject, "Buy now."));

		assertThat(poller(DataSize.ofMegabytes(1)).pollOnce()).isEqualTo(1);

		assertThat(outcome(subject)).containsExactly("IMAP", "REFUSED", "UNKNOWN_SENDER");
		assertThat(seen(mailbox)).containsExactly(true);
		assertThat(ticketsTitled(subject)).isZero();
		// Every mail Queuedesk sends goes through the outbox: nothing for the stranger.
		assertThat(jdbc.sql("select count(*) from mail_outbox where recipient like ?")
			.param("%" + stranger + "%")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void anOversizeMessageIsRefusedByItsHeadersAndSeen() throws Exception {
		String subject = "Huge " + tag;
		mailbox.deliver(mail(SENDER, subject, "x".repeat(20_000)));

		assertThat(poller(DataSize.ofKilobytes(4)).pollOnce()).isEqualTo(1);

		assertThat(outcome(subject)).containsExactly("IMAP", "REFUSED", "TOO_LARGE");
		assertThat(seen(mailbox)).containsExactly(true);
		assertThat(ticketsTitled(subject)).isZero();
	}

	@Test
	void aMessageLargerThanItsSizeSaidIsCutAtTheLimit() throws Exception {
		// Built in memory, its size is unknown (-1), as a server might misstate it.
		MimeMessage message = mail(SENDER, "Unknown size " + tag, "y".repeat(10_000));
		Path file = Files.createTempFile("mailbox-test", ".eml");
		try {
			assertThat(MailboxPoller.copy(message, file, 1_000)).isTrue();
			assertThat(Files.size(file)).isEqualTo(1_000);
			assertThat(MailboxPoller.copy(message, file, 1_000_000)).isFalse();
			assertThat(Files.readString(file)).contains("Unknown size " + tag);
		}
		finally {
			Files.delete(file);
		}
	}

	@Test
	void theSameMessageDeliveredTwiceIsOneTicket() throws Exception {
		String subject = "Twice " + tag;
		MimeMessage message = mail(SENDER, subject, "Sent twice.");
		mailbox.deliver(message);
		mailbox.deliver(message);

		assertThat(poller(DataSize.ofMegabytes(1)).pollOnce()).isEqualTo(2);

		assertThat(ticketsTitled(subject)).isEqualTo(1);
		assertThat(seen(mailbox)).containsExactly(true, true);
		assertThat(jdbc.sql("select count(*) from inbound_mail where subject = ?")
			.param(subject)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void twoPollersAtOnceMakeOneTicketPerMessage() throws Exception {
		int count = 6;
		for (int i = 0; i < count; i++) {
			mailbox.deliver(mail(SENDER, "Both " + tag + " " + i, "Polled by two."));
		}
		List<MailboxPoller> pollers = List.of(poller(DataSize.ofMegabytes(1)), poller(DataSize.ofMegabytes(1)));
		CyclicBarrier start = new CyclicBarrier(pollers.size());
		ExecutorService threads = Executors.newFixedThreadPool(pollers.size());
		try {
			List<Future<Integer>> done = new ArrayList<>();
			for (MailboxPoller poller : pollers) {
				done.add(threads.submit(() -> {
					start.await(10, TimeUnit.SECONDS);
					return poller.pollOnce();
				}));
			}
			int processed = 0;
			for (Future<Integer> result : done) {
				processed += result.get(60, TimeUnit.SECONDS);
			}
			// Each saw every message unseen or some already seen; never fewer than all.
			assertThat(processed).isBetween(count, 2 * count);
		}
		finally {
			threads.shutdownNow();
		}
		for (int i = 0; i < count; i++) {
			assertThat(ticketsTitled("Both " + tag + " " + i)).as("tickets of message %s", i).isEqualTo(1);
		}
		assertThat(seen(mailbox)).hasSize(count).containsOnly(true);
		assertThat(pollers).allMatch(poller -> !poller.status().failing());
	}

	@Test
	void aMailboxThatIsDownIsRetriedWithBackoffAndProcessedWhenBack() throws Exception {
		int port = freePort();
		String password = "down:p@ss/" + tag;
		MailboxPoller poller = new MailboxPoller(settings(url("desk-down", password, port), DataSize.ofMegabytes(1)),
				processor, Clock.systemUTC());

		assertThat(poller.pollOnce()).isEqualTo(-1);
		assertThat(poller.pollOnce()).isEqualTo(-1);
		MailboxStatus down = poller.status();
		assertThat(down.configured()).isTrue();
		assertThat(down.mailbox()).isEqualTo("imap://desk-down@127.0.0.1:" + port + "/INBOX");
		assertThat(down.failing()).isTrue();
		assertThat(down.consecutiveFailures()).isEqualTo(2);
		assertThat(down.lastError()).isNotBlank().doesNotContain(password).doesNotContain("p@ss");
		assertThat(down.lastSuccess()).isNull();
		// Nothing else fails meanwhile.
		mvc.perform(get("/admin/mail").with(user(accounts.loadUserByUsername("admin@example.com"))))
			.andExpect(status().isOk());

		GreenMail back = startGreenMail(port);
		try {
			GreenMailUser user = back.setUser("desk-down@queuedesk.test", "desk-down", password);
			String subject = "Back " + tag;
			user.deliver(mail(SENDER, subject, "The mailbox is back."));

			assertThat(poller.pollOnce()).isEqualTo(1);

			MailboxStatus up = poller.status();
			assertThat(up.failing()).isFalse();
			assertThat(up.consecutiveFailures()).isZero();
			assertThat(up.lastError()).isNull();
			assertThat(up.lastSuccess()).isNotNull();
			assertThat(ticketsTitled(subject)).isEqualTo(1);
			assertThat(seen(back, user)).containsExactly(true);
		}
		finally {
			back.stop();
		}
	}

	@Test
	void whenTheDatabaseFailsTheMessageStaysUnseenAndIsTakenLater() throws Exception {
		String subject = "Database down " + tag;
		mailbox.deliver(mail(SENDER, subject, "Processed on the second try."));
		mailbox.deliver(mail(SENDER, subject + " second", "Not touched while the database is down."));
		InboundMailProcessor down = mock(InboundMailProcessor.class);
		when(down.process(any(), any(), anyBoolean()))
			.thenThrow(new DataAccessResourceFailureException("Connection refused"));
		MailboxPoller failing = new MailboxPoller(
				settings(url(mailbox.getLogin(), mailbox.getPassword(), PORT), DataSize.ofMegabytes(1)), down,
				Clock.systemUTC());

		assertThat(failing.pollOnce()).isEqualTo(-1);

		// Read (peek) but not marked seen; the poll stopped at the first message.
		verify(down, times(1)).process(any(), any(), anyBoolean());
		assertThat(seen(mailbox)).containsExactly(false, false);
		assertThat(failing.status().failing()).isTrue();
		assertThat(failing.status().lastError()).contains("Connection refused");
		assertThat(failing.status().processed()).isZero();

		assertThat(poller(DataSize.ofMegabytes(1)).pollOnce()).isEqualTo(2);
		assertThat(ticketsTitled(subject)).isEqualTo(1);
		assertThat(seen(mailbox)).containsExactly(true, true);
	}

	/**
	 * Another instance holds the claim of a message (its transaction has not ended) for
	 * longer than this one's lock wait: this poll leaves that message unseen and goes on
	 * with the rest, without counting as a failed poll; the next one takes the message
	 * once the other instance let go. MariaDB's lock wait (10 s); PostgreSQL waits for
	 * its statement timeout instead (a failed poll, as any database failure), and the
	 * embedded H2 has no other instance.
	 */
	@Test
	void aMessageAnotherInstanceHoldsIsLeftToItAndTheRestGoesOn() throws Exception {
		assumeTrue(DatabaseRun.isMariaDbRun(), "a lock wait that runs out as a lost race: MariaDB");
		String subject = "Held " + tag;
		mailbox.deliver(mail(SENDER, subject, "Claimed by another instance for now."));
		mailbox.deliver(mail(SENDER, subject + " second", "Goes through meanwhile."));
		// As delivered (delivery gives the message a Message-ID of its own).
		String held = greenMail.getManagers()
			.getImapHostManager()
			.getInbox(mailbox)
			.getMessages()
			.get(0)
			.getMimeMessage()
			.getMessageID();
		CountDownLatch claimed = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		ExecutorService other = Executors.newSingleThreadExecutor();
		try {
			Future<?> instance = other.submit(() -> transactions.executeWithoutResult(status -> {
				jdbc.sql("""
						insert into inbound_mail (message_id, source, received_at, status)
						values (?, 'IMAP', ?, 'PROCESSING')""").params(held, Timestamp.from(Instant.now())).update();
				claimed.countDown();
				try {
					release.await(60, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				status.setRollbackOnly(); // it failed: the message is free again
			}));
			assertThat(claimed.await(30, TimeUnit.SECONDS)).isTrue();
			MailboxPoller poller = poller(DataSize.ofMegabytes(1));

			assertThat(poller.pollOnce()).isEqualTo(1);
			assertThat(seen(mailbox)).containsExactly(false, true);
			assertThat(poller.status().failing()).isFalse();
			assertThat(ticketsTitled(subject + " second")).isEqualTo(1);

			release.countDown();
			instance.get(30, TimeUnit.SECONDS);
			assertThat(poller.pollOnce()).isEqualTo(1);
			assertThat(ticketsTitled(subject)).isEqualTo(1);
			assertThat(seen(mailbox)).containsExactly(true, true);
		}
		finally {
			release.countDown();
			other.shutdownNow();
		}
	}

	@Test
	void aMessageTheProcessorFailsOnStaysUnseenAndTheOthersGoOn() throws Exception {
		mailbox.deliver(mail(SENDER, "Defect " + tag, "The processor fails on this one."));
		mailbox.deliver(mail(SENDER, "Fine " + tag, "This one goes through."));
		InboundMailProcessor flaky = mock(InboundMailProcessor.class);
		when(flaky.process(any(), any(), anyBoolean())).thenThrow(new IllegalStateException("a defect"))
			.thenReturn(InboundResult.accepted(1, null));
		MailboxPoller poller = new MailboxPoller(
				settings(url(mailbox.getLogin(), mailbox.getPassword(), PORT), DataSize.ofMegabytes(1)), flaky,
				Clock.systemUTC());

		assertThat(poller.pollOnce()).isEqualTo(1);

		verify(flaky, times(2)).process(any(), any(), anyBoolean());
		assertThat(seen(mailbox)).containsExactly(false, true);
		assertThat(poller.status().failing()).isFalse();
	}

	@Test
	void aRefusedLoginIsAFailureWithoutThePassword() {
		MailboxPoller poller = new MailboxPoller(
				settings(url(mailbox.getLogin(), "wrong-" + tag, PORT), DataSize.ofMegabytes(1)), processor,
				Clock.systemUTC());
		assertThat(poller.pollOnce()).isEqualTo(-1);
		assertThat(poller.status().lastError()).isNotBlank().doesNotContain("wrong-" + tag);
	}

	@Test
	void backoffDoublesFromTwiceThePollUpToFifteenMinutes() {
		Duration poll = Duration.ofSeconds(30);
		assertThat(MailboxPoller.backoff(poll, 0)).isEqualTo(poll);
		assertThat(MailboxPoller.backoff(poll, 1)).isEqualTo(Duration.ofMinutes(1));
		assertThat(MailboxPoller.backoff(poll, 2)).isEqualTo(Duration.ofMinutes(2));
		assertThat(MailboxPoller.backoff(poll, 4)).isEqualTo(Duration.ofMinutes(8));
		assertThat(MailboxPoller.backoff(poll, 5)).isEqualTo(Duration.ofMinutes(15));
		assertThat(MailboxPoller.backoff(poll, Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(15));
		assertThat(MailboxPoller.backoff(Duration.ofHours(1), 3)).isEqualTo(Duration.ofHours(1));
	}

	@Test
	void aStartedPollerSchedulesItsRetriesWithBackoffAndStopsWithoutAThreadLeft() {
		MailboxPoller poller = new MailboxPoller(settings(url("nobody", "pw", freePort()), DataSize.ofMegabytes(1)),
				processor, Clock.systemUTC());
		// The application's own poller has a thread of the same name.
		List<Thread> before = pollerThreads();
		poller.start();
		try {
			assertThat(poller.isRunning()).isTrue();
			await().atMost(Duration.ofSeconds(30)).until(() -> poller.status().consecutiveFailures() >= 1);
			await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
				MailboxStatus status = poller.status();
				// After n failures the next poll is due 2^n polls after the last began.
				assertThat(status.nextPoll()).isAfterOrEqualTo(status.lastAttempt()
					.plus(MailboxPoller.backoff(Duration.ofSeconds(1), status.consecutiveFailures())));
			});
		}
		finally {
			poller.stop();
		}
		assertThat(poller.isRunning()).isFalse();
		assertThat(poller.status().nextPoll()).isNull();
		assertThat(pollerThreads()).isSubsetOf(before);
	}

	@Test
	void theApplicationsPollerPollsItsMailbox() throws Exception {
		String subject = "Scheduled " + tag;
		appMailbox.deliver(mail(SENDER, subject, "Found by the scheduled poll."));

		await().atMost(Duration.ofSeconds(30)).until(() -> ticketsTitled(subject) == 1);
		await().atMost(Duration.ofSeconds(10)).until(() -> seenBySubject(appMailbox, subject));
		assertThat(appPoller.isRunning()).isTrue();
		assertThat(appPoller.status().processed()).isPositive();
		assertThat(appPoller.status().lastSuccess()).isNotNull();
	}

	@Test
	void theAdminPageShowsTheMailboxAndItsFailureWithoutThePassword() throws Exception {
		String page = adminPage();
		assertThat(page).contains("Mailbox")
			.contains("imap://" + APP_LOGIN + "@127.0.0.1:" + PORT + "/INBOX")
			.contains("Last success")
			.contains("Next poll")
			.contains("API endpoint (POST /api/inbound-mail):")
			.contains("not enabled (set QUEUEDESK_MAIL_IN_TOKEN)")
			.doesNotContain(APP_PASSWORD)
			.doesNotContain("Not configured");

		appMailbox.setPassword("changed-" + tag);
		try {
			await().atMost(Duration.ofSeconds(30)).until(() -> appPoller.status().failing());
			assertThat(adminPage()).contains("id=\"mailbox-failing\"")
				.contains("bi-exclamation-triangle")
				.contains("Warning:")
				.contains("Failing, retried with growing pauses")
				.doesNotContain(APP_PASSWORD)
				.doesNotContain("changed-" + tag);
		}
		finally {
			appMailbox.setPassword(APP_PASSWORD);
		}
		await().atMost(Duration.ofSeconds(30)).until(() -> !appPoller.status().failing());
		assertThat(adminPage()).doesNotContain("id=\"mailbox-failing\"");
	}

	// --- helpers
	// ------------------------------------------------------------------------------

	String adminPage() throws Exception {
		return mvc.perform(get("/admin/mail").with(user(accounts.loadUserByUsername("admin@example.com"))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	MailboxPoller poller(DataSize maxBytes) {
		return new MailboxPoller(settings(url(mailbox.getLogin(), mailbox.getPassword(), PORT), maxBytes), processor,
				Clock.systemUTC());
	}

	static MailInSettings settings(String url, DataSize maxBytes) {
		return new MailInSettings(url, Duration.ofSeconds(1), null, "Client A", "Billing", maxBytes);
	}

	static String url(String login, String password, int port) {
		return "imap://" + login + ":" + URLEncoder.encode(password, StandardCharsets.UTF_8) + "@127.0.0.1:" + port
				+ "/INBOX";
	}

	/** A mail to the support address with a Message-ID of its own. */
	MimeMessage mail(String from, String subject, String text) throws Exception {
		MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
		message.setFrom(from);
		message.setRecipients(MimeMessage.RecipientType.TO, "support@queuedesk.test");
		message.setSubject(subject);
		message.setText(text, "UTF-8");
		message.setHeader("Message-ID", "<poll." + UUID.randomUUID() + "@example.com>");
		return message;
	}

	List<Boolean> seen(GreenMailUser user) throws Exception {
		return seen(greenMail, user);
	}

	static List<Boolean> seen(GreenMail server, GreenMailUser user) throws Exception {
		return server.getManagers()
			.getImapHostManager()
			.getInbox(user)
			.getMessages()
			.stream()
			.map(message -> message.getFlags().contains(Flags.Flag.SEEN))
			.toList();
	}

	static boolean seenBySubject(GreenMailUser user, String subject) throws Exception {
		for (StoredMessage message : greenMail.getManagers().getImapHostManager().getInbox(user).getMessages()) {
			if (subject.equals(message.getMimeMessage().getSubject())) {
				return message.getFlags().contains(Flags.Flag.SEEN);
			}
		}
		return false;
	}

	long ticketsTitled(String title) {
		return jdbc.sql("select count(*) from tickets where title = ?").param(title).query(Long.class).single();
	}

	/** Source, status and reason of the inbound mail with that subject. */
	List<String> outcome(String subject) {
		return jdbc.sql("select source, status, reason from inbound_mail where subject = ?")
			.param(subject)
			.query((rs, n) -> java.util.Arrays.asList(rs.getString(1), rs.getString(2), rs.getString(3)))
			.single();
	}

	static List<Thread> pollerThreads() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter(thread -> thread.isAlive() && thread.getName().startsWith(MailboxPoller.THREAD_PREFIX))
			.toList();
	}

	static GreenMail startGreenMail(int port) {
		GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_IMAP));
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
