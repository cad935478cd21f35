package io.queuedesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.HttpCookie;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The session cookie on the real server: script-proof, and renewed on login (session
 * fixation). Visitors who are not signed in get no session at all (see
 * SessionlessVisitorsTest).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SessionCookieTest {

	@LocalServerPort
	int port;

	@Test
	void sessionCookieIsHttpOnly() throws Exception {
		HttpSessionClient browser = new HttpSessionClient(port);
		HttpResponse<String> login = browser.signIn("developer2@example.com", "P@55word");

		assertThat(login.headers().allValues("Set-Cookie")).filteredOn(c -> c.matches("(JSESSIONID|SESSION)=.*"))
			.singleElement()
			.satisfies(cookie -> assertThat(cookie).containsIgnoringCase("HttpOnly"));
		assertThat(browser.sessionCookie()).get().extracting(HttpCookie::isHttpOnly).isEqualTo(true);
	}

	@Test
	void sessionIdChangesOnLogin() throws Exception {
		HttpSessionClient browser = new HttpSessionClient(port);
		assertThat(browser.signIn("user@example.com", "P@55word").statusCode()).isEqualTo(302);
		String before = browser.sessionCookie().orElseThrow().getValue();

		// Signing in again over a session that exists (one an attacker could have
		// planted).
		HttpResponse<String> login = browser.post("/account/password", "/login", "username", "developer1@example.com",
				"password", "P@55word");

		assertThat(login.statusCode()).isEqualTo(302);
		assertThat(login.headers().firstValue("Location")).get().asString().endsWith("/");
		String after = browser.sessionCookie().orElseThrow().getValue();
		assertThat(after).isNotEqualTo(before);
		assertThat(browser.get("/my/tickets").statusCode()).isEqualTo(200);
	}

	@Test
	void failedLoginDoesNotSignIn() throws Exception {
		HttpSessionClient browser = new HttpSessionClient(port);
		HttpResponse<String> login = browser.signIn("nobody-session@test.example", "not-the-password");

		assertThat(login.headers().firstValue("Location")).get().asString().endsWith("/login?error");
		assertThat(browser.get("/my/tickets").headers().firstValue("Location")).get().asString().endsWith("/login");
	}

}
