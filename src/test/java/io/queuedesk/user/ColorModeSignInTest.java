package io.queuedesk.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import io.queuedesk.system.HttpSessionClient;

/**
 * The colour mode over real HTTP with the sessions in the database: the choice is stored
 * on the account, shows at once in the session that made it, and in every new session
 * after signing in (with a password, or a password and a 2FA code); AUTO, the default,
 * leaves {@code data-bs-theme} to the browser's script.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ColorModeSignInTest {

	private static final String PASSWORD = "Right-pass-1";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	@Test
	void theChoiceIsStoredAndRenderedInTheNextSession() throws Exception {
		String email = TestUsers.uniqueEmail("dark");
		long id = TestUsers.insert(jdbc, encoder, email, PASSWORD, Role.SUBMITTER, true, true, null);
		HttpSessionClient browser = signedIn(email);
		String page = browser.get("/my/tickets").body();
		assertThat(page).contains("data-color-mode=\"auto\"").doesNotContain("data-bs-theme=\"");

		HttpResponse<String> changed = browser.postFrom(page, "/account/color-mode", "colorMode", "DARK", "returnTo",
				"/my/tickets");

		assertThat(changed.statusCode()).isEqualTo(302);
		assertThat(changed.headers().firstValue("Location")).get().asString().endsWith("/my/tickets");
		assertThat(storedMode(id)).isEqualTo("DARK");
		assertThat(browser.get("/my/tickets").body()).as("the session that made the change")
			.contains("data-bs-theme=\"dark\"", "data-color-mode=\"dark\"");
		assertThat(signedIn(email).get("/my/tickets").body()).as("a new session")
			.contains("data-bs-theme=\"dark\"", "data-color-mode=\"dark\"");
	}

	@Test
	void autoIsStoredAsNullAndLeavesTheThemeToTheBrowser() throws Exception {
		String email = TestUsers.uniqueEmail("auto");
		long id = TestUsers.insert(jdbc, encoder, email, PASSWORD, Role.SUBMITTER, true, true, null);
		jdbc.sql("update users set color_mode = 'LIGHT' where id = ?").param(id).update();
		HttpSessionClient browser = signedIn(email);
		String page = browser.get("/my/tickets").body();
		assertThat(page).contains("data-bs-theme=\"light\"");

		browser.postFrom(page, "/account/color-mode", "colorMode", "AUTO", "returnTo", "/my/tickets");

		assertThat(storedMode(id)).isNull();
		assertThat(browser.get("/my/tickets").body()).contains("data-color-mode=\"auto\"")
			.doesNotContain("data-bs-theme=\"");
		assertThat(signedIn(email).get("/my/tickets").body()).contains("data-color-mode=\"auto\"")
			.doesNotContain("data-bs-theme=\"");
	}

	@Test
	void aSignInWithTwoFactorsBringsTheChoiceToo() throws Exception {
		String email = TestUsers.uniqueEmail("dark-2fa");
		long id = TestUsers.insert(jdbc, encoder, email, PASSWORD, Role.SUBMITTER, true, true, null);
		jdbc.sql("update users set color_mode = 'DARK' where id = ?").param(id).update();
		String secret = TotpCodes.enable(jdbc, id, "abcd-efgh-ijkm-nopq", "qrst-uvwx-yz23-4567");
		HttpSessionClient browser = new HttpSessionClient(port);
		browser.signIn(email, PASSWORD);

		HttpResponse<String> signedIn = browser.postFrom(browser.get("/login/2fa").body(), "/login/2fa", "code",
				TotpCodes.now(secret));

		assertThat(signedIn.headers().firstValue("Location")).get().asString().endsWith("/");
		assertThat(browser.get("/my/tickets").body()).contains("data-bs-theme=\"dark\"");
	}

	@Test
	void aVisitorFollowsTheSystemAndHasNoButtons() throws Exception {
		String login = new HttpSessionClient(port).get("/login").body();

		assertThat(login).contains("data-color-mode=\"auto\"", "/js/color-mode")
			.doesNotContain("data-bs-theme=\"", "/account/color-mode");
	}

	private HttpSessionClient signedIn(String email) throws Exception {
		HttpSessionClient browser = new HttpSessionClient(port);
		assertThat(browser.signIn(email, PASSWORD).statusCode()).isEqualTo(302);
		return browser;
	}

	private String storedMode(long id) {
		return jdbc.sql("select color_mode from users where id = ?")
			.param(id)
			.query(String.class)
			.optional()
			.orElse(null);
	}

}
