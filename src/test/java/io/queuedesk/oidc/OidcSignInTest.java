package io.queuedesk.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.queuedesk.oidc.Browserless.Page;
import io.queuedesk.user.Role;
import io.queuedesk.user.TestUsers;
import io.queuedesk.user.UserRows;
import no.nav.security.mock.oauth2.MockOAuth2Server;

/**
 * Single sign-on against a real OpenID Connect provider started in the test (NAV's
 * mock-oauth2-server: discovery, signed ID tokens, user info, end-session endpoint), the
 * whole authorization code flow over HTTP with a cookie jar (docs/RULES.md#accounts,
 * "Single sign-on").
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class OidcSignInTest {

	static final String ISSUER_ID = "example";

	static final String CLIENT_ID = "queuedesk";

	static final MockOAuth2Server provider = TestProvider.started();

	@DynamicPropertySource
	static void oidc(DynamicPropertyRegistry registry) {
		TestProvider.register(registry, provider, ISSUER_ID, CLIENT_ID, "Example SSO");
		registry.add("QUEUEDESK_OIDC_ADMIN_GROUP", () -> "queuedesk-admins");
		registry.add("QUEUEDESK_OIDC_DEVELOPER_GROUP", () -> "Queuedesk-Developers");
	}

	@AfterAll
	static void stopProvider() {
		provider.shutdown();
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	@Test
	void theLoginPageHasThePlainLinkToTheProvider() throws Exception {
		Page login = new Browserless(port).get("/login");
		assertThat(login.status()).isEqualTo(200);
		assertThat(login.body()).contains("href=\"/oauth2/authorization/oidc\"")
			.contains("Sign in with Example SSO")
			.doesNotContain("<script>")
			.doesNotContain("onclick");
	}

	@Test
	void firstSignInProvisionsASubmitterFromTheVerifiedEmailAndTheGroups() throws Exception {
		Person ada = new Person("Ada Lovelace", List.of("queuedesk-admins", "other"));
		Browserless browser = new Browserless(port);
		enqueue(ada.claims(true));
		Page toProvider = browser.follow(get("/oauth2/authorization/oidc"), 0);
		assertThat(toProvider.location()).startsWith(provider.authorizationEndpointUrl(ISSUER_ID).toString())
			.contains("nonce=")
			.contains("code_challenge=");
		// The flow's state waits in a session, whose id changes at the sign-in.
		String before = browser.cookie("SESSION");
		assertThat(before).isNotNull();
		Page home = browser.get(toProvider.location());

		// Every hop of the flow, ending on the start page signed in as the new user.
		assertThat(home.hops()).extracting(URI::getPath)
			// (an admin's start page is the dashboard)
			.containsExactly("/" + ISSUER_ID + "/authorize", "/login/oauth2/code/oidc", "/", "/admin");
		assertThat(browser.cookie("SESSION")).isNotNull().isNotEqualTo(before);
		assertThat(home.status()).isEqualTo(200);
		assertThat(home.body()).contains("Ada Lovelace");

		Map<String, Object> row = row(ada.email);
		assertThat(row).containsEntry("display_name", "Ada Lovelace")
			.containsEntry("sign_in_source", "OIDC")
			.containsEntry("external_id", "oidc:" + ada.subject)
			.containsEntry("password_hash", null);
		long id = ((Number) row.get("id")).longValue();
		assertThat(roles(id)).containsExactly("ADMIN", "SUBMITTER");
		assertThat(actions(id)).containsExactly("USER_CREATED", "SIGNED_IN");
		assertThat(details(id, "USER_CREATED")).contains("provisioned from OIDC").contains(ada.subject);

		// The session's principal is the application's own: pages and services work.
		assertThat(browser.get("/tickets/new").status()).isEqualTo(200);
		assertThat(browser.get("/admin/users").status()).isEqualTo(200);
		assertThat(browser.get("/admin/users/" + id).body()).contains("With single sign-on (OpenID Connect)")
			.contains("oidc:" + ada.subject);
	}

	@Test
	void groupsGiveRolesAtEverySignInAndTakeThemAwayWhenGone() throws Exception {
		Person grace = new Person("Grace Hopper", List.of("queuedesk-developers"));
		signIn(new Browserless(port), grace.claims(true));
		long id = id(grace.email);
		assertThat(roles(id)).containsExactly("DEVELOPER", "SUBMITTER");

		grace.groups = List.of();
		Page home = signIn(new Browserless(port), grace.claims(true));
		assertThat(home.status()).isEqualTo(200);
		assertThat(roles(id)).containsExactly("SUBMITTER");
		assertThat(details(id, "ROLES_CHANGED")).contains("by OIDC groups");

		grace.groups = List.of("QUEUEDESK-ADMINS");
		signIn(new Browserless(port), grace.claims(true));
		assertThat(roles(id)).containsExactly("ADMIN", "SUBMITTER");
	}

	@Test
	void aLocalAccountWithTheVerifiedEmailIsLinked() throws Exception {
		Person local = new Person("Local Person", List.of());
		long localId = TestUsers.insert(jdbc, encoder, local.email, "local-Password-1", Role.SUBMITTER, true, true,
				null);
		jdbc.sql("update users set color_mode = 'DARK' where id = ?").param(localId).update();
		Page home = signIn(new Browserless(port), local.claims(true));
		assertThat(home.body()).contains("Local Person");
		assertThat(home.body()).as("the colour mode of the account").contains("data-bs-theme=\"dark\"");
		Map<String, Object> row = row(local.email);
		assertThat(((Number) row.get("id")).longValue()).isEqualTo(localId);
		assertThat(row).containsEntry("sign_in_source", "OIDC").containsEntry("password_hash", null);
		assertThat(details(localId, "ACCOUNT_LINKED")).contains("LOCAL account linked to OIDC");
		// Its password is the provider's business now.
		Browserless browser = new Browserless(port);
		signIn(browser, local.claims(true));
		assertThat(browser.get("/account/password").body()).contains("Queuedesk keeps no password for it")
			.doesNotContain("name=\"currentPassword\"");
		assertThat(new Browserless(port).get("/password/forgot").body()).contains("single sign-on");
	}

	/** The account's language is put into the session at this sign-in too (issue 18). */
	@Test
	void theAccountsLanguageIsTakenAtTheSignIn() throws Exception {
		Person german = new Person("Greta German", List.of());
		long id = TestUsers.insert(jdbc, encoder, german.email, "local-Password-1", Role.SUBMITTER, true, true, null);
		jdbc.sql("update users set language = 'de' where id = ?").param(id).update();
		Page home = signIn(new Browserless(port), german.claims(true));
		assertThat(home.body()).contains("Greta German").contains("<html lang=\"de\"");
	}

	@Test
	void anUnverifiedEmailIsNeverLinkedNorProvisioned() throws Exception {
		Person local = new Person("Unverified", List.of("queuedesk-admins"));
		long localId = TestUsers.insert(jdbc, encoder, local.email, "local-Password-1", Role.SUBMITTER, true, true,
				null);
		Page refused = signIn(new Browserless(port), local.claims(false));
		assertThat(refused.uri().toString()).endsWith("/login?sso=unverified");
		assertThat(refused.body()).contains("not verified");
		Map<String, Object> row = row(local.email);
		assertThat(row).containsEntry("sign_in_source", "LOCAL");
		assertThat((String) row.get("password_hash")).isNotNull();
		assertThat(roles(localId)).containsExactly("SUBMITTER");
		assertThat(actions(localId)).isEmpty();

		Person stranger = new Person("Stranger", List.of());
		Map<String, Object> claims = stranger.claims(false);
		claims.remove("email_verified");
		assertThat(signIn(new Browserless(port), claims).uri().toString()).endsWith("/login?sso=unverified");
		assertThat(
				jdbc.sql("select count(*) from users where email = ?").param(stranger.email).query(Long.class).single())
			.isZero();
	}

	@Test
	void aDeactivatedUserIsRefused() throws Exception {
		Person gone = new Person("Gone Person", List.of("queuedesk-developers"));
		signIn(new Browserless(port), gone.claims(true));
		long id = id(gone.email);
		jdbc.sql("update users set active = false where id = ?").param(id).update();

		Page refused = signIn(new Browserless(port), gone.claims(true));
		assertThat(refused.uri().toString()).endsWith("/login?sso=refused");
		assertThat(refused.body()).contains("cannot sign in");
		assertThat(actions(id)).containsExactly("USER_CREATED", "SIGNED_IN");
	}

	@Test
	void theSessionIsFoundByTheEmailAndEndsWhenAnAdminDeactivatesTheUser() throws Exception {
		Person member = new Person("Session Person", List.of());
		Browserless memberBrowser = new Browserless(port);
		signIn(memberBrowser, member.claims(true));
		assertThat(sessionsOf(member.email)).isEqualTo(1);

		Person admin = new Person("Session Admin", List.of("queuedesk-admins"));
		Browserless adminBrowser = new Browserless(port);
		signIn(adminBrowser, admin.claims(true));
		long id = id(member.email);
		Page detail = adminBrowser.get("/admin/users/" + id);
		Page deactivated = adminBrowser.post("/admin/users/" + id + "/active", detail.csrfToken(), "active", "false");
		assertThat(deactivated.location()).endsWith("/admin/users/" + id);

		assertThat(sessionsOf(member.email)).isZero();
		assertThat(memberBrowser.get("/my/tickets").uri().getPath()).isEqualTo("/login");
		assertThat(signIn(new Browserless(port), member.claims(true)).uri().toString()).endsWith("/login?sso=refused");
	}

	@Test
	void wrongPasswordsTypedForTheEmailDoNotKeepThePersonFromSingleSignOn() throws Exception {
		Person locked = new Person("Locked Person", List.of());
		signIn(new Browserless(port), locked.claims(true));
		long id = id(locked.email);
		jdbc.sql("update users set locked_until = ? where id = ?")
			.params(java.sql.Timestamp.from(java.time.Instant.now().plusSeconds(900)), id)
			.update();

		Page home = signIn(new Browserless(port), locked.claims(true));
		assertThat(home.status()).isEqualTo(200);
		assertThat(home.body()).contains("Locked Person");
	}

	@Test
	void logoutEndsTheSessionAndSignsOutAtTheProvider() throws Exception {
		Person leaving = new Person("Leaving Person", List.of());
		Browserless browser = new Browserless(port);
		Page home = signIn(browser, leaving.claims(true));

		Page logout = browser.follow(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/logout"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers
				.ofString("_csrf=" + URLEncoder.encode(home.csrfToken(), StandardCharsets.UTF_8))), 0);
		assertThat(logout.status()).isEqualTo(302);
		URI endSession = URI.create(logout.location());
		assertThat(endSession.toString()).startsWith(provider.endSessionEndpointUrl(ISSUER_ID).toString());
		Map<String, String> query = query(endSession);
		assertThat(query).containsKey("id_token_hint")
			.containsEntry("post_logout_redirect_uri", "http://localhost:" + port + "/login?logout");

		// Signed out here, whatever the provider does.
		Page after = browser.get("/");
		assertThat(after.uri().getPath()).isEqualTo("/login");
	}

	/**
	 * Queues the provider's answer for this person, then runs the flow from the button.
	 */
	private Page signIn(Browserless browser, Map<String, Object> claims) throws Exception {
		enqueue(claims);
		Page login = browser.get("/login");
		assertThat(login.body()).contains("/oauth2/authorization/oidc");
		return browser.get("/oauth2/authorization/oidc");
	}

	/** The claims of the next tokens the provider issues. */
	static void enqueue(Map<String, Object> claims) {
		Map<String, Object> idClaims = new HashMap<>(claims);
		String subject = (String) idClaims.remove("sub");
		TestProvider.enqueue(provider, ISSUER_ID, CLIENT_ID, subject, idClaims);
	}

	private HttpRequest.Builder get(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
	}

	/** Someone at the provider, with a unique subject and email. */
	static final class Person {

		final String subject = "Sub-" + UUID.randomUUID();

		final String name;

		final String email;

		List<String> groups;

		Person(String name, List<String> groups) {
			this.name = name;
			this.email = TestUsers.uniqueEmail(name.toLowerCase().replace(' ', '.'));
			this.groups = groups;
		}

		Map<String, Object> claims(boolean verified) {
			Map<String, Object> claims = new HashMap<>();
			claims.put("sub", subject);
			claims.put("email", email);
			claims.put("email_verified", verified);
			claims.put("name", name);
			claims.put("groups", groups);
			return claims;
		}

	}

	private static Map<String, String> query(URI uri) {
		Map<String, String> parameters = new HashMap<>();
		for (String pair : uri.getRawQuery().split("&")) {
			String[] parts = pair.split("=", 2);
			parameters.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
					parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
		}
		return parameters;
	}

	private Map<String, Object> row(String email) {
		return jdbc.sql("select * from users where email = ?").param(email).query().singleRow();
	}

	private long sessionsOf(String email) {
		return jdbc.sql("select count(*) from SPRING_SESSION where principal_name = ?")
			.param(email)
			.query(Long.class)
			.single();
	}

	private long id(String email) {
		return UserRows.id(jdbc, email);
	}

	private List<String> roles(long id) {
		return UserRows.roles(jdbc, id);
	}

	private List<String> actions(long id) {
		return UserRows.actions(jdbc, id);
	}

	private String details(long id, String action) {
		return UserRows.details(jdbc, id, action);
	}

}
