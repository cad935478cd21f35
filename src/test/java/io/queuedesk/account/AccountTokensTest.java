package io.queuedesk.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

import io.queuedesk.user.Role;
import io.queuedesk.user.TestUsers;

/**
 * Tokens: only the hash is stored, a token serves one purpose, and of concurrent uses
 * exactly one wins.
 */
@SpringBootTest
class AccountTokensTest {

	@Autowired
	AccountTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void onlyTheHashIsStoredAndATokenServesItsOwnPurpose() {
		long user = TestUsers.insert(jdbc, encoder, TestUsers.uniqueEmail("token"), "Right-pass-1", Role.SUBMITTER,
				true, true, null);
		String raw = tokens.issue(user, TokenPurpose.RESET_PASSWORD);
		assertThat(raw).matches("[A-Za-z0-9_-]{43}");
		assertThat(jdbc.sql("select token_hash from account_tokens where user_id = ?")
			.param(user)
			.query(String.class)
			.single()).isEqualTo(AccountTokens.hash(raw)).isNotEqualTo(raw).hasSize(64);

		assertThat(tokens.consume(raw, TokenPurpose.CONFIRM_EMAIL)).isEmpty();
		assertThat(tokens.consume(raw, TokenPurpose.RESET_PASSWORD)).contains(user);
		assertThat(tokens.consume(raw, TokenPurpose.RESET_PASSWORD)).isEmpty();
		assertThat(tokens.findLive(raw)).isEmpty();
	}

	@Test
	void ofConcurrentUsesExactlyOneWins() throws Exception {
		long user = TestUsers.insert(jdbc, encoder, TestUsers.uniqueEmail("race"), "Right-pass-1", Role.SUBMITTER, true,
				true, null);
		String raw = tokens.issue(user, TokenPurpose.CONFIRM_EMAIL);
		int threads = 8;
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Optional<Long>>> results = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				results.add(pool.submit(() -> {
					start.await();
					return transactions.execute(status -> tokens.consume(raw, TokenPurpose.CONFIRM_EMAIL));
				}));
			}
			start.countDown();
			int winners = 0;
			for (Future<Optional<Long>> result : results) {
				winners += result.get(30, TimeUnit.SECONDS).isPresent() ? 1 : 0;
			}
			assertThat(winners).isEqualTo(1);
		}
		finally {
			pool.shutdownNow();
		}
	}

}
