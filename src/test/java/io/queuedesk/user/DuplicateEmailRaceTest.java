package io.queuedesk.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two admins create the same email at once: the second insert passes the "exists?" check
 * (the first is not committed yet) and meets the unique key instead. It is answered as a
 * duplicate email, like the check would have, and nothing of it is kept.
 */
@SpringBootTest
@WithUserDetails("admin@example.com")
class DuplicateEmailRaceTest {

	@Autowired
	UserAdminService service;

	@Autowired
	UserDetailsService accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void theUniqueKeyAnswersAsADuplicateEmail() throws Exception {
		String email = TestUsers.uniqueEmail("race");
		SignedInUser admin = (SignedInUser) accounts.loadUserByUsername("admin@example.com");
		CountDownLatch inserted = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		CompletableFuture<Void> first = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(status -> {
			jdbc.sql("insert into users (email, display_name, password_hash, created_at) values (?, 'First', 'x', ?)")
				.params(email, Timestamp.from(Instant.now()))
				.update();
			inserted.countDown();
			await(release);
		}));
		assertThat(inserted.await(30, TimeUnit.SECONDS)).isTrue();
		// The first insert commits while the second one waits on the unique key (or right
		// before it checks).
		CompletableFuture.runAsync(() -> {
			sleep();
			release.countDown();
		});

		assertThatThrownBy(() -> service
			.create(new UserAdminService.NewAccount(email, "Second", Set.of(Role.SUBMITTER), "Right-pass-1"), admin))
			.isInstanceOf(DuplicateEmailException.class);

		first.get(30, TimeUnit.SECONDS);
		assertThat(jdbc.sql("select display_name from users where email = ?").param(email).query(String.class).list())
			.containsExactly("First");
		assertThat(jdbc.sql("select count(*) from activity_log where target_user_email = ?")
			.param(email)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aValueTheDatabaseRefusesIsNotADuplicateEmail() {
		// Issue 12: a display name longer than the column (the form's @Size stops it
		// first; on
		// PostgreSQL also a NUL) is the database's refusal, not "An account with this
		// email exists".
		String email = TestUsers.uniqueEmail("refused");
		SignedInUser admin = (SignedInUser) accounts.loadUserByUsername("admin@example.com");
		assertThatThrownBy(() -> service.create(
				new UserAdminService.NewAccount(email, "x".repeat(101), Set.of(Role.SUBMITTER), "Right-pass-1"), admin))
			.isInstanceOf(DataIntegrityViolationException.class);
		assertThat(jdbc.sql("select count(*) from users where email = ?").param(email).query(Long.class).single())
			.isZero();
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void sleep() {
		try {
			Thread.sleep(500);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
