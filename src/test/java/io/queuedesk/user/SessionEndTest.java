package io.queuedesk.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.HttpCookie;
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
 * Sessions live in the database (Spring Session JDBC, docs/RULES.md#operations), and an
 * admin's change ends the affected user's sessions at once (docs/RULES.md#accounts): real
 * HTTP on a random port, two browsers.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SessionEndTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	@Test
	void sessionsAreRowsInTheDatabase() throws Exception {
		String email = TestUsers.uniqueEmail("stored-session");
		TestUsers.insert(jdbc, encoder, email, "Right-pass-1", Role.SUBMITTER, true, true, null);
		HttpSessionClient browser = new HttpSessionClient(port);

		assertThat(browser.signIn(email, "Right-pass-1").statusCode()).isEqualTo(302);

		assertThat(browser.sessionCookie()).get().extracting(HttpCookie::getName).isEqualTo("SESSION");
		assertThat(sessionsOf(email)).isEqualTo(1);
	}

	@Test
	void deactivationEndsTheUsersSessionAtOnce() throws Exception {
		String email = TestUsers.uniqueEmail("deactivated");
		long id = TestUsers.insert(jdbc, encoder, email, "Right-pass-1", Role.SUBMITTER, true, true, null);
		HttpSessionClient user = signedIn(email);
		HttpSessionClient admin = signedIn("admin@example.com", "adminP@55word");

		HttpResponse<String> deactivated = admin.post("/admin/users/" + id, "/admin/users/" + id + "/active", "active",
				"false");

		assertThat(deactivated.headers().firstValue("Location")).get().asString().endsWith("/admin/users/" + id);
		assertThat(sessionsOf(email)).isZero();
		assertThat(user.get("/my/tickets").headers().firstValue("Location")).get().asString().endsWith("/login");
		assertThat(new HttpSessionClient(port).signIn(email, "Right-pass-1").headers().firstValue("Location")).get()
			.asString()
			.endsWith("/login?error");
		assertThat(admin.get("/admin/users").statusCode()).as("the admin's own session goes on").isEqualTo(200);
	}

	@Test
	void aRoleChangeEndsTheUsersSessionsSoTheNewRolesApplyAtTheNextSignIn() throws Exception {
		String email = TestUsers.uniqueEmail("promoted");
		long id = TestUsers.insert(jdbc, encoder, email, "Right-pass-1", Role.SUBMITTER, true, true, null);
		HttpSessionClient user = signedIn(email);
		assertThat(user.get("/my/tickets").body()).doesNotContain("pickable-heading");
		HttpSessionClient admin = signedIn("admin@example.com", "adminP@55word");

		admin.post("/admin/users/" + id, "/admin/users/" + id + "/roles", "roles", "SUBMITTER", "roles", "DEVELOPER");

		assertThat(user.get("/my/tickets").headers().firstValue("Location")).get().asString().endsWith("/login");
		// Only developers see the tickets waiting to be picked up.
		assertThat(signedIn(email).get("/my/tickets").body()).contains("pickable-heading");
	}

	private HttpSessionClient signedIn(String email) throws Exception {
		return signedIn(email, "Right-pass-1");
	}

	private HttpSessionClient signedIn(String email, String password) throws Exception {
		HttpSessionClient browser = new HttpSessionClient(port);
		assertThat(browser.signIn(email, password).headers().firstValue("Location")).get()
			.asString()
			.doesNotContain("error");
		assertThat(browser.get("/my/tickets").statusCode()).isEqualTo(200);
		return browser;
	}

	private long sessionsOf(String email) {
		return jdbc.sql("select count(*) from SPRING_SESSION where principal_name = ?")
			.param(email)
			.query(Long.class)
			.single();
	}

}
