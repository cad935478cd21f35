package io.queuedesk.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.support.TransactionTemplate;

import io.queuedesk.mail.OutboxDelivery;
import io.queuedesk.user.Role;
import io.queuedesk.user.SignedInUser;
import io.queuedesk.user.TestUsers;
import io.queuedesk.user.UserEvents;

/**
 * The account flows end to end (docs/RULES.md#accounts, #email): real security, services,
 * outbox and an SMTP server (GreenMail); the links are taken from the mails that arrived.
 * Each test uses fresh accounts.
 */
@SpringBootTest(properties = "queuedesk.base-url=https://desk.example.test")
@AutoConfigureMockMvc
class AccountFlowsTest {

	static final String PASSWORD = "Right-pass-1";

	static final String NEW_PASSWORD = "Brand-new-pass-2";

	static final AccountMailbox mailbox = new AccountMailbox().start();

	@DynamicPropertySource
	static void smtp(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> mailbox.port);
	}

	@AfterAll
	static void stop() {
		mailbox.stop();
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	@Autowired
	ApplicationContext context;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	UserDetailsService accounts;

	// --- registration
	// ---------------------------------------------------------------------------

	@Test
	void aRegisteredSubmitterCanSignInOnlyAfterConfirmingThroughTheMailedLink() throws Exception {
		String email = TestUsers.uniqueEmail("register");
		register(email).andExpect(status().isOk()).andExpect(content().string(containsString("Check your inbox")));
		long id = userId(email);
		assertThat(jdbc.sql("select confirmed from users where id = ?").param(id).query(Boolean.class).single())
			.isFalse();
		assertThat(jdbc.sql("select role from user_roles where user_id = ?").param(id).query(String.class).list())
			.containsExactly("SUBMITTER");
		assertThat(actions(id)).containsExactly("USER_CREATED");
		signIn(email, PASSWORD).andExpect(unauthenticated());

		MimeMessage mail = single(email);
		assertThat(mail.getSubject()).isEqualTo("[Queuedesk] Confirm your email address");
		assertThat(AccountMailbox.text(mail)).contains("https://desk.example.test/register/confirm?token=");
		String token = AccountMailbox.token(mail, "/register/confirm");
		assertThat(jdbc.sql("select count(*) from account_tokens where token_hash = ?")
			.param(AccountTokens.hash(token))
			.query(Long.class)
			.single()).as("only the hash is stored").isEqualTo(1);

		// Opening the link (as a mail scanner would) only shows the button.
		mvc.perform(get("/register/confirm").param("token", token))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"" + token + "\"")));
		signIn(email, PASSWORD).andExpect(unauthenticated());

		mvc.perform(post("/register/confirm").with(csrf()).param("token", token))
			.andExpect(redirectedUrl("/login"))
			.andExpect(flash().attribute("flashSuccess", "Your email address is confirmed. You can sign in now."));
		signIn(email, PASSWORD).andExpect(authenticated().withUsername(email));

		// Single use: the second time the link is refused and nothing changes.
		mvc.perform(post("/register/confirm").with(csrf()).param("token", token))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("This link no longer works")));
	}

	@Test
	void aConfirmationLinkExpiresAfter24Hours() throws Exception {
		String email = TestUsers.uniqueEmail("expired");
		register(email).andExpect(status().isOk());
		String token = AccountMailbox.token(single(email), "/register/confirm");
		assertThat(validity(token)).isEqualTo(Duration.ofHours(24));

		age(token);
		mvc.perform(get("/register/confirm").param("token", token)).andExpect(status().isBadRequest());
		mvc.perform(post("/register/confirm").with(csrf()).param("token", token)).andExpect(status().isBadRequest());
		signIn(email, PASSWORD).andExpect(unauthenticated());
		assertThat(jdbc.sql("select confirmed from users where email = ?").param(email).query(Boolean.class).single())
			.isFalse();
	}

	@Test
	void forgedAndMissingTokensGetTheClearPage() throws Exception {
		String forged = "A".repeat(43);
		mvc.perform(get("/register/confirm").param("token", forged))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("href=\"/password/forgot\"")))
			.andExpect(content().string(containsString("href=\"/register\"")));
		mvc.perform(get("/register/confirm")).andExpect(status().isBadRequest());
		mvc.perform(post("/register/confirm").with(csrf())).andExpect(status().isBadRequest());
		mvc.perform(get("/password/reset").param("token", forged)).andExpect(status().isBadRequest());
		mvc.perform(post("/password/reset").with(csrf())
			.param("token", forged)
			.param("password", NEW_PASSWORD)
			.param("confirmPassword", NEW_PASSWORD)).andExpect(status().isBadRequest());
	}

	@Test
	void registeringAnExistingEmailInOtherCaseAnswersTheSameAndMailsTheOwnerANote() throws Exception {
		String taken = TestUsers.uniqueEmail("taken");
		long id = TestUsers.insert(jdbc, encoder, taken, PASSWORD, Role.SUBMITTER, true, true, null);
		String fresh = TestUsers.uniqueEmail("fresh");

		String freshPage = register(fresh).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		String takenPage = register(taken.toUpperCase(Locale.ROOT)).andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(takenPage).isEqualTo(freshPage);

		assertThat(
				jdbc.sql("select count(*) from users where lower(email) = ?").param(taken).query(Long.class).single())
			.isEqualTo(1);
		assertThat(actions(id)).isEmpty();
		MimeMessage note = single(taken);
		assertThat(note.getSubject()).isEqualTo("[Queuedesk] You already have an account");
		assertThat(AccountMailbox.text(note)).contains("https://desk.example.test/password/forgot")
			.contains("https://desk.example.test/login")
			.doesNotContain("token=");
		signIn(taken, PASSWORD).andExpect(authenticated());
	}

	@Test
	void registeringAgainBeforeConfirmingMailsAFreshConfirmationLink() throws Exception {
		String email = TestUsers.uniqueEmail("again");
		register(email).andExpect(status().isOk());
		register(email).andExpect(status().isOk());
		List<MimeMessage> mails = mails(email);
		assertThat(mails).hasSize(2);
		assertThat(mails.get(1).getSubject()).isEqualTo("[Queuedesk] You already have an account");
		String token = AccountMailbox.token(mails.get(1), "/register/confirm");
		mvc.perform(post("/register/confirm").with(csrf()).param("token", token)).andExpect(redirectedUrl("/login"));
		signIn(email, PASSWORD).andExpect(authenticated());
	}

	// --- forgotten password
	// ---------------------------------------------------------------------

	@Test
	void forgotPasswordAnswersTheSameForUnknownInactiveAndExistingAccounts() throws Exception {
		String email = TestUsers.uniqueEmail("forgot");
		TestUsers.insert(jdbc, encoder, email, PASSWORD, Role.SUBMITTER, true, true, null);
		String inactive = TestUsers.uniqueEmail("inactive");
		TestUsers.insert(jdbc, encoder, inactive, PASSWORD, Role.SUBMITTER, false, true, null);
		String unknown = TestUsers.uniqueEmail("unknown");

		String existingPage = forgot(email);
		assertThat(forgot(unknown)).isEqualTo(existingPage);
		assertThat(forgot(inactive)).isEqualTo(existingPage);
		assertThat(existingPage).contains("Check your inbox");

		assertThat(single(email).getSubject()).isEqualTo("[Queuedesk] Reset your password");
		assertThat(outboxRows(unknown)).isZero();
		assertThat(outboxRows(inactive)).isZero();
	}

	@Test
	void aResetLinkSetsANewPasswordOnceLiftsALockAndTheOldPasswordStopsWorking() throws Exception {
		String email = TestUsers.uniqueEmail("reset");
		long id = TestUsers.insert(jdbc, encoder, email, PASSWORD, Role.SUBMITTER, true, false,
				Instant.now().plus(Duration.ofMinutes(10)));
		forgot(email);
		forgot(email);
		List<MimeMessage> mails = mails(email);
		assertThat(mails).hasSize(2);
		String token = AccountMailbox.token(mails.get(0), "/password/reset");
		String other = AccountMailbox.token(mails.get(1), "/password/reset");
		assertThat(validity(token)).isEqualTo(Duration.ofHours(1));

		mvc.perform(get("/password/reset").param("token", token))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Choose a new password")))
			.andExpect(content().string(containsString("name=\"token\" value=\"" + token + "\"")));
		// A rule broken: the field error, the token kept, nothing used up.
		mvc.perform(resetPost(token, NEW_PASSWORD, "Something-else-3"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "confirmPassword", "password.mismatch"))
			.andExpect(content().string(containsString("value=\"" + token + "\"")));

		mvc.perform(resetPost(token, NEW_PASSWORD, NEW_PASSWORD))
			.andExpect(redirectedUrl("/login"))
			.andExpect(flash().attribute("flashSuccess", containsString("Your password has been changed")));
		signIn(email, PASSWORD).andExpect(unauthenticated());
		signIn(email, NEW_PASSWORD).andExpect(authenticated().withUsername(email));
		assertThat(actions(id)).contains("PASSWORD_CHANGED");
		assertThat(jdbc.sql("select confirmed from users where id = ?").param(id).query(Boolean.class).single())
			.isTrue();

		// The link works once, and the other reset link of this user is retired with it.
		mvc.perform(resetPost(token, "Third-pass-3x", "Third-pass-3x")).andExpect(status().isBadRequest());
		mvc.perform(get("/password/reset").param("token", other)).andExpect(status().isBadRequest());
		signIn(email, NEW_PASSWORD).andExpect(authenticated());
	}

	@Test
	void aResetLinkExpiresAfterOneHour() throws Exception {
		String email = TestUsers.uniqueEmail("reset-expired");
		TestUsers.insert(jdbc, encoder, email, PASSWORD, Role.SUBMITTER, true, true, null);
		forgot(email);
		String token = AccountMailbox.token(single(email), "/password/reset");
		age(token);
		mvc.perform(get("/password/reset").param("token", token)).andExpect(status().isBadRequest());
		mvc.perform(resetPost(token, NEW_PASSWORD, NEW_PASSWORD)).andExpect(status().isBadRequest());
		signIn(email, PASSWORD).andExpect(authenticated());
	}

	// --- change password
	// ------------------------------------------------------------------------

	@Test
	void changingThePasswordNeedsTheCurrentOne() throws Exception {
		String email = TestUsers.uniqueEmail("change");
		long id = TestUsers.insert(jdbc, encoder, email, PASSWORD, Role.DEVELOPER, true, true, null);
		SignedInUser me = (SignedInUser) accounts.loadUserByUsername(email);

		mvc.perform(post("/account/password").with(user(me))
			.with(csrf())
			.param("currentPassword", "Wrong-pass-9")
			.param("password", NEW_PASSWORD)
			.param("confirmPassword", NEW_PASSWORD))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "currentPassword", "password.current.wrong"));
		signIn(email, NEW_PASSWORD).andExpect(unauthenticated());
		assertThat(actions(id)).doesNotContain("PASSWORD_CHANGED");

		mvc.perform(post("/account/password").with(user(me))
			.with(csrf())
			.param("currentPassword", PASSWORD)
			.param("password", NEW_PASSWORD)
			.param("confirmPassword", NEW_PASSWORD))
			.andExpect(redirectedUrl("/"))
			.andExpect(flash().attribute("flashSuccess", "Your password has been changed."));
		signIn(email, PASSWORD).andExpect(unauthenticated());
		signIn(email, NEW_PASSWORD).andExpect(authenticated());
		assertThat(actions(id)).contains("PASSWORD_CHANGED");
	}

	@Test
	void changingThePasswordNeedsASignIn() throws Exception {
		mvc.perform(get("/account/password")).andExpect(redirectedUrl("/login"));
	}

	// --- accounts created by an admin
	// -----------------------------------------------------------

	@Test
	void anAdminCreatedAccountGetsASetPasswordLinkAndNeverThePassword() throws Exception {
		String email = TestUsers.uniqueEmail("created");
		String initial = "Initial-secret-7";
		long id = TestUsers.insert(jdbc, encoder, email, initial, Role.DEVELOPER, true, true, null);
		transactions.executeWithoutResult(
				status -> events.publishEvent(new UserEvents.AccountCreated(id, email, "Test " + email)));

		MimeMessage mail = single(email);
		assertThat(mail.getSubject()).isEqualTo("[Queuedesk] Your account is ready");
		assertThat(AccountMailbox.text(mail)).doesNotContain(initial).contains("Choose your password");
		String token = AccountMailbox.token(mail, "/password/reset");
		assertThat(validity(token)).isEqualTo(Duration.ofHours(72));

		mvc.perform(get("/password/reset").param("token", token))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Choose your password")));
		mvc.perform(resetPost(token, NEW_PASSWORD, NEW_PASSWORD))
			.andExpect(redirectedUrl("/login"))
			.andExpect(flash().attribute("flashSuccess", "Your password is set. You can sign in now."));
		signIn(email, NEW_PASSWORD).andExpect(authenticated().withUsername(email));
	}

	@Test
	void nothingIsMailedWhenTheTransactionRollsBack() {
		String email = TestUsers.uniqueEmail("rolled-back");
		long id = TestUsers.insert(jdbc, encoder, email, PASSWORD, Role.DEVELOPER, true, true, null);
		transactions.executeWithoutResult(status -> {
			events.publishEvent(new UserEvents.AccountCreated(id, email, "Test"));
			assertThat(outboxRows(email)).isEqualTo(1);
			status.setRollbackOnly();
		});
		assertThat(outboxRows(email)).isZero();
		assertThat(
				jdbc.sql("select count(*) from account_tokens where user_id = ?").param(id).query(Long.class).single())
			.isZero();
		OutboxDelivery.sendDue(context);
		assertThat(mailbox.to(email)).isEmpty();
	}

	// --- helpers
	// --------------------------------------------------------------------------------

	ResultActions register(String email) throws Exception {
		return mvc.perform(post("/register").with(csrf())
			.param("email", email)
			.param("displayName", "New Person")
			.param("password", PASSWORD)
			.param("confirmPassword", PASSWORD));
	}

	String forgot(String email) throws Exception {
		return mvc.perform(post("/password/forgot").with(csrf()).param("email", email))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	RequestBuilder resetPost(String token, String password, String confirm) {
		return post("/password/reset").with(csrf())
			.param("token", token)
			.param("password", password)
			.param("confirmPassword", confirm);
	}

	ResultActions signIn(String email, String password) throws Exception {
		return mvc.perform(formLogin().user(email).password(password));
	}

	/** Runs the outbox worker, then answers the mails that reached this address. */
	List<MimeMessage> mails(String email) {
		OutboxDelivery.sendDue(context);
		return mailbox.to(email);
	}

	MimeMessage single(String email) {
		List<MimeMessage> mails = mails(email);
		assertThat(mails).as("mails to %s", email).hasSize(1);
		return mails.get(0);
	}

	long userId(String email) {
		return jdbc.sql("select id from users where email = ?").param(email).query(Long.class).single();
	}

	List<String> actions(long id) {
		return jdbc.sql("select action from activity_log where target_user_id = ? order by id")
			.param(id)
			.query(String.class)
			.list();
	}

	long outboxRows(String email) {
		return jdbc.sql("select count(*) from mail_outbox where recipient = ?").param(email).query(Long.class).single();
	}

	Duration validity(String token) {
		return jdbc.sql("select created_at, expires_at from account_tokens where token_hash = ?")
			.param(AccountTokens.hash(token))
			.query((rs, n) -> Duration.between(rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant()))
			.single();
	}

	/**
	 * Moves the token's life into the past, as if its validity had run out (a second
	 * ago).
	 */
	void age(String token) {
		Duration validity = validity(token);
		Instant expired = Instant.now().minusSeconds(1);
		jdbc.sql("update account_tokens set created_at = ?, expires_at = ? where token_hash = ?")
			.params(Timestamp.from(expired.minus(validity)), Timestamp.from(expired), AccountTokens.hash(token))
			.update();
	}

}
