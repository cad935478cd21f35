package io.queuedesk.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;

import io.queuedesk.system.NotFoundException;
import io.queuedesk.ticket.TicketActionException;
import io.queuedesk.ticket.QueueMoves;
import io.queuedesk.ticket.TicketActions;
import io.queuedesk.user.SignedInUser;

/**
 * Many threads create (top and bottom), withdraw, move and transfer tickets of two
 * clients at once through the ticket service. Afterwards invariant Q holds for both
 * clients, and every operation either succeeded or was refused with one of the clean
 * answers the pages turn into a message or a 404 — nothing that would be a 500.
 */
@SpringBootTest
class QueueConcurrencyTest {

	private static final int THREADS = 8;

	private static final int OPERATIONS_PER_THREAD = 40;

	TicketActions tickets;

	@Autowired
	void tickets(ApplicationContext context) {
		tickets = TicketActions.of(context);
	}

	@Autowired
	QueueMoves moves;

	@Autowired
	UserDetailsService accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JdbcTemplate template;

	@Autowired
	QueueService queues;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void invariantQHoldsUnderConcurrentQueueChanges() throws Exception {
		QueueFixture fixture = new QueueFixture(jdbc, template);
		long clientA = fixture.newClient();
		long clientB = fixture.newClient();
		fixture.fill(clientA, 20);
		fixture.fill(clientB, 20);
		long area = jdbc.sql("select min(id) from product_areas where active = true").query(Long.class).single();
		SignedInUser admin = (SignedInUser) accounts.loadUserByUsername("admin@example.com");

		Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
		Queue<Throwable> unexpected = new ConcurrentLinkedQueue<>();
		ExecutorService pool = Executors.newFixedThreadPool(THREADS);
		for (int t = 0; t < THREADS; t++) {
			pool.submit(() -> {
				SecurityContextHolder.getContext()
					.setAuthentication(new UsernamePasswordAuthenticationToken(admin, null, admin.getAuthorities()));
				try {
					for (int i = 0; i < OPERATIONS_PER_THREAD; i++) {
						String outcome = randomOperation(admin, clientA, clientB, area);
						outcomes.computeIfAbsent(outcome, k -> new AtomicInteger()).incrementAndGet();
					}
				}
				catch (Throwable ex) {
					unexpected.add(ex);
				}
				finally {
					SecurityContextHolder.clearContext();
				}
			});
		}
		pool.shutdown();
		assertThat(pool.awaitTermination(3, TimeUnit.MINUTES)).as("operations finished in time").isTrue();

		assertThat(unexpected).as("exceptions that would surface as a 500").isEmpty();
		fixture.assertInvariantQ(clientA);
		fixture.assertInvariantQ(clientB);
		int succeeded = outcomes.entrySet()
			.stream()
			.filter(e -> e.getKey().endsWith("ok"))
			.mapToInt(e -> e.getValue().get())
			.sum();
		assertThat(succeeded).as("most operations succeed: %s", outcomes)
			.isGreaterThan(THREADS * OPERATIONS_PER_THREAD / 2);
		System.out.println("[queuedesk] concurrent queue operations: " + outcomes);
	}

	/**
	 * The lock order: a client's row before its queue lock. An admin deleting an unused
	 * client holds the client's row, then the delete removes the client's queue segments;
	 * a transfer into that client meanwhile waits for the client's row before it takes
	 * the queue lock. So the delete goes through and the transfer is refused as for no
	 * client, on every database — on MariaDB too, where the queue lock is the client's
	 * first segment row, which the delete removes (without the client's row first, the
	 * transfer failed there on the foreign key of that row's insert, a 500).
	 */
	@Test
	void aTransferIntoAClientBeingDeletedWaitsAndIsRefused() throws Exception {
		QueueFixture fixture = new QueueFixture(jdbc, template);
		long from = fixture.newClient();
		long ticket = fixture.fill(from, 1).get(0);
		long deleted = fixture.newClient();
		// An emptied queue keeps its first segment (the queue lock on MariaDB).
		jdbc.sql("insert into queue_segments (client_id, start_rank, ticket_count) values (?, ?, 0)")
			.params(deleted, Segments.FIRST)
			.update();
		CountDownLatch locked = new CountDownLatch(1);
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			// As ReferenceAdminService.delete: the client's row, then the delete.
			Future<?> admin = threads.submit(() -> transactions.executeWithoutResult(status -> {
				jdbc.sql("select id from clients where id = ? for update").param(deleted).query(Long.class).single();
				locked.countDown();
				pause(1000); // the transfer meanwhile comes to wait
				jdbc.sql("delete from clients where id = ?").param(deleted).update();
			}));
			assertThat(locked.await(30, TimeUnit.SECONDS)).isTrue();
			Future<Throwable> transfer = threads.submit(() -> {
				try {
					transactions.executeWithoutResult(status -> queues.transfer(from, deleted, ticket));
					return null;
				}
				catch (RuntimeException ex) {
					return ex;
				}
			});
			admin.get(60, TimeUnit.SECONDS);
			assertThat(transfer.get(60, TimeUnit.SECONDS)).isInstanceOf(IllegalArgumentException.class)
				.hasMessage("No client " + deleted);
		}
		finally {
			threads.shutdownNow();
		}
		assertThat(jdbc.sql("select client_id from tickets where id = ?").param(ticket).query(Long.class).single())
			.isEqualTo(from);
		fixture.assertInvariantQ(from);
	}

	private static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * One random operation; answers its name and how it ended. Unexpected exceptions
	 * propagate.
	 */
	private String randomOperation(SignedInUser admin, long clientA, long clientB, long area) {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		long client = random.nextBoolean() ? clientA : clientB;
		long other = client == clientA ? clientB : clientA;
		List<Long> queued = jdbc.sql("select id from tickets where client_id = ? and queue_rank is not null")
			.param(client)
			.query(Long.class)
			.list();
		int kind = random.nextInt(queued.isEmpty() ? 1 : 5);
		try {
			switch (kind) {
				case 0 -> {
					boolean top = random.nextBoolean();
					tickets.create("Concurrent", "Created under load", client, area, null, top, admin);
					return (top ? "create-top" : "create-bottom") + " ok";
				}
				case 1 -> {
					tickets.delete(pick(queued, random), admin);
					return "delete ok";
				}
				case 2 -> {
					moves.transfer(pick(queued, random), other, admin);
					return "transfer ok";
				}
				default -> {
					MoveTarget target = switch (random.nextInt(5)) {
						case 0 -> MoveTarget.top();
						case 1 -> MoveTarget.bottom();
						case 2 -> MoveTarget.parse("up");
						case 3 -> MoveTarget.parse("down");
						default -> new MoveTarget.Position(1 + random.nextInt(queued.size()));
					};
					moves.move(pick(queued, random), target, admin);
					return "move ok";
				}
			}
		}
		catch (NotFoundException ex) {
			return "refused: gone (404)";
		}
		catch (TicketActionException ex) {
			return "refused: " + ex.code();
		}
		catch (OptimisticLockingFailureException ex) {
			return "refused: stale";
		}
	}

	private static long pick(List<Long> ids, ThreadLocalRandom random) {
		return ids.get(random.nextInt(ids.size()));
	}

}
