package io.queuedesk.mail.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.queuedesk.mail.inbound.InboundMailLog.Claim;
import io.queuedesk.mail.inbound.InboundMailLog.Outcome;

/**
 * The inbound mail log: each Message-ID is claimed once (a unique key, not a
 * check-then-insert), also by two transactions at the same moment; a claim rolled back
 * frees it; the earlier outcome is told to a second claimer; what a sender wrote is
 * stored cleaned.
 */
@SpringBootTest
class InboundMailLogTest {

	private static final int ROUNDS = 5;

	@Autowired
	InboundMailLog log;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Test
	void claimThenAccept() {
		String id = messageId();
		inTransaction(() -> {
			Claim claim = log.claim(id, InboundSource.IMAP, "dev@example.com", "Printer jams").orElseThrow();
			assertThat(log.outcomeOf(id)).contains(new Outcome(InboundStatus.PROCESSING, null, null, null));
			log.accepted(claim, 12, 34L);
			return null;
		});
		assertThat(log.outcomeOf(id)).contains(new Outcome(InboundStatus.ACCEPTED, 12L, 34L, null));
		var row = jdbc.sql("select source, sender, subject, finished_at from inbound_mail where message_id = ?")
			.param(id)
			.query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3),
					String.valueOf(rs.getTimestamp(4) != null)))
			.single();
		assertThat(row).containsExactly("IMAP", "dev@example.com", "Printer jams", "true");
	}

	@Test
	void claimThenRefuse() {
		String id = messageId();
		inTransaction(() -> {
			Claim claim = log.claim(id, InboundSource.API, "stranger@example.org", "Hello").orElseThrow();
			log.refused(claim, RefusalReason.UNKNOWN_SENDER);
			return null;
		});
		assertThat(log.outcomeOf(id))
			.contains(new Outcome(InboundStatus.REFUSED, null, null, RefusalReason.UNKNOWN_SENDER));
	}

	@Test
	void aSecondClaimIsEmptyAndTellsTheFirstOutcome() {
		String id = messageId();
		inTransaction(() -> {
			log.accepted(log.claim(id, InboundSource.IMAP, "dev@example.com", "New").orElseThrow(), 7, null);
			return null;
		});
		Optional<Outcome> earlier = inTransaction(() -> {
			assertThat(log.claim(id, InboundSource.API, "dev@example.com", "New")).isEmpty();
			// The caller's transaction is still usable (on PostgreSQL a failed statement
			// outside a savepoint would have aborted it).
			String other = messageId();
			assertThat(log.claim(other, InboundSource.API, null, null)).isPresent();
			return log.outcomeOf(id);
		});
		assertThat(earlier).contains(new Outcome(InboundStatus.ACCEPTED, 7L, null, null));
		assertThat(count(id)).isEqualTo(1);
	}

	@Test
	void aClaimRolledBackFreesTheMessageId() {
		String id = messageId();
		new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
			assertThat(log.claim(id, InboundSource.IMAP, "dev@example.com", "Boom")).isPresent();
			status.setRollbackOnly();
		});
		assertThat(log.outcomeOf(id)).isEmpty();
		inTransaction(() -> {
			log.refused(log.claim(id, InboundSource.IMAP, "dev@example.com", "Boom").orElseThrow(),
					RefusalReason.AUTOMATIC);
			return null;
		});
		assertThat(log.outcomeOf(id)).map(Outcome::reason).contains(RefusalReason.AUTOMATIC);
	}

	@Test
	void twoTransactionsClaimingAtOnceMakeOneWinner() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			for (int round = 0; round < ROUNDS; round++) {
				String id = messageId();
				CyclicBarrier start = new CyclicBarrier(2);
				List<Future<Optional<Outcome>>> results = new ArrayList<>();
				for (int instance = 0; instance < 2; instance++) {
					long ticket = 100 + instance;
					results.add(pool.submit(() -> new TransactionTemplate(transactionManager).execute(status -> {
						await(start);
						Optional<Claim> claim = log.claim(id, InboundSource.IMAP, "dev@example.com", "Race");
						if (claim.isEmpty()) {
							// The loser waited for the winner's commit; its transaction
							// goes on.
							return log.outcomeOf(id);
						}
						// The winner holds its uncommitted row a while, as a processor
						// creating a ticket would.
						sleep(300);
						log.accepted(claim.get(), ticket, null);
						return Optional.<Outcome>empty();
					})));
				}
				Optional<Outcome> first = results.get(0).get(30, TimeUnit.SECONDS);
				Optional<Outcome> second = results.get(1).get(30, TimeUnit.SECONDS);
				assertThat(first.isPresent() ^ second.isPresent()).as("exactly one claim won").isTrue();
				Outcome seen = first.orElseGet(second::orElseThrow);
				long winner = first.isPresent() ? 101 : 100;
				assertThat(seen).isEqualTo(new Outcome(InboundStatus.ACCEPTED, winner, null, null));
				assertThat(count(id)).isEqualTo(1);
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void senderAndSubjectAreStoredCleaned() {
		String id = messageId();
		String longSubject = "Subject ".repeat(100);
		String sender = "a".repeat(300) + "@example.com";
		inTransaction(() -> log.claim(id, InboundSource.API, sender, longSubject));
		String id2 = messageId();
		inTransaction(() -> log.claim(id2, InboundSource.API, "evil@example.com\r\nBcc: all@example.com",
				"\u0000Re:\tPrinter\u202E jams\u0007\r\n  again\u2028 "));
		assertThat(stored(id)).containsExactly("a".repeat(254), longSubject.substring(0, 500).strip());
		assertThat(stored(id2)).containsExactly("evil@example.com Bcc: all@example.com", "Re: Printer jams again");
	}

	@Test
	void cleaningKeepsSurrogatePairsWholeAndBlankBecomesNull() {
		assertThat(InboundMailLog.clean("x".repeat(499) + "😀", 500)).isEqualTo("x".repeat(499));
		assertThat(InboundMailLog.clean("x".repeat(498) + "😀", 500)).isEqualTo("x".repeat(498) + "😀");
		assertThat(InboundMailLog.clean(" \u0000\r\n ", 500)).isNull();
		assertThat(InboundMailLog.clean(null, 500)).isNull();
	}

	@Test
	void claimsNeedTheCallersTransactionAndAUsableMessageId() {
		assertThatThrownBy(() -> log.claim(messageId(), InboundSource.IMAP, null, null))
			.isInstanceOf(IllegalTransactionStateException.class);
		for (String bad : new String[] { null, " ", "<a\r\nb@example.com>", "<" + "x".repeat(998) + ">" }) {
			assertThatThrownBy(() -> inTransaction(() -> log.claim(bad, InboundSource.IMAP, null, null)))
				.isInstanceOf(IllegalArgumentException.class);
		}
		assertThat(log.outcomeOf("<never@example.com>")).isEmpty();
	}

	private List<String> stored(String messageId) {
		return jdbc.sql("select sender, subject from inbound_mail where message_id = ?")
			.param(messageId)
			.query((rs, n) -> List.of(rs.getString(1), rs.getString(2)))
			.single();
	}

	private long count(String messageId) {
		return jdbc.sql("select count(*) from inbound_mail where message_id = ?")
			.param(messageId)
			.query(Long.class)
			.single();
	}

	private <T> T inTransaction(java.util.function.Supplier<T> work) {
		return new TransactionTemplate(transactionManager).execute(status -> work.get());
	}

	private static String messageId() {
		return "<test." + UUID.randomUUID() + "@mail.example.com>";
	}

	private static void await(CyclicBarrier barrier) {
		try {
			barrier.await(30, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
