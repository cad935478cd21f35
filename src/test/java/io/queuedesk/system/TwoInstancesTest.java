package io.queuedesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.queuedesk.QueuedeskApplication;
import io.queuedesk.mail.DigestDelivery;
import io.queuedesk.mail.OutboxDelivery;
import io.queuedesk.queue.MoveTarget;
import io.queuedesk.queue.QueueFixture;
import io.queuedesk.ticket.TicketActionException;
import io.queuedesk.ticket.QueueMoves;
import io.queuedesk.ticket.TicketActions;
import io.queuedesk.user.SignedInUser;

/**
 * Two instances of the application (two contexts with web servers of their own) on one
 * PostgreSQL or MariaDB database, as behind a load balancer: queue changes split across
 * them keep invariant Q, a session started on one works on the other and ends on both at
 * sign-out, every outbox mail is sent once with both mail workers running, and the daily
 * digest is queued once when both instances fire it. The embedded H2 is one process's
 * file, so the H2 run skips this.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@EnabledIfSystemProperty(named = "queuedesk.test.database", matches = "postgres|mariadb",
		disabledReason = "two instances share a database only on a server (the embedded H2 file belongs to one process)")
class TwoInstancesTest {

	private static final String ADMIN = "admin@example.com";

	private GreenMail smtp;

	private ConfigurableApplicationContext a;

	private ConfigurableApplicationContext b;

	private final String tag = UUID.randomUUID().toString().substring(0, 8);

	@BeforeAll
	void startTwoInstances() throws Exception {
		ScratchDatabase database = ScratchDatabase.server("_two");
		int smtpPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			smtpPort = socket.getLocalPort();
		}
		smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		smtp.start();
		List<String> settings = new ArrayList<>(database.settings());
		settings.addAll(List.of("--server.port=0", "--queuedesk.demo-data=true", "--spring.mail.host=127.0.0.1",
				"--spring.mail.port=" + smtpPort, "--queuedesk.mail.worker.enabled=true",
				"--queuedesk.mail.worker.delay=PT0.1S", "--spring.datasource.hikari.maximum-pool-size=6"));
		// One after the other: the first creates the demo data, the second finds it.
		a = start(settings);
		b = start(settings);
	}

	@AfterAll
	void stop() {
		for (ConfigurableApplicationContext context : Arrays.asList(a, b)) {
			if (context != null) {
				context.close();
			}
		}
		if (smtp != null) {
			smtp.stop();
		}
	}

	@Test
	void aSessionStartedOnOneInstanceWorksOnTheOtherAndEndsOnBoth() throws Exception {
		HttpSessionClient onA = new HttpSessionClient(port(a));
		assertThat(onA.signIn(ADMIN, "adminP@55word").statusCode()).isEqualTo(302);
		String cookie = onA.sessionCookie().orElseThrow().toString();
		assertThat(get(b, "/tickets", cookie).statusCode()).as("the session of A on B").isEqualTo(200);

		assertThat(onA.post("/tickets", "/logout").statusCode()).isEqualTo(302);
		HttpResponse<String> afterSignOut = get(b, "/tickets", cookie);
		assertThat(afterSignOut.statusCode()).as("the session on B after signing out on A").isEqualTo(302);
		assertThat(afterSignOut.headers().firstValue("Location").orElse("")).endsWith("/login");
	}

	@Test
	void queueChangesSplitAcrossBothInstancesKeepInvariantQ() throws Exception {
		JdbcClient jdbc = a.getBean(JdbcClient.class);
		QueueFixture fixture = new QueueFixture(jdbc, a.getBean(JdbcTemplate.class));
		long clientA = fixture.newClient();
		long clientB = fixture.newClient();
		fixture.fill(clientA, 20);
		fixture.fill(clientB, 20);
		long area = jdbc.sql("select min(id) from product_areas where active = true").query(Long.class).single();

		Queue<Throwable> unexpected = new ConcurrentLinkedQueue<>();
		Map<String, Long> outcomes;
		List<Callable<List<String>>> threads = new ArrayList<>();
		for (int t = 0; t < 8; t++) {
			ConfigurableApplicationContext instance = t % 2 == 0 ? a : b;
			threads.add(() -> operations(instance, clientA, clientB, area, unexpected));
		}
		ExecutorService pool = Executors.newFixedThreadPool(threads.size());
		try {
			List<String> all = new ArrayList<>();
			for (Future<List<String>> done : pool.invokeAll(threads, 2, TimeUnit.MINUTES)) {
				all.addAll(done.get());
			}
			outcomes = all.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(unexpected).as("exceptions that would surface as a 500").isEmpty();
		fixture.assertInvariantQ(clientA);
		fixture.assertInvariantQ(clientB);
		assertThat(outcomes.entrySet()
			.stream()
			.filter(e -> e.getKey().endsWith("ok"))
			.mapToLong(Map.Entry::getValue)
			.sum()).as("most operations succeed: %s", outcomes).isGreaterThan(8 * 30 / 2);
	}

	@Test
	void everyOutboxMailIsSentOnceWithBothWorkersRunning() throws Exception {
		JdbcClient jdbc = a.getBean(JdbcClient.class);
		Timestamp now = Timestamp.from(Instant.now());
		// All due at once, and besides both schedules two more workers per instance start
		// together.
		a.getBean(TransactionTemplate.class).executeWithoutResult(status -> {
			for (int i = 0; i < 120; i++) {
				jdbc.sql(
						"""
								insert into mail_outbox (recipient, subject, text_body, html_body, status, attempts, next_attempt_at, created_at)
								values (?, ?, 'Two instances', '<p>Two instances</p>', 'PENDING', 0, ?, ?)
								""")
					.params("reader" + (i % 5) + "@two.example", "Outbox " + tag + " " + i, now, now)
					.update();
			}
		});
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Future<Integer>> workers = new ArrayList<>();
			for (ConfigurableApplicationContext instance : List.of(a, b, a, b)) {
				workers.add(pool.submit(() -> {
					start.await();
					return OutboxDelivery.sendDue(instance);
				}));
			}
			start.countDown();
			for (Future<Integer> worker : workers) {
				worker.get(60, TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdownNow();
		}
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
		while (pending(jdbc, "Outbox " + tag + " %") > 0 && System.nanoTime() < deadline) {
			Thread.sleep(100);
		}
		assertThat(pending(jdbc, "Outbox " + tag + " %")).as("mails still pending").isZero();
		Map<String, Long> received = receivedSubjects("Outbox " + tag + " ");
		assertThat(received).as("mails received").hasSize(120);
		assertThat(received.values()).as("times each mail was received").containsOnly(1L);
	}

	@Test
	void theDailyDigestIsQueuedOnceWhenBothInstancesFireIt() throws Exception {
		JdbcClient jdbc = a.getBean(JdbcClient.class);
		long client = new QueueFixture(jdbc, a.getBean(JdbcTemplate.class)).newClient();
		long ticket = new QueueFixture(jdbc, a.getBean(JdbcTemplate.class)).insert(client);
		jdbc.sql("update tickets set target_date = ?, title = ? where id = ?")
			.params(Date.valueOf(LocalDate.now().minusDays(3)), "Overdue " + tag, ticket)
			.update();
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<?>> fired = new ArrayList<>();
			for (ConfigurableApplicationContext instance : List.of(a, b)) {
				fired.add(pool.submit(() -> {
					start.await();
					DigestDelivery.fire(instance);
					return null;
				}));
			}
			start.countDown();
			for (Future<?> done : fired) {
				done.get(60, TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdownNow();
		}
		List<String> admins = jdbc
			.sql("""
					select u.email from users u join user_roles r on r.user_id = u.id where r.role = 'ADMIN' and u.active = true
					""")
			.query(String.class)
			.list();
		List<String> queued = jdbc.sql("select recipient from mail_outbox where text_body like ?")
			.param("%Overdue " + tag + "%")
			.query(String.class)
			.list();
		assertThat(queued).as("digest mails queued").containsExactlyInAnyOrderElementsOf(admins);
	}

	private static List<String> operations(ConfigurableApplicationContext instance, long clientA, long clientB,
			long area, Queue<Throwable> unexpected) {
		TicketActions tickets = TicketActions.of(instance);
		QueueMoves moves = instance.getBean(QueueMoves.class);
		JdbcClient jdbc = instance.getBean(JdbcClient.class);
		SignedInUser admin = (SignedInUser) instance.getBean(UserDetailsService.class).loadUserByUsername(ADMIN);
		SecurityContextHolder.getContext()
			.setAuthentication(new UsernamePasswordAuthenticationToken(admin, null, admin.getAuthorities()));
		List<String> outcomes = new ArrayList<>();
		ThreadLocalRandom random = ThreadLocalRandom.current();
		try {
			for (int i = 0; i < 30; i++) {
				long client = random.nextBoolean() ? clientA : clientB;
				List<Long> queued = jdbc.sql("select id from tickets where client_id = ? and queue_rank is not null")
					.param(client)
					.query(Long.class)
					.list();
				int kind = random.nextInt(queued.isEmpty() ? 1 : 4);
				long ticket = queued.isEmpty() ? 0 : queued.get(random.nextInt(queued.size()));
				try {
					switch (kind) {
						case 0 -> tickets.create("Two instances", "Created on one of two", client, area, null,
								random.nextBoolean(), admin);
						case 1 -> moves.transfer(ticket, client == clientA ? clientB : clientA, admin);
						case 2 -> tickets.delete(ticket, admin);
						default -> moves.move(ticket, random.nextBoolean() ? MoveTarget.top()
								: new MoveTarget.Position(1 + random.nextInt(queued.size())), admin);
					}
					outcomes.add(kind + " ok");
				}
				catch (NotFoundException | TicketActionException | OptimisticLockingFailureException refused) {
					outcomes.add(kind + " refused");
				}
			}
		}
		catch (Throwable ex) {
			unexpected.add(ex);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
		return outcomes;
	}

	private static long pending(JdbcClient jdbc, String subjects) {
		return jdbc.sql("select count(*) from mail_outbox where subject like ? and status <> 'SENT'")
			.param(subjects)
			.query(Long.class)
			.single();
	}

	private Map<String, Long> receivedSubjects(String prefix) throws MessagingException {
		List<String> subjects = new ArrayList<>();
		for (MimeMessage message : smtp.getReceivedMessages()) {
			if (message.getSubject().startsWith(prefix)) {
				subjects.add(message.getSubject());
			}
		}
		return subjects.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
	}

	private static HttpResponse<String> get(ConfigurableApplicationContext instance, String path, String cookie)
			throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port(instance) + path))
				.header("Cookie", cookie)
				.header("Accept", "text/html")
				.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static int port(ConfigurableApplicationContext instance) {
		return Integer.parseInt(instance.getEnvironment().getProperty("local.server.port"));
	}

	private static ConfigurableApplicationContext start(List<String> settings) {
		return new SpringApplicationBuilder(QueuedeskApplication.class).run(settings.toArray(String[]::new));
	}

}
