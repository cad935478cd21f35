package io.queuedesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import io.queuedesk.DatabaseRun;
import io.queuedesk.QueuedeskApplication;
import io.queuedesk.queue.QueueFixture;
import io.queuedesk.system.CrashWorkload.Kind;
import io.queuedesk.system.CrashWorkload.Write;

/**
 * Issue 12: a write the application has acknowledged survives a crash. The application
 * runs as a process of its own with the production settings (the embedded H2 file default
 * in a temporary directory; in the PostgreSQL run a database of its own); several users
 * write concurrently over HTTP; the process gets {@code kill -9} while writes are in
 * flight and is started again. Every acknowledged write must be there with its activity
 * entry, acknowledged deletes stay deleted, and invariant Q holds. With H2's default
 * write delay (commits reach the file up to half a second later) acknowledged tickets,
 * comments, moves and deletes were lost.
 */
class CrashDurabilityTest {

	private static final int USERS = 6;

	/**
	 * Kill once this many writes were acknowledged (or after
	 * {@link #MAX_WRITING_SECONDS}).
	 */
	private static final int WRITES_BEFORE_KILL = 80;

	private static final int MAX_WRITING_SECONDS = 15;

	private static final String ADMIN = "crash-admin@test.example";

	private static final String PASSWORD = "Crash-P@55word";

	@TempDir
	Path directory;

	@Test
	@Timeout(value = 240, unit = TimeUnit.SECONDS)
	void everyAcknowledgedWriteSurvivesKill9() throws Exception {
		ScratchDatabase database = DatabaseRun.isServerRun() ? ScratchDatabase.server("_crash")
				: ScratchDatabase.embeddedDefault(directory);
		List<String> settings = database.settings();
		List<String> createAdmin = new ArrayList<>(List.of("create-user", "--email=" + ADMIN, "--password=" + PASSWORD,
				"--role=ADMIN", "--queuedesk.demo-data=false"));
		createAdmin.addAll(settings);
		assertThat(QueuedeskApplication.runCommand(createAdmin.toArray(String[]::new))).as("create-user").isZero();
		long[] clients;
		long area;
		try (SingleConnectionDataSource dataSource = database.dataSource()) {
			JdbcClient jdbc = JdbcClient.create(dataSource);
			clients = new long[] { insert(jdbc, "clients", "Crash client A"),
					insert(jdbc, "clients", "Crash client B") };
			area = insert(jdbc, "product_areas", "Crash area");
		}

		Queue<Write> acknowledged = new ConcurrentLinkedQueue<>();
		Queue<Write> attempted = new ConcurrentLinkedQueue<>();
		try (AppProcess first = AppProcess.start(directory, "first", settings)) {
			List<CrashWorkload> users = new ArrayList<>();
			for (int i = 0; i < USERS; i++) {
				CrashWorkload user = new CrashWorkload(first.port, "user" + i, clients, area, acknowledged, attempted);
				user.signIn(ADMIN, PASSWORD);
				users.add(user);
			}
			List<Thread> threads = users.stream().map(Thread::new).toList();
			threads.forEach(Thread::start);
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(MAX_WRITING_SECONDS);
			while (acknowledged.size() < WRITES_BEFORE_KILL && System.nanoTime() < deadline) {
				Thread.sleep(20);
			}
			first.kill();
			users.forEach(CrashWorkload::stop);
			for (Thread thread : threads) {
				thread.join(TimeUnit.SECONDS.toMillis(40));
			}
		}
		assertThat(acknowledged).as("writes acknowledged before the kill").hasSizeGreaterThan(10);

		try (AppProcess second = AppProcess.start(directory, "second", settings)) {
			HttpSessionClient browser = new HttpSessionClient(second.port);
			assertThat(browser.signIn(ADMIN, PASSWORD).statusCode()).isEqualTo(302);
			assertThat(browser.get("/tickets").statusCode()).as("ticket list after the restart").isEqualTo(200);
		}

		Map<Kind, Long> byKind = acknowledged.stream()
			.collect(Collectors.groupingBy(Write::kind, Collectors.counting()));
		System.out.println("[queuedesk] crash test (" + database.name() + "): acknowledged " + byKind + ", "
				+ (attempted.size() - acknowledged.size()) + " without answer or refused");
		try (SingleConnectionDataSource dataSource = database.dataSource()) {
			JdbcClient jdbc = JdbcClient.create(dataSource);
			assertThat(lost(jdbc, List.copyOf(acknowledged), List.copyOf(attempted))).as("acknowledged writes lost")
				.isEmpty();
			QueueFixture queues = new QueueFixture(jdbc, new JdbcTemplate(dataSource));
			for (long client : clients) {
				queues.assertInvariantQ(client);
			}
			assertThat(jdbc.sql("""
					select t.id from tickets t where not exists
					  (select 1 from activity_log a where a.ticket_id = t.id and a.action = 'TICKET_CREATED')
					""").query(Long.class).list()).as("tickets without their creation entry").isEmpty();
		}
	}

	/** Every acknowledged write that is not in the database, described. */
	private static List<String> lost(JdbcClient jdbc, List<Write> acknowledged, List<Write> attempted) {
		Set<Long> deletesSent = attempted.stream()
			.filter(w -> w.kind() == Kind.DELETED)
			.map(Write::ticket)
			.collect(Collectors.toSet());
		List<String> lost = new ArrayList<>();
		Map<Write, Long> entriesNeeded = acknowledged.stream()
			.map(w -> new Write(w.kind(), w.ticket(), 0))
			.collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
		entriesNeeded.forEach((write, needed) -> {
			long found = jdbc.sql("select count(*) from activity_log where ticket_id = ? and action = ?")
				.params(write.ticket(), write.kind().activity)
				.query(Long.class)
				.single();
			if (found < needed) {
				lost.add(write.kind() + " #" + write.ticket() + ": " + found + " of " + needed + " activity entries");
			}
		});
		for (Write write : acknowledged) {
			boolean ticketThere = exists(jdbc, "select count(*) from tickets where id = ?", write.ticket());
			switch (write.kind()) {
				case DELETED -> {
					if (ticketThere) {
						lost.add("deleted ticket #" + write.ticket() + " is back");
					}
				}
				case COMMENTED -> {
					if (!deletesSent.contains(write.ticket())
							&& !exists(jdbc, "select count(*) from comments where id = ?", write.comment())) {
						lost.add("comment " + write.comment() + " of ticket #" + write.ticket());
					}
				}
				default -> {
					if (!ticketThere && !deletesSent.contains(write.ticket())) {
						lost.add("ticket #" + write.ticket() + " (" + write.kind() + ")");
					}
				}
			}
		}
		return lost;
	}

	private static boolean exists(JdbcClient jdbc, String sql, long id) {
		return jdbc.sql(sql).param(id).query(Long.class).single() > 0;
	}

	private static long insert(JdbcClient jdbc, String table, String name) {
		jdbc.sql("insert into " + table + " (name, active, created_at, version) values (?, true, ?, 0)")
			.params(name, Timestamp.from(Instant.now()))
			.update();
		return jdbc.sql("select id from " + table + " where name = ?").param(name).query(Long.class).single();
	}

}
