package io.queuedesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.web.util.HtmlUtils;

/**
 * Back-pressure: with every pooled connection taken, a request that needs the database
 * answers 503 with Retry-After once the pool's short wait is over (instead of hanging),
 * as the friendly page or, under /api, as JSON. Its own application context with a
 * two-connection pool (Flyway needs two at start-up). Spring Session's cleanup of expired
 * sessions is off here: run by its scheduler in the seconds the test holds the pool, it
 * fails (logged with its stack trace) and spoils the assertion that requests log none.
 */
@ExtendWith(OutputCaptureExtension.class)
@Import(DatabaseBusyTest.PoolThief.class)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.hikari.maximum-pool-size=2", "spring.datasource.hikari.minimum-idle=2",
				"spring.datasource.hikari.connection-timeout=250", "spring.session.jdbc.cleanup-cron=-" })
class DatabaseBusyTest {

	@LocalServerPort
	int port;

	@Autowired
	DataSource dataSource;

	@Autowired
	MessageSource messages;

	@Autowired
	DatabaseBusyFilter busyFilter;

	@AfterEach
	void giveThePoolBack() throws SQLException {
		PoolThief.giveBack();
	}

	@Test
	void withThePoolExhaustedPagesAnswer503AndTheApiJson() throws Exception {
		HttpSessionClient user = new HttpSessionClient(port);
		assertThat(user.signIn("user@example.com", "P@55word").statusCode()).isEqualTo(302);

		try (Connection first = dataSource.getConnection(); Connection second = dataSource.getConnection()) {
			HttpResponse<String> page = user.get("/account/password");
			assertThat(page.statusCode()).isEqualTo(503);
			assertThat(page.headers().firstValue("Retry-After")).contains(DatabaseBusyFilter.RETRY_AFTER_SECONDS);
			assertThat(page.headers().firstValue("Content-Type")).get().asString().startsWith("text/html");
			assertThat(page.body()).contains("<html")
				.contains(HtmlUtils.htmlEscape(messages.getMessage("error.status.503", null, Locale.ENGLISH)))
				.doesNotContain("Exception")
				.doesNotContain("Connection is not available");

			HttpResponse<String> api = user.get("/api/clients", "application/json");
			assertThat(api.statusCode()).isEqualTo(503);
			assertThat(api.headers().firstValue("Retry-After")).contains(DatabaseBusyFilter.RETRY_AFTER_SECONDS);
			assertThat(api.headers().firstValue("Content-Type")).get().asString().contains("json");
			assertThat(api.body()).contains("\"status\":503").doesNotContain("Exception");

			assertThat(new HttpSessionClient(port).get("/login").statusCode()).as("pages for visitors need no database")
				.isEqualTo(200);
		}

		assertThat(user.get("/account/password").statusCode()).as("the session outlives the busy moment")
			.isEqualTo(200);
	}

	/**
	 * wrk, curl and monitoring probes send no Accept header; a 503 page is still HTML.
	 */
	@Test
	void withThePoolExhaustedASignedInPageWithoutAcceptHeaderAnswers503(CapturedOutput log) throws Exception {
		HttpSessionClient admin = new HttpSessionClient(port);
		assertThat(admin.signIn("admin@example.com", "adminP@55word").statusCode()).isEqualTo(302);
		String session = admin.sessionCookie().orElseThrow().toString();

		try (Connection first = dataSource.getConnection(); Connection second = dataSource.getConnection()) {
			for (String path : List.of("/tickets", "/admin")) {
				HttpResponse<String> page = withoutAccept(path, session, false);
				assertThat(page.statusCode()).as(path).isEqualTo(503);
				assertThat(page.headers().firstValue("Retry-After")).contains(DatabaseBusyFilter.RETRY_AFTER_SECONDS);
				assertThat(page.headers().firstValue("Content-Type")).get().asString().startsWith("text/html");
				assertThat(page.body()).contains("<html").doesNotContain("Exception");
			}
		}
		assertThat(log.getOut() + log.getErr()).doesNotContain("Exception").doesNotContain("\tat ");
	}

	/**
	 * The pool runs dry after the page went out, while Spring Session finishes the
	 * request. The page (larger than the response buffer, so committed while it rendered)
	 * must arrive whole and alone: it did not, Spring Session read the session a second
	 * time there, that read failed on the committed response, Tomcat logged the stack
	 * trace, appended its error page (a JSON error that could not be written as
	 * text/html) and closed the connection.
	 */
	@Test
	void aPageThatWentOutIsNotSpoiledWhenThePoolRunsDryAfterIt(CapturedOutput log) throws Exception {
		HttpSessionClient admin = new HttpSessionClient(port);
		assertThat(admin.signIn("admin@example.com", "adminP@55word").statusCode()).isEqualTo(302);
		String session = admin.sessionCookie().orElseThrow().toString();

		HttpResponse<String> page = withoutAccept("/tickets", session, true);

		assertThat(PoolThief.held).as("the pool was taken after the page").hasSize(2);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body().length()).as("larger than the response buffer").isGreaterThan(8192);
		assertThat(page.body().strip()).endsWith("</html>").doesNotContain("\"timestamp\"");
		assertThat(log.getOut() + log.getErr()).doesNotContain("Exception").doesNotContain("\tat ");
	}

	/**
	 * The pool runs dry while a page renders (the session is saved as its first bytes go
	 * out): the page's variables are left in the request, among them a signed-in user's
	 * navigation, and the 503 page must still render (as for a visitor) instead of
	 * failing into a 500.
	 */
	@Test
	void the503PageRendersEvenWhenAFailedPageLeftItsVariablesBehind() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/tickets");
		MockHttpServletResponse response = new MockHttpServletResponse();

		busyFilter.doFilter(request, response, (req, res) -> {
			req.setAttribute("navigation", new LayoutModel.Navigation(true, true, "/tickets"));
			res.setContentType("text/html;charset=UTF-8");
			res.getWriter().write("<!DOCTYPE html><html>half a page");
			throw new IllegalStateException("An error happened during template rendering",
					new SQLTransientConnectionException("Connection is not available, request timed out"));
		});

		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(response.getHeader("Retry-After")).isEqualTo(DatabaseBusyFilter.RETRY_AFTER_SECONDS);
		assertThat(response.getContentAsString()).startsWith("<!DOCTYPE html>")
			.doesNotContain("half a page")
			.contains(HtmlUtils.htmlEscape(messages.getMessage("error.status.503", null, Locale.ENGLISH)));
	}

	/**
	 * A GET without Accept header, as wrk or curl send it, with the given session cookie.
	 */
	private HttpResponse<String> withoutAccept(String path, String sessionCookie, boolean holdPoolAfterPage)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Cookie", sessionCookie);
		if (holdPoolAfterPage) {
			request.header(PoolThief.HEADER, "yes");
		}
		return HttpClient.newHttpClient().send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * Takes every pooled connection once the page has been handled, just inside Spring
	 * Session's filter (which then finishes the request), for requests that ask for it by
	 * a header.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class PoolThief {

		static final String HEADER = "X-Test-Take-The-Pool";

		static final List<Connection> held = new CopyOnWriteArrayList<>();

		static void giveBack() throws SQLException {
			for (Connection connection : held) {
				connection.close();
			}
			held.clear();
		}

		@Bean
		FilterRegistrationBean<Filter> poolThief(DataSource dataSource) {
			FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((request, response, chain) -> {
				chain.doFilter(request, response);
				if (((HttpServletRequest) request).getHeader(HEADER) != null) {
					try {
						held.add(dataSource.getConnection());
						held.add(dataSource.getConnection());
					}
					catch (SQLException ex) {
						throw new IllegalStateException(ex);
					}
				}
			});
			registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER + 1);
			return registration;
		}

	}

	@Test
	void otherFailuresAreNotMistakenForABusyDatabase() {
		assertThat(DatabaseBusyFilter.noConnectionInTime(new IllegalStateException("boom"))).isFalse();
		assertThat(DatabaseBusyFilter.noConnectionInTime(new RuntimeException(
				new SQLTransientConnectionException("Connection is not available, request timed out"))))
			.isTrue();
	}

}
