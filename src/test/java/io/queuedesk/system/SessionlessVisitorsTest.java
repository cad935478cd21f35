package io.queuedesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Visitors who are not signed in never get a session (a row of {@code spring_session}):
 * the CSRF token lives in an HttpOnly cookie, so nobody can grow the session table
 * without signing in, and every POST still needs the token. Real HTTP: the session store
 * is only real there.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SessionlessVisitorsTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@ParameterizedTest
	@ValueSource(strings = { "/login", "/login?error", "/login?logout", "/register", "/password/forgot",
			"/password/reset?token=unknown", "/register/confirm?token=unknown", "/no/such/page", "/my/tickets",
			"/api/tickets", "/css/app.css" })
	void anAnonymousGetCreatesNoSession(String path) throws Exception {
		long before = sessions();

		HttpResponse<String> page = new HttpSessionClient(port).get(path);

		assertThat(page.statusCode()).isLessThan(500);
		assertThat(page.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.startsWith("SESSION="));
		assertThat(sessions()).isEqualTo(before);
	}

	@Test
	void aFailedSignInCreatesNoSession() throws Exception {
		long before = sessions();

		HttpResponse<String> login = new HttpSessionClient(port).signIn("nobody-sessionless@test.example",
				"not-the-password");

		assertThat(login.headers().firstValue("Location")).get().asString().endsWith("/login?error");
		assertThat(login.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.startsWith("SESSION="));
		assertThat(sessions()).isEqualTo(before);
	}

	@Test
	void theFormsOfVisitorsCreateNoSession() throws Exception {
		long before = sessions();

		HttpResponse<String> forgot = new HttpSessionClient(port).post("/password/forgot", "/password/forgot", "email",
				"nobody-sessionless@test.example");

		assertThat(forgot.statusCode()).isEqualTo(200);
		assertThat(forgot.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.startsWith("SESSION="));
		assertThat(sessions()).isEqualTo(before);
	}

	@Test
	void theCsrfTokenCookieIsHttpOnlyAndSameSite() throws Exception {
		HttpResponse<String> page = new HttpSessionClient(port).get("/login");

		assertThat(page.headers().allValues("Set-Cookie")).filteredOn(cookie -> cookie.startsWith("XSRF-TOKEN="))
			.singleElement()
			.satisfies(cookie -> assertThat(cookie).containsIgnoringCase("HttpOnly").contains("SameSite=Lax"));
		assertThat(page.body()).contains("name=\"_csrf\"");
	}

	@Test
	void aPostWithoutTheTokenOrWithAWrongOneIsRefused() throws Exception {
		HttpSessionClient browser = new HttpSessionClient(port);
		browser.get("/login");
		String form = "username=" + encode("admin@example.com") + "&password=" + encode("adminP@55word");

		for (String body : List.of(form, form + "&_csrf=not-the-token")) {
			HttpResponse<String> post = postWithCookiesOf(browser, "/login", body);
			assertThat(post.statusCode()).isEqualTo(403);
			assertThat(post.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.startsWith("SESSION="));
		}
		assertThat(browser.signIn("admin@example.com", "adminP@55word").headers().firstValue("Location")).get()
			.asString()
			.endsWith("/");
	}

	@Test
	void theTokenOfOneBrowserDoesNotWorkInAnother() throws Exception {
		String token = HttpSessionClient.csrfToken(new HttpSessionClient(port).get("/login").body());
		HttpSessionClient other = new HttpSessionClient(port);
		other.get("/login");

		HttpResponse<String> post = postWithCookiesOf(other, "/login", "username=" + encode("admin@example.com")
				+ "&password=" + encode("adminP@55word") + "&_csrf=" + encode(token));

		assertThat(post.statusCode()).isEqualTo(403);
	}

	private HttpResponse<String> postWithCookiesOf(HttpSessionClient browser, String path, String body)
			throws Exception {
		return browser.http()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
	}

	private long sessions() {
		return jdbc.sql("select count(*) from SPRING_SESSION").query(Long.class).single();
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
