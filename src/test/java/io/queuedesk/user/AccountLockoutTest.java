package io.queuedesk.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.web.util.HtmlUtils;

/**
 * Account lockout (docs/RULES.md#accounts): five wrong passwords within 15 minutes lock
 * an account for 15 minutes, recorded in the activity log. Every test uses its own fresh
 * account and client address, so neither the lock nor the per-address limit touches other
 * tests (or the demo users).
 */
@SpringBootTest
@AutoConfigureMockMvc
class AccountLockoutTest {

	private static final String RIGHT = "Right-pass-1";

	private static final String WRONG = "Wrong-pass-1";

	private static final AtomicInteger ADDRESSES = new AtomicInteger();

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	@Autowired
	MessageSource messages;

	@Autowired
	LoginAttemptService attempts;

	/** A client address of this test's own, so the per-address limit never interferes. */
	private final String address = "10.77.0." + ADDRESSES.incrementAndGet();

	@Test
	void fiveWrongPasswordsLockTheAccountAndThenTheRightOneIsRefusedWithTheGenericMessage() throws Exception {
		String email = TestUsers.uniqueEmail("lockout");
		long id = TestUsers.insert(jdbc, encoder, email, RIGHT, Role.SUBMITTER, true, true, null);
		String wrongPasswordPage = null;
		for (int i = 0; i < 4; i++) {
			wrongPasswordPage = failedLoginPage(email, WRONG);
		}
		assertThat(lockedUntil(id)).isNull();
		assertThat(failedCount(id)).isEqualTo(4);

		Instant before = Instant.now();
		failedLoginPage(email, WRONG);

		assertThat(lockedUntil(id)).isBetween(before.plus(Duration.ofMinutes(15)).minusSeconds(5),
				Instant.now().plus(Duration.ofMinutes(15)).plusSeconds(5));
		assertThat(failedCount(id)).isZero();
		assertThat(actions(id)).containsExactly("LOGIN_FAILED", "LOGIN_FAILED", "LOGIN_FAILED", "LOGIN_FAILED",
				"LOGIN_FAILED", "ACCOUNT_LOCKED");
		assertThat(jdbc.sql("select target_user_email from activity_log where target_user_id = ?")
			.param(id)
			.query(String.class)
			.list()).containsOnly(email);

		String lockedPage = failedLoginPage(email, RIGHT);
		assertThat(lockedPage).isEqualTo(wrongPasswordPage)
			.contains(HtmlUtils.htmlEscape(messages.getMessage("login.failed", null, Locale.ENGLISH)))
			.doesNotContainIgnoringCase("locked");
		// A refused sign-in of a locked account is not another wrong password: nothing
		// more counted.
		assertThat(actions(id)).hasSize(6);
		assertThat(failedCount(id)).isZero();
	}

	@Test
	void theLockEndsAfterFifteenMinutes() throws Exception {
		String email = TestUsers.uniqueEmail("lock-ends");
		long id = TestUsers.insert(jdbc, encoder, email, RIGHT, Role.SUBMITTER, true, true, null);
		for (int i = 0; i < 5; i++) {
			login(email, WRONG).andExpect(unauthenticated());
		}
		assertThat(lockedUntil(id)).isAfter(Instant.now());

		jdbc.sql("update users set locked_until = ? where id = ?")
			.params(Timestamp.from(Instant.now().minusSeconds(1)), id)
			.update();
		login(email, RIGHT).andExpect(authenticated().withUsername(email));
	}

	@Test
	void aSuccessfulSignInResetsTheCount() throws Exception {
		String email = TestUsers.uniqueEmail("reset");
		long id = TestUsers.insert(jdbc, encoder, email, RIGHT, Role.SUBMITTER, true, true, null);
		for (int i = 0; i < 4; i++) {
			login(email, WRONG).andExpect(unauthenticated());
		}
		login(email, RIGHT).andExpect(authenticated().withUsername(email));
		assertThat(failedCount(id)).isZero();
		assertThat(jdbc.sql("select first_failed_login_at from users where id = ?")
			.param(id)
			.query(Timestamp.class)
			.optional()).isEmpty();

		for (int i = 0; i < 4; i++) {
			login(email, WRONG).andExpect(unauthenticated());
		}
		assertThat(lockedUntil(id)).isNull();
		assertThat(failedCount(id)).isEqualTo(4);
		login(email, RIGHT).andExpect(authenticated().withUsername(email));
		assertThat(actions(id)).containsOnly("LOGIN_FAILED").hasSize(8);
	}

	@Test
	void failuresOlderThanFifteenMinutesDoNotCount() throws Exception {
		String email = TestUsers.uniqueEmail("old-failures");
		long id = TestUsers.insert(jdbc, encoder, email, RIGHT, Role.SUBMITTER, true, true, null);
		for (int i = 0; i < 4; i++) {
			login(email, WRONG).andExpect(unauthenticated());
		}
		jdbc.sql("update users set first_failed_login_at = ? where id = ?")
			.params(Timestamp.from(Instant.now().minus(16, ChronoUnit.MINUTES)), id)
			.update();

		login(email, WRONG).andExpect(unauthenticated());

		assertThat(lockedUntil(id)).isNull();
		assertThat(failedCount(id)).isEqualTo(1);
		assertThat(jdbc.sql("select first_failed_login_at from users where id = ?")
			.param(id)
			.query(Timestamp.class)
			.single()
			.toInstant()).isAfter(Instant.now().minus(1, ChronoUnit.MINUTES));
		login(email, RIGHT).andExpect(authenticated());
	}

	@Test
	void anUnknownEmailWritesNothing() throws Exception {
		String email = TestUsers.uniqueEmail("nobody");
		long usersBefore = jdbc.sql("select count(*) from users").query(Long.class).single();
		for (int i = 0; i < 6; i++) {
			login(email, WRONG).andExpect(unauthenticated());
		}
		assertThat(jdbc.sql("select count(*) from users").query(Long.class).single()).isEqualTo(usersBefore);
		assertThat(jdbc.sql("select count(*) from activity_log where target_user_email = ? or actor_email = ?")
			.params(email, email)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void concurrentFailuresAreAllCounted() throws Exception {
		String email = TestUsers.uniqueEmail("concurrent");
		long id = TestUsers.insert(jdbc, encoder, email, RIGHT, Role.SUBMITTER, true, true, null);
		int threads = 10;
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<?>> results = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				results.add(pool.submit(() -> {
					start.await();
					attempts.recordFailure(email, "10.77.255.1");
					return null;
				}));
			}
			start.countDown();
			for (Future<?> result : results) {
				result.get(30, TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdownNow();
		}
		// Ten failures, none lost: locked at the fifth and again at the tenth.
		assertThat(actions(id)).filteredOn("LOGIN_FAILED"::equals).hasSize(10);
		assertThat(actions(id)).filteredOn("ACCOUNT_LOCKED"::equals).hasSize(2);
		assertThat(failedCount(id)).isZero();
		assertThat(lockedUntil(id)).isAfter(Instant.now());
	}

	private ResultActions login(String email, String password) throws Exception {
		// formLogin() builds its own request (with a CSRF token); only the client address
		// is changed.
		return mvc.perform(servletContext -> {
			MockHttpServletRequest request = formLogin().user(email).password(password).buildRequest(servletContext);
			request.setRemoteAddr(address);
			return request;
		});
	}

	/**
	 * Signs in and expects failure; returns the login page shown after the redirect, in
	 * the same session.
	 */
	private String failedLoginPage(String email, String password) throws Exception {
		MvcResult result = login(email, password).andExpect(unauthenticated())
			.andExpect(redirectedUrl("/login?error"))
			.andReturn();
		MockHttpSession session = (MockHttpSession) result.getRequest().getSession();
		return mvc.perform(get("/login").param("error", "").session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString()
			.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "");
	}

	private Instant lockedUntil(long id) {
		return jdbc.sql("select locked_until from users where id = ?")
			.param(id)
			.query(Timestamp.class)
			.optional()
			.map(Timestamp::toInstant)
			.orElse(null);
	}

	private int failedCount(long id) {
		return jdbc.sql("select failed_login_count from users where id = ?").param(id).query(Integer.class).single();
	}

	private List<String> actions(long id) {
		return jdbc.sql("select action from activity_log where target_user_id = ? order by id")
			.param(id)
			.query(String.class)
			.list();
	}

}
