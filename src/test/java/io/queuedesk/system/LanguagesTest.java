package io.queuedesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.util.HtmlUtils;

import io.queuedesk.user.Role;
import io.queuedesk.user.TestUsers;
import io.queuedesk.user.TotpCodes;

/**
 * The page language against the real server and its sessions (issue 18): a visitor gets
 * the browser's language if the app offers it, else English; a signed-in user's stored
 * choice is put into the session at sign-in (the password form, and after the second
 * factor) and beats the browser's; with no choice the browser decides.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class LanguagesTest {

	static final String PASSWORD = "Right-pass-1";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	@Autowired
	MessageSource messages;

	@Test
	void aVisitorGetsTheBrowsersLanguageWhenOffered() throws Exception {
		HttpSessionClient browser = new HttpSessionClient(port);
		assertThat(page(browser, "/login", "de-CH,de;q=0.9,en;q=0.5")).contains("<html lang=\"de\"");
		assertThat(page(browser, "/login", "fr-FR,fr;q=0.9")).contains("<html lang=\"en\"");
		assertThat(page(browser, "/login", null)).contains("<html lang=\"en\"");
		assertThat(browser.sessionCookie()).as("a visitor still has no session").isEmpty();
	}

	@Test
	void theStoredChoiceIsTakenAtSignInAndBeatsTheBrowser() throws Exception {
		HttpSessionClient german = signIn(account("de"));
		assertThat(page(german, "/account/preferences", "en-US,en;q=0.9")).contains("<html lang=\"de\"")
			.contains(text("nav.preferences", Locale.GERMAN))
			.contains("<option value=\"de\" lang=\"de\" selected=\"selected\">");
		assertThat(text("nav.preferences", Locale.GERMAN)).isNotEqualTo(text("nav.preferences", Locale.ENGLISH));

		HttpSessionClient english = signIn(account("en"));
		assertThat(page(english, "/account/preferences", "de-DE,de;q=0.9")).contains("<html lang=\"en\"")
			.contains(text("nav.preferences", Locale.ENGLISH));
	}

	@Test
	void withoutAChoiceTheBrowserDecides() throws Exception {
		HttpSessionClient browser = signIn(account(null));
		assertThat(page(browser, "/account/preferences", "de")).contains("<html lang=\"de\"");
		assertThat(page(browser, "/account/preferences", "en")).contains("<html lang=\"en\"");
	}

	@Test
	void theChoiceIsTakenAfterTheSecondFactorToo() throws Exception {
		long id = account("de");
		String secret = TotpCodes.enable(jdbc, id);
		HttpSessionClient browser = new HttpSessionClient(port);
		HttpResponse<String> password = browser.signIn(email(id), PASSWORD);
		assertThat(password.headers().firstValue("Location")).hasValue("/login/2fa");
		String codePage = browser.get("/login/2fa").body();
		HttpResponse<String> code = browser.postFrom(codePage, "/login/2fa", "code", TotpCodes.now(secret));
		assertThat(code.headers().firstValue("Location")).hasValue("/");
		assertThat(page(browser, "/account/preferences", "en")).contains("<html lang=\"de\"");
	}

	/** Another user signing in on the same browser brings their own choice, none. */
	@Test
	void theNextSignInReplacesTheChoice() throws Exception {
		HttpSessionClient browser = signIn(account("de"));
		browser.post("/account/preferences", "/logout");
		long other = account(null);
		browser.signIn(email(other), PASSWORD);
		assertThat(page(browser, "/account/preferences", "en")).contains("<html lang=\"en\"");
	}

	private long account(String language) {
		String email = TestUsers.uniqueEmail("language");
		long id = TestUsers.insert(jdbc, encoder, email, PASSWORD, Role.SUBMITTER, true, true, null);
		jdbc.sql("update users set language = ? where id = ?").params(language, id).update();
		return id;
	}

	private String email(long id) {
		return jdbc.sql("select email from users where id = ?").param(id).query(String.class).single();
	}

	private HttpSessionClient signIn(long id) throws Exception {
		HttpSessionClient browser = new HttpSessionClient(port);
		assertThat(browser.signIn(email(id), PASSWORD).headers().firstValue("Location")).hasValue("/");
		return browser;
	}

	private String page(HttpSessionClient browser, String path, String languages) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
		if (languages != null) {
			request.header("Accept-Language", languages);
		}
		HttpResponse<String> response = browser.http().send(request.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return response.body();
	}

	private String text(String code, Locale locale) {
		return HtmlUtils.htmlEscape(messages.getMessage(code, null, locale));
	}

}
