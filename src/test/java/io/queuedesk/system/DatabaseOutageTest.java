package io.queuedesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

/**
 * A PostgreSQL outage, made by a TCP proxy between the application (its whole context on
 * a random port) and the server: while the proxy refuses connections (the server stopped)
 * or swallows every byte (a dead network path), pages, the JSON API and the login page
 * answer 503 with {@code Retry-After} within seconds (the friendly page, JSON under
 * /api), and readiness is DOWN; once the proxy forwards again, everything works again
 * without a restart, the session included. PostgreSQL run only: the embedded H2 has no
 * network to lose (its outage, a full disk, is FullDiskTest).
 */
@DirtiesContext
@EnabledIfSystemProperty(named = "queuedesk.test.database", matches = "postgres|mariadb",
		disabledReason = "database server runs only")
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.hikari.maximum-pool-size=4", "spring.datasource.hikari.minimum-idle=2" })
class DatabaseOutageTest extends ServerOutageTestCase {

	/** The limit of the issue (about 3 s) with room for a loaded CI machine. */
	private static final Duration WITHIN = Duration.ofSeconds(6);

	@LocalServerPort
	int port;

	@Test
	void theServerStopsAndComesBack() throws Exception {
		outageAndRecovery(proxy::cut);
	}

	@Test
	void theNetworkPathGoesSilentAndComesBack() throws Exception {
		outageAndRecovery(proxy::blackHole);
	}

	private interface Outage {

		void start() throws Exception;

	}

	private void outageAndRecovery(Outage outage) throws Exception {
		HttpSessionClient user = new HttpSessionClient(port);
		assertThat(user.signIn("user@example.com", "P@55word").statusCode()).isEqualTo(302);
		assertThat(user.get("/tickets").statusCode()).isEqualTo(200);
		assertThat(readiness().statusCode()).isEqualTo(200);
		// Connections idle a moment, as between requests: the pool checks them before
		// use.
		Thread.sleep(600);

		outage.start();
		ExecutorService clients = Executors.newFixedThreadPool(5);
		try {
			Future<Timed> page = clients.submit(timed(() -> user.get("/tickets")));
			Future<Timed> api = clients.submit(timed(() -> user.get("/api/tickets", "application/json")));
			Future<Timed> login = clients.submit(timed(() -> user.get("/login")));
			Future<Timed> visitor = clients.submit(timed(() -> new HttpSessionClient(port).get("/login")));
			Future<Timed> signIn = clients
				.submit(timed(() -> new HttpSessionClient(port).signIn("admin@example.com", "adminP@55word")));

			Timed pageAnswer = page.get();
			assertThat(pageAnswer.took()).as("/tickets").isLessThan(WITHIN);
			assertUnavailable(pageAnswer.response(), "text/html");
			assertThat(pageAnswer.response().body()).contains("<html").doesNotContain("Exception");

			Timed apiAnswer = api.get();
			assertThat(apiAnswer.took()).as("/api/tickets").isLessThan(WITHIN);
			assertUnavailable(apiAnswer.response(), "json");
			assertThat(apiAnswer.response().body()).contains("\"status\":503");

			// A signed-in browser's session is looked up first, so its login page needs
			// the database.
			Timed loginAnswer = login.get();
			assertThat(loginAnswer.took()).as("/login, signed in").isLessThan(WITHIN);
			assertUnavailable(loginAnswer.response(), "text/html");

			// A visitor's login page needs none: it is served as always.
			Timed visitorAnswer = visitor.get();
			assertThat(visitorAnswer.took()).as("/login, visitor").isLessThan(WITHIN);
			assertThat(visitorAnswer.response().statusCode()).isEqualTo(200);

			// Signing in needs it: not "sign-in failed", which would send the user to
			// retype a right password.
			Timed signInAnswer = signIn.get();
			assertThat(signInAnswer.took()).as("POST /login").isLessThan(WITHIN.multipliedBy(2));
			assertUnavailable(signInAnswer.response(), "text/html");
		}
		finally {
			clients.shutdownNow();
		}
		HttpResponse<String> down = readiness();
		assertThat(down.statusCode()).as("readiness during the outage").isEqualTo(503);
		assertThat(down.body()).contains("DOWN");

		proxy.restore();
		long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
		while (readiness().statusCode() != 200 && System.nanoTime() < deadline) {
			Thread.sleep(200);
		}
		assertThat(readiness().statusCode()).as("readiness after the outage").isEqualTo(200);
		assertThat(user.get("/tickets").statusCode()).as("the same session, no restart").isEqualTo(200);
		HttpResponse<String> api = user.get("/api/tickets", "application/json");
		assertThat(api.statusCode()).isEqualTo(200);
		assertThat(api.headers().firstValue("Content-Type")).get().asString().contains("json");
	}

	private static void assertUnavailable(HttpResponse<String> response, String contentType) {
		assertThat(response.statusCode()).as(response.uri().getPath()).isEqualTo(503);
		assertThat(response.headers().firstValue("Retry-After")).as(response.uri().getPath())
			.contains(DatabaseBusyFilter.RETRY_AFTER_SECONDS);
		assertThat(response.headers().firstValue("Content-Type")).get().asString().contains(contentType);
	}

	private HttpResponse<String> readiness() throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/readiness"))
				.timeout(Duration.ofSeconds(20))
				.build(), HttpResponse.BodyHandlers.ofString());
	}

	private record Timed(HttpResponse<String> response, Duration took) {
	}

	private static Callable<Timed> timed(Callable<HttpResponse<String>> request) {
		return () -> {
			long start = System.nanoTime();
			HttpResponse<String> response = request.call();
			return new Timed(response, Duration.ofNanos(System.nanoTime() - start));
		};
	}

}
