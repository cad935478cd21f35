package io.queuedesk.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import io.queuedesk.DatabaseRun;
import io.queuedesk.queue.QueueFixture;

/**
 * Issue 17: a deadlock or a lock wait that ran out is a clean answer on MariaDB as on
 * PostgreSQL and H2, never a 500: a deadlock is a race lost (a
 * {@link ConcurrencyFailureException}, which the pages answer with 409 and the API with
 * its JSON 409: ConflictPagesTest), not a database failure; a lock wait that ran out is a
 * race lost on MariaDB (error 1205, as Hibernate translates it) or the database busy
 * (503) where the statement timeout ended it (PostgreSQL).
 */
@SpringBootTest
@AutoConfigureMockMvc
class LockFailuresTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService accounts;

	final ExecutorService threads = Executors.newFixedThreadPool(2);

	@AfterEach
	void stopThreads() {
		threads.shutdownNow();
	}

	@Test
	void aDeadlockIsARaceLost() throws Exception {
		// H2 does not detect row deadlocks: one side waits for its lock timeout instead.
		assumeTrue(DatabaseRun.isServerRun(), "a server database detects the deadlock");
		QueueFixture fixture = new QueueFixture(jdbc, null);
		long first = fixture.newClient();
		long second = fixture.newClient();
		CyclicBarrier bothLocked = new CyclicBarrier(2);
		List<Future<?>> sides = new ArrayList<>();
		for (long[] order : new long[][] { { first, second }, { second, first } }) {
			sides.add(threads.submit(() -> transactions.executeWithoutResult(status -> {
				lock(order[0]);
				await(bothLocked);
				lock(order[1]);
			})));
		}
		List<Throwable> failures = new ArrayList<>();
		for (Future<?> side : sides) {
			try {
				side.get(60, TimeUnit.SECONDS);
			}
			catch (java.util.concurrent.ExecutionException ex) {
				failures.add(ex.getCause());
			}
		}
		assertThat(failures).as("the deadlock's victim").hasSize(1);
		assertThat(failures.get(0)).isInstanceOf(ConcurrencyFailureException.class);
		assertThat(DatabaseFailure.of(failures.get(0))).isEqualTo(DatabaseFailure.NONE);
	}

	@Test
	void aLockWaitThatRanOutIsARaceLost() throws Exception {
		long client = new QueueFixture(jdbc, null).newClient();
		try (HeldLock held = holdLock(client)) {
			Throwable failure = null;
			try {
				transactions.executeWithoutResult(status -> {
					waitForLocksAtMostASecond();
					try {
						lock(client);
					}
					finally {
						restoreLockWait();
					}
				});
			}
			catch (RuntimeException ex) {
				failure = ex;
			}
			assertThat(answer(failure)).as("the answer to %s", failure).isIn(409, 503);
			if (DatabaseRun.isMariaDbRun()) {
				// Error 1205: what Hibernate's MariaDB dialect makes of it too.
				assertThat(failure).isInstanceOf(ConcurrencyFailureException.class);
			}
		}
	}

	/**
	 * End to end with the app's own lock wait (10 s on MariaDB and H2; PostgreSQL waits
	 * for its statement timeout, a 503: DatabaseFailureTest): an admin's rename of a
	 * client whose row another transaction holds is a 409 on MariaDB (a race lost), a 503
	 * or 409 on H2 (its lock timeout is a timeout exception), never a 500.
	 */
	@Test
	void aPageThatWaitedTooLongForALockIsNeverA500() throws Exception {
		assumeTrue(!DatabaseRun.isPostgresRun(), "PostgreSQL has no lock timeout of its own");
		long client = new QueueFixture(jdbc, null).newClient();
		try (HeldLock held = holdLock(client)) {
			int status = mvc
				.perform(post("/admin/clients/" + client + "/rename").param("name", "Renamed " + client)
					.with(user(accounts.loadUserByUsername("admin@example.com")))
					.with(csrf()))
				.andReturn()
				.getResponse()
				.getStatus();
			assertThat(status).isIn(409, 503);
			if (DatabaseRun.isMariaDbRun()) {
				assertThat(status).as("a race lost").isEqualTo(409);
			}
		}
	}

	/**
	 * The status a request failing so gets: a race lost (ConflictPages) or the database
	 * busy (DatabaseBusyFilter); else a 500.
	 */
	private static int answer(Throwable failure) {
		if (failure instanceof ConcurrencyFailureException) {
			return 409;
		}
		return DatabaseFailure.of(failure) == DatabaseFailure.BUSY ? 503 : 500;
	}

	/** The client's row locked by a transaction on another thread until closed. */
	private HeldLock holdLock(long client) throws InterruptedException {
		CountDownLatch locked = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		Future<?> holder = threads.submit(() -> transactions.executeWithoutResult(status -> {
			lock(client);
			locked.countDown();
			awaitQuietly(release);
		}));
		assertThat(locked.await(30, TimeUnit.SECONDS)).as("the other transaction holds the lock").isTrue();
		return new HeldLock(release, holder);
	}

	private record HeldLock(CountDownLatch release, Future<?> holder) implements AutoCloseable {

		@Override
		public void close() throws Exception {
			release.countDown();
			holder.get(30, TimeUnit.SECONDS);
		}

	}

	private void lock(long client) {
		jdbc.sql("select id from clients where id = ? for update").param(client).query(Long.class).single();
	}

	/**
	 * This transaction's lock waits end after a second, as they end in production after
	 * the app's own limits: on PostgreSQL the statement timeout (the app sets no
	 * lock_timeout), on MariaDB {@code innodb_lock_wait_timeout}, on H2
	 * {@code LOCK_TIMEOUT}.
	 */
	private void waitForLocksAtMostASecond() {
		if (DatabaseRun.isPostgresRun()) {
			jdbc.sql("set local statement_timeout = '1s'").update();
		}
		else if (DatabaseRun.isMariaDbRun()) {
			jdbc.sql("set session innodb_lock_wait_timeout = 1").update();
		}
		else {
			jdbc.sql("set lock_timeout 1000").update();
		}
	}

	/** The pool's setting again (MariaDbSettings, the H2 URL), for the next borrower. */
	private void restoreLockWait() {
		if (DatabaseRun.isMariaDbRun()) {
			jdbc.sql("set session innodb_lock_wait_timeout = 10").update();
		}
		else if (!DatabaseRun.isPostgresRun()) {
			jdbc.sql("set lock_timeout 10000").update();
		}
	}

	private static void await(CyclicBarrier barrier) {
		try {
			barrier.await(30, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await(60, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
