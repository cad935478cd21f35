package io.queuedesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 12, points 6, 8 and 9, over real HTTP (Tomcat parses the parameters and builds
 * the redirects, so MockMvc would not see these): huge page numbers, malformed requests
 * and a forged Host header. Requests go through a plain socket ({@link RawHttp}) so that
 * they can be as broken as an attacker makes them.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class MalformedRequestsTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	RawHttp admin;

	@BeforeEach
	void signIn() throws IOException {
		admin = new RawHttp(port).signIn("admin@example.com", "adminP@55word");
	}

	@Test
	void hugePageNumbersShowAPageNotAnError() throws IOException {
		long client = jdbc.sql("select min(id) from clients").query(Long.class).single();
		long user = jdbc.sql("select min(id) from users").query(Long.class).single();
		for (String path : List.of("/tickets?page=2147483647", "/tickets?page=2147483647&size=200",
				"/archive?page=2147483647&size=200", "/my/tickets?page=2147483647&assignedPage=2147483647",
				"/queues/" + client + "?page=2147483647", "/queues/" + client + "?page=99999999",
				"/admin/users?page=2147483647&size=200", "/admin/users/" + user + "?page=2147483647",
				"/admin/activity?page=2147483647", "/admin/mail?page=2147483647", "/tickets?page=-2147483648")) {
			assertThat(admin.get(path).status()).as(path).isEqualTo(200);
		}
		RawHttp.Response api = admin.send("GET", "/api/tickets?page=2147483647&size=200", Map.of(), null);
		assertThat(api.status()).isEqualTo(200);
		assertThat(api.body()).contains("\"items\":[]");
	}

	@Test
	void aMultipartBodyWithoutBoundaryIsA400Page() throws IOException {
		String token = admin.token("/tickets/new");
		RawHttp.Response response = admin.send("POST", "/tickets/new",
				Map.of("Content-Type", "multipart/form-data", "X-XSRF-TOKEN", token, "Accept", "text/html"),
				"title=x".getBytes(StandardCharsets.UTF_8));

		assertFriendly400(response);
	}

	@Test
	void badPercentEncodingIsA400PageOrJsonUnderApi() throws IOException {
		assertFriendly400(admin.get("/tickets?q=%zz"));
		// curl's default Accept: a page's error is still the page, not JSON.
		assertFriendly400(admin.send("GET", "/archive?q=%E2%82", Map.of("Accept", "*/*"), null));
		assertFriendly400(admin.send("POST", "/tickets/new?_csrf=" + RawHttp.encode(admin.token("/tickets/new")),
				Map.of("Accept", "text/html", "Content-Type", "application/x-www-form-urlencoded"),
				"title=%G1&description=d".getBytes(StandardCharsets.UTF_8)));

		RawHttp.Response api = admin.send("GET", "/api/tickets?q=%zz", Map.of("Accept", "text/html,*/*;q=0.8"), null);
		assertThat(api.status()).isEqualTo(400);
		assertThat(api.header("Content-Type")).get().asString().contains("json");
	}

	@Test
	void otherMalformedRequestsAre4xxPages() throws IOException {
		assertFriendly400(admin.get("/tickets/abc"));
		// A path Tomcat cannot decode never reaches the app: Tomcat's own short 400.
		assertThat(admin.get("/tickets/%zz").status()).isEqualTo(400);
		assertFriendly400(admin.get("/queues/99999999999999999999"));
		String token = admin.token("/tickets/new");
		long user = jdbc.sql("select min(id) from users").query(Long.class).single();
		assertFriendly400(admin.post("/admin/users/" + user + "/active", token, Map.of()));
		assertFriendly400(admin.post("/admin/users/" + user + "/active", token, Map.of("active", "maybe")));
		RawHttp.Response json = admin.send("POST", "/tickets/new",
				Map.of("Accept", "text/html", "Content-Type", "application/json", "X-XSRF-TOKEN", token),
				"{\"title\": \"x\"}".getBytes(StandardCharsets.UTF_8));
		assertFriendly400(json);
		RawHttp.Response put = admin.send("PUT", "/tickets/new?_csrf=" + RawHttp.encode(token),
				Map.of("Accept", "text/html"), new byte[0]);
		assertThat(put.status()).isEqualTo(405);
		RawHttp.Response api = admin.send("GET", "/api/tickets/abc", Map.of("Accept", "text/html,*/*;q=0.8"), null);
		assertThat(api.status()).isEqualTo(400);
		assertThat(api.header("Content-Type")).get().asString().contains("json");
	}

	@Test
	void redirectsNeverTakeTheirHostFromTheRequest() throws IOException {
		Map<String, String> evil = Map.of("Host", "evil.example", "Accept", "text/html");
		RawHttp visitor = new RawHttp(port);

		RawHttp.Response toLogin = visitor.send("GET", "/tickets", evil, null);
		assertThat(toLogin.status()).isEqualTo(302);
		assertThat(toLogin.header("Location")).contains("/login");

		String token = visitor.token("/login");
		RawHttp.Response signedIn = visitor.send("POST", "/login",
				Map.of("Host", "evil.example", "Content-Type", "application/x-www-form-urlencoded"),
				("_csrf=" + RawHttp.encode(token) + "&username=admin%40example.com&password=adminP%4055word")
					.getBytes(StandardCharsets.UTF_8));
		assertThat(signedIn.header("Location")).contains("/");

		RawHttp.Response page = visitor.send("GET", "/queues?client=1", evil, null);
		assertThat(page.header("Location")).contains("/queues/1");
		RawHttp stranger = new RawHttp(port);
		String strangersToken = stranger.token("/login");
		RawHttp.Response wrongPassword = stranger.send("POST", "/login",
				Map.of("Host", "evil.example", "Content-Type", "application/x-www-form-urlencoded"),
				("_csrf=" + RawHttp.encode(strangersToken) + "&username=x&password=y")
					.getBytes(StandardCharsets.UTF_8));
		assertThat(wrongPassword.status()).isEqualTo(302);
		assertThat(wrongPassword.header("Location")).contains("/login?error");
	}

	/** The app's own error page (templates/error.html) with status 400, as HTML. */
	private static void assertFriendly400(RawHttp.Response response) {
		assertThat(response).isNotNull();
		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		assertThat(response.header("Content-Type")).get().asString().startsWith("text/html");
		assertThat(response.body()).contains("<span>400</span>").doesNotContain("Exception");
	}

}
