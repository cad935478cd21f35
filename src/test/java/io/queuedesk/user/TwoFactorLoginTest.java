package io.queuedesk.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.HttpCookie;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import io.queuedesk.system.HttpSessionClient;

/**
 * Sign-in with two-factor authentication (docs/RULES.md#accounts), over real HTTP with
 * the sessions in the database: the password leads to {@code /login/2fa} and to no
 * signed-in session; a half-signed-in session reaches no page; a TOTP code or a recovery
 * code finishes the sign-in under a new session id; codes work once; wrong codes lock the
 * account like wrong passwords.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class TwoFactorLoginTest {

	private static final String PASSWORD = "Right-pass-1";

	private static final String RECOVERY = "abcd-efgh-ijkm-nopq";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	/**
	 * The whole round as a user goes it, without a browser: set up on /account/2fa, turn
	 * on with the app's code, see the recovery codes once, sign out, sign in with the
	 * password and the app's next code.
	 */
	@Test
	void enrolThroughThePagesThenSignInWithTheApp() throws Exception {
		String email = TestUsers.uniqueEmail("enrol-http");
		long id = TestUsers.insert(jdbc, encoder, email, PASSWORD, Role.SUBMITTER, true, true, null);
		HttpSessionClient browser = new HttpSessionClient(port);
		assertThat(location(browser.signIn(email, PASSWORD))).isEqualTo("/");
		String page = browser.get("/account/2fa").body();
		java.util.regex.Matcher key = java.util.regex.Pattern.compile("<code id=\"totp-secret\"[^>]*>([A-Z2-7]{32})<")
			.matcher(page);
		assertThat(key.find()).isTrue();
		String secret = key.group(1);

		String firstCode = TotpCodes.now(secret);
		HttpResponse<String> enabled = browser.postFrom(page, "/account/2fa/enable", "code", firstCode);

		assertThat(location(enabled)).isEqualTo("/account/2fa");
		String shown = browser.get("/account/2fa").body();
		java.util.regex.Matcher codes = java.util.regex.Pattern.compile("<li>([a-z2-7]{4}(?:-[a-z2-7]{4}){3})</li>")
			.matcher(shown);
		List<String> recoveryCodes = codes.results().map(match -> match.group(1)).toList();
		assertThat(recoveryCodes).hasSize(10);
		assertThat(shown).contains("Two-factor authentication is on.").doesNotContain("totp-secret");
		assertThat(browser.get("/account/2fa").body()).doesNotContain(recoveryCodes.get(0))
			.contains("10 recovery codes left");
		assertThat(actions(id)).containsExactly("TWO_FACTOR_ENABLED");

		browser.post("/account/2fa", "/logout");
		assertThat(location(browser.signIn(email, PASSWORD))).isEqualTo("/login/2fa");
		assertThat(location(code(browser, firstCode))).as("the code that turned it on is spent")
			.isEqualTo("(no redirect: 200)");
		assertThat(location(code(browser, TotpCodes.next(secret)))).isEqualTo("/");
		assertThat(browser.get("/my/tickets").statusCode()).isEqualTo(200);
	}

	@Test
	void thePasswordLeadsToTheCodePageAndSignsNobodyIn() throws Exception {
		Account account = accountWith2fa("half", Role.ADMIN);
		HttpSessionClient browser = new HttpSessionClient(port);

		assertThat(location(browser.signIn(account.email, PASSWORD))).isEqualTo("/login/2fa");

		assertThat(signedInSessions(account.email)).as("no session carries the user yet").isZero();
		HttpResponse<String> page = browser.get("/login/2fa");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("<label for=\"code\"")
			.contains("autocomplete=\"one-time-code\"")
			.contains("inputmode=\"numeric\"")
			.contains("<label for=\"recoveryCode\"")
			.doesNotContain(account.email);
	}

	/**
	 * Every kind of page and the API, GET and POST (with a valid CSRF token), for a
	 * session that has passed the password but not the code.
	 */
	@Test
	void aHalfSignedInSessionReachesNoRoute() throws Exception {
		Account account = accountWith2fa("routes", Role.ADMIN, Role.DEVELOPER);
		HttpSessionClient browser = new HttpSessionClient(port);
		browser.signIn(account.email, PASSWORD);
		long ticket = jdbc.sql("select min(id) from tickets").query(Long.class).single();
		long client = jdbc.sql("select min(id) from clients").query(Long.class).single();

		for (String page : List.of("/", "/my/tickets", "/tickets", "/tickets/new", "/tickets/" + ticket,
				"/tickets/" + ticket + "/edit", "/archive", "/queues/" + client, "/admin", "/admin/users",
				"/admin/users/" + account.id, "/admin/users/new", "/admin/activity", "/admin/activity/export.csv",
				"/admin/mail", "/admin/clients", "/admin/product-areas", "/account/password", "/account/2fa")) {
			HttpResponse<String> response = browser.get(page);
			assertThat(response.statusCode()).as(page).isEqualTo(302);
			assertThat(location(response)).as(page).isIn("/login", "/login/2fa");
		}
		for (String api : List.of("/api/tickets", "/api/tickets/" + ticket, "/api/clients")) {
			assertThat(browser.get(api, "application/json").statusCode()).as(api).isEqualTo(401);
		}
		String form = browser.get("/login/2fa").body();
		for (String[] post : List.of(new String[] { "/tickets/new", "title", "t" },
				new String[] { "/account/password", "currentPassword", PASSWORD },
				new String[] { "/account/2fa/disable", "currentPassword", PASSWORD },
				new String[] { "/admin/users/" + account.id + "/two-factor/reset" },
				new String[] { "/tickets/" + ticket + "/comments", "body", "half signed in" })) {
			HttpResponse<String> response = browser.postFrom(form, post[0],
					java.util.Arrays.copyOfRange(post, 1, post.length));
			assertThat(response.statusCode()).as(post[0]).isEqualTo(302);
			assertThat(location(response)).as(post[0]).isEqualTo("/login");
		}
		assertThat(TotpCodes.isEnabled(jdbc, account.id)).isTrue();
		assertThat(signedInSessions(account.email)).isZero();
		// The code still finishes this very sign-in afterwards.
		assertThat(location(code(browser, TotpCodes.now(account.secret)))).isEqualTo("/");
	}

	@Test
	void theRightCodeSignsInUnderANewSessionId() throws Exception {
		Account account = accountWith2fa("code", Role.SUBMITTER);
		HttpSessionClient browser = new HttpSessionClient(port);
		browser.signIn(account.email, PASSWORD);
		String halfSession = browser.sessionCookie().map(HttpCookie::getValue).orElseThrow();

		HttpResponse<String> signedIn = code(browser, TotpCodes.now(account.secret));

		assertThat(location(signedIn)).isEqualTo("/");
		assertThat(browser.sessionCookie().map(HttpCookie::getValue)).get().isNotEqualTo(halfSession);
		assertThat(browser.get("/my/tickets").statusCode()).isEqualTo(200);
		assertThat(signedInSessions(account.email)).isEqualTo(1);
		assertThat(browser.get("/login/2fa").headers().firstValue("Location")).get().asString().endsWith("/");
	}

	@Test
	void aCodeIsNeverAcceptedTwice() throws Exception {
		Account account = accountWith2fa("replay", Role.SUBMITTER);
		String code = TotpCodes.now(account.secret);
		HttpSessionClient first = new HttpSessionClient(port);
		first.signIn(account.email, PASSWORD);
		assertThat(location(code(first, code))).isEqualTo("/");

		HttpSessionClient second = new HttpSessionClient(port);
		second.signIn(account.email, PASSWORD);
		HttpResponse<String> replayed = code(second, code);

		assertThat(replayed.statusCode()).isEqualTo(200);
		assertThat(replayed.body()).contains("That code is not right");
		assertThat(second.get("/my/tickets").statusCode()).isEqualTo(302);
		assertThat(failedCount(account.id)).isEqualTo(1);
		// The next step's code (one step of skew) is a new code: accepted.
		assertThat(location(code(second, TotpCodes.next(account.secret)))).isEqualTo("/");
		assertThat(failedCount(account.id)).isZero();
	}

	@Test
	void aRecoveryCodeSignsInOnceAndIsRecorded() throws Exception {
		Account account = accountWith2fa("recovery", Role.DEVELOPER);
		HttpSessionClient laptop = new HttpSessionClient(port);
		laptop.signIn(account.email, PASSWORD);

		// As people copy it: upper case, blanks instead of hyphens.
		assertThat(location(code(laptop, RECOVERY.toUpperCase().replace('-', ' ')))).isEqualTo("/");
		assertThat(laptop.get("/my/tickets").statusCode()).isEqualTo(200);
		assertThat(actions(account.id)).containsExactly("TWO_FACTOR_RECOVERY_CODE_USED");
		assertThat(jdbc.sql("select details from activity_log where target_user_id = ?")
			.param(account.id)
			.query(String.class)
			.single()).isEqualTo("1 left");

		HttpSessionClient thief = new HttpSessionClient(port);
		thief.signIn(account.email, PASSWORD);
		HttpResponse<String> spent = code(thief, RECOVERY);
		assertThat(spent.statusCode()).isEqualTo(200);
		assertThat(spent.body()).contains("That code is not right");
		assertThat(thief.get("/my/tickets").statusCode()).isEqualTo(302);
		assertThat(actions(account.id)).containsExactly("TWO_FACTOR_RECOVERY_CODE_USED", "LOGIN_FAILED");
	}

	@Test
	void fiveWrongCodesLockTheAccountEvenWithTheRightPasswordInBetween() throws Exception {
		Account account = accountWith2fa("lock", Role.SUBMITTER);
		String wrong = TotpCodes.atStep(account.secret, TotpCodes.currentStep() - 5);
		HttpSessionClient browser = new HttpSessionClient(port);
		browser.signIn(account.email, PASSWORD);
		for (int i = 0; i < 3; i++) {
			assertThat(code(browser, wrong).statusCode()).isEqualTo(200);
		}
		// Signing in with the password again does not reset the count.
		HttpSessionClient again = new HttpSessionClient(port);
		assertThat(location(again.signIn(account.email, PASSWORD))).isEqualTo("/login/2fa");
		assertThat(failedCount(account.id)).isEqualTo(3);
		assertThat(code(again, "000000x").statusCode()).isEqualTo(200);

		HttpResponse<String> fifth = code(again, wrong);

		assertThat(location(fifth)).isEqualTo("/login?error");
		assertThat(lockedUntilSet(account.id)).isTrue();
		assertThat(actions(account.id)).containsExactly("LOGIN_FAILED", "LOGIN_FAILED", "LOGIN_FAILED", "LOGIN_FAILED",
				"LOGIN_FAILED", "ACCOUNT_LOCKED");
		assertThat(jdbc.sql("select details from activity_log where target_user_id = ? and action = 'LOGIN_FAILED'")
			.param(account.id)
			.query(String.class)
			.list()).allMatch(details -> details.startsWith("wrong two-factor code from "));
		// The lock holds for the code page too: the pending step is gone, and the
		// password
		// is refused.
		assertThat(location(code(again, TotpCodes.now(account.secret)))).isEqualTo("/login?expired");
		assertThat(location(code(browser, TotpCodes.now(account.secret)))).isEqualTo("/login?error");
		assertThat(location(new HttpSessionClient(port).signIn(account.email, PASSWORD))).isEqualTo("/login?error");
		assertThat(signedInSessions(account.email)).isZero();
	}

	@Test
	void theCodeNeedsTheCsrfToken() throws Exception {
		Account account = accountWith2fa("csrf", Role.SUBMITTER);
		HttpSessionClient browser = new HttpSessionClient(port);
		browser.signIn(account.email, PASSWORD);
		String cookie = browser.sessionCookie().map(HttpCookie::toString).orElseThrow();

		for (String form : List.of("code=" + TotpCodes.now(account.secret),
				"_csrf=forged&code=" + TotpCodes.now(account.secret))) {
			HttpResponse<String> refused = java.net.http.HttpClient.newHttpClient()
				.send(java.net.http.HttpRequest
					.newBuilder(java.net.URI.create("http://localhost:" + port + "/login/2fa"))
					.header("Cookie", cookie)
					.header("Content-Type", "application/x-www-form-urlencoded")
					.POST(java.net.http.HttpRequest.BodyPublishers.ofString(form))
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(refused.statusCode()).as(form).isEqualTo(403);
		}
		assertThat(signedInSessions(account.email)).isZero();
		assertThat(jdbc.sql("select last_used_step from user_two_factor where user_id = ?")
			.param(account.id)
			.query(Long.class)
			.optional()).as("no code was even checked").isEmpty();
		assertThat(location(code(browser, TotpCodes.now(account.secret)))).isEqualTo("/");
	}

	/**
	 * A secret encrypted under a key the app no longer has: no code can be checked (a
	 * wrong code, counted), but the recovery codes still sign in.
	 */
	@Test
	void aSecretThatNoLongerDecryptsLeavesTheRecoveryCodes() throws Exception {
		Account account = accountWith2fa("lost-key", Role.SUBMITTER);
		jdbc.sql("update user_two_factor set secret = ? where user_id = ?")
			.params(new TotpSecrets("a key this app does not have").seal(account.id, Totp.newSecret()), account.id)
			.update();
		HttpSessionClient browser = new HttpSessionClient(port);
		browser.signIn(account.email, PASSWORD);

		assertThat(code(browser, TotpCodes.now(account.secret)).body()).contains("That code is not right");
		assertThat(failedCount(account.id)).isEqualTo(1);
		assertThat(location(code(browser, RECOVERY))).isEqualTo("/");
	}

	@Test
	void withoutAPasswordFirstTheCodePageSendsToTheLoginPage() throws Exception {
		HttpSessionClient browser = new HttpSessionClient(port);
		assertThat(location(browser.get("/login/2fa"))).isEqualTo("/login");
		String token = HttpSessionClient.csrfToken(browser.get("/login").body());
		assertThat(location(browser.postFrom("name=\"_csrf\" value=\"" + token + "\"", "/login/2fa", "code", "123456")))
			.isEqualTo("/login?expired");
	}

	@Test
	void anAccountWithout2faSignsInWithThePasswordAlone() throws Exception {
		String email = TestUsers.uniqueEmail("no-2fa");
		TestUsers.insert(jdbc, encoder, email, PASSWORD, Role.SUBMITTER, true, true, null);
		HttpSessionClient browser = new HttpSessionClient(port);
		assertThat(location(browser.signIn(email, PASSWORD))).isEqualTo("/");
		assertThat(browser.get("/my/tickets").statusCode()).isEqualTo(200);
	}

	@Test
	void aUserDeactivatedBetweenPasswordAndCodeIsRefused() throws Exception {
		Account account = accountWith2fa("deactivated", Role.SUBMITTER);
		HttpSessionClient browser = new HttpSessionClient(port);
		browser.signIn(account.email, PASSWORD);
		jdbc.sql("update users set active = false where id = ?").param(account.id).update();

		assertThat(location(code(browser, TotpCodes.now(account.secret)))).isEqualTo("/login?error");
		assertThat(signedInSessions(account.email)).isZero();
	}

	private record Account(long id, String email, String secret) {
	}

	private Account accountWith2fa(String prefix, Role role, Role... more) {
		String email = TestUsers.uniqueEmail(prefix);
		long id = TestUsers.insert(jdbc, encoder, email, PASSWORD, role, true, true, null);
		for (Role extra : more) {
			jdbc.sql("insert into user_roles (user_id, role) values (?, ?)").params(id, extra.name()).update();
		}
		return new Account(id, email, TotpCodes.enable(jdbc, id, RECOVERY, "qrst-uvwx-yz23-4567"));
	}

	private HttpResponse<String> code(HttpSessionClient browser, String code) throws Exception {
		String page = browser.get("/login/2fa").body();
		if (!page.contains("_csrf")) {
			page = browser.get("/login").body();
		}
		return browser.postFrom(page, "/login/2fa", "code", code);
	}

	private static String location(HttpResponse<String> response) {
		return response.headers()
			.firstValue("Location")
			.map(url -> url.replaceFirst("^https?://[^/]+", ""))
			.orElse("(no redirect: " + response.statusCode() + ")");
	}

	private long signedInSessions(String email) {
		return jdbc.sql("select count(*) from SPRING_SESSION where principal_name = ?")
			.param(email)
			.query(Long.class)
			.single();
	}

	private int failedCount(long id) {
		return jdbc.sql("select failed_login_count from users where id = ?").param(id).query(Integer.class).single();
	}

	private boolean lockedUntilSet(long id) {
		return jdbc.sql("select locked_until from users where id = ?")
			.param(id)
			.query(java.sql.Timestamp.class)
			.optional()
			.isPresent();
	}

	private List<String> actions(long id) {
		return jdbc.sql("select action from activity_log where target_user_id = ? order by id")
			.param(id)
			.query(String.class)
			.list();
	}

}
