package io.queuedesk.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
