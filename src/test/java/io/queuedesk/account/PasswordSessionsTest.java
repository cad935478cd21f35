package io.queuedesk.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import io.queuedesk.system.HttpSessionClient;
import io.queuedesk.user.Role;
import io.queuedesk.user.TestUsers;

/**
 * Issue 12, point 11: a new password ends the sessions the old one opened (someone who
 * stole a session or the password loses it). A change ends the user's other sessions and
 * keeps the one that made it; a reset through the mailed link ends them all. Real HTTP on
 * a random port, as {@link SessionEndTest}; the link is read from the mail in the outbox.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class PasswordSessionsTest {

	static final String PASSWORD = "Right-pass-1";

	static final String NEW_PASSWORD = "Brand-new-pass-2";

	private static final Pattern RESET_TOKEN = Pattern.compile("/password/reset\\?token=([A-Za-z0-9_-]+)");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	@Test
	void aChangedPasswordSignsOutTheOtherSessionsAndKeepsThisOne() throws Exception {
		String email = TestUsers.uniqueEmail("changes-password");
		TestUsers.insert(jdbc, encoder, email, PASSWORD, Role.SUBMITTER, true, true, null);
		HttpSessionClient laptop = signedIn(email, PASSWORD);
		HttpSessionClient thief = signedIn(email, PASSWORD);
		HttpSessionClient unrelated = signedIn("user@example.com", "P@55word");
		assertThat(sessionsOf(email)).isEqualTo(2);

		HttpResponse<String> changed = laptop.post("/account/password", "/account/password", "currentPassword",
				PASSWORD, "password", NEW_PASSWORD, "confirmPassword", NEW_PASSWORD);

		assertThat(changed.statusCode()).isEqualTo(302);
		assertThat(changed.headers().firstValue("Location")).get().asString().doesNotContain("login");
		assertThat(signedOut(thief)).as("the other session ended").isTrue();
		assertThat(signedOut(laptop)).as("the session that changed it goes on").isFalse();
		assertThat(signedOut(unrelated)).as("other users' sessions go on").isFalse();
		assertThat(sessionsOf(email)).isEqualTo(1);
	}

	@Test
	void aWrongCurrentPasswordEndsNoSession() throws Exception {
		String email = TestUsers.uniqueEmail("wrong-current");
		TestUsers.insert(jdbc, encoder, email, PASSWORD, Role.SUBMITTER, true, true, null);
		HttpSessionClient laptop = signedIn(email, PASSWORD);
		HttpSessionClient phone = signedIn(email, PASSWORD);

		HttpResponse<String> refused = laptop.post("/account/password", "/account/password", "currentPassword",
				"Wrong-pass-9", "password", NEW_PASSWORD, "confirmPassword", NEW_PASSWORD);

		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(signedOut(phone)).isFalse();
		assertThat(sessionsOf(email)).isEqualTo(2);
	}

	@Test
	void aResetThroughTheMailedLinkSignsOutEverySession() throws Exception {
		String email = TestUsers.uniqueEmail("resets-password");
		TestUsers.insert(jdbc, encoder, email, PASSWORD, Role.SUBMITTER, true, true, null);
		HttpSessionClient laptop = signedIn(email, PASSWORD);
		HttpSessionClient thief = signedIn(email, PASSWORD);
		HttpSessionClient visitor = new HttpSessionClient(port);

		visitor.post("/password/forgot", "/password/forgot", "email", email);
		String token = resetToken(email);
		HttpResponse<String> reset = visitor.post("/password/reset?token=" + token, "/password/reset", "token", token,
				"password", NEW_PASSWORD, "confirmPassword", NEW_PASSWORD);

		assertThat(reset.headers().firstValue("Location")).get().asString().endsWith("/login");
		assertThat(signedOut(thief)).isTrue();
		assertThat(signedOut(laptop)).isTrue();
		assertThat(sessionsOf(email)).isZero();
		assertThat(new HttpSessionClient(port).signIn(email, PASSWORD).headers().firstValue("Location")).get()
			.asString()
			.endsWith("/login?error");
		signedIn(email, NEW_PASSWORD);
	}

	private HttpSessionClient signedIn(String email, String password) throws Exception {
		HttpSessionClient browser = new HttpSessionClient(port);
		assertThat(browser.signIn(email, password).headers().firstValue("Location")).get()
			.asString()
			.doesNotContain("error");
		assertThat(signedOut(browser)).isFalse();
		return browser;
	}

	private static boolean signedOut(HttpSessionClient browser) throws Exception {
		HttpResponse<String> page = browser.get("/my/tickets");
		return page.statusCode() == 302 && page.headers().firstValue("Location").orElse("").endsWith("/login");
	}

	private String resetToken(String email) {
		List<String> bodies = jdbc.sql("select text_body from mail_outbox where recipient = ? order by id desc")
			.param(email)
			.query(String.class)
			.list();
		assertThat(bodies).as("the reset mail").isNotEmpty();
		Matcher link = RESET_TOKEN.matcher(bodies.get(0));
		assertThat(link.find()).as("a reset link in the mail").isTrue();
		return link.group(1);
	}

	private long sessionsOf(String email) {
		return jdbc.sql("select count(*) from SPRING_SESSION where principal_name = ?")
			.param(email)
			.query(Long.class)
			.single();
	}

}
