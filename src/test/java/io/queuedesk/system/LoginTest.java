package io.queuedesk.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.util.HtmlUtils;

import io.queuedesk.user.Role;
import io.queuedesk.user.TestUsers;

/**
 * Form login against the real accounts (docs/RULES.md#accounts, #demo-data-and-commands):
 * who may sign in, and what a failure says.
 */
@SpringBootTest
@AutoConfigureMockMvc
class LoginTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	@Autowired
	MessageSource messages;

	@ParameterizedTest
	@CsvSource({ "admin@example.com, adminP@55word", "developer1@example.com, P@55word",
			"developer2@example.com, P@55word", "user@example.com, P@55word" })
	void demoUsersSignIn(String email, String password) throws Exception {
		mvc.perform(formLogin().user(email).password(password))
			.andExpect(authenticated().withUsername(email))
			.andExpect(redirectedUrl("/"));
	}

	@Test
	void emailIsCaseInsensitive() throws Exception {
		mvc.perform(formLogin().user("  ADMIN@Example.com ").password("adminP@55word"))
			.andExpect(authenticated().withUsername("admin@example.com"));
	}

	@Test
	void wrongPasswordAndUnknownEmailFailAlikeWithOneGenericMessage() throws Exception {
		String email = TestUsers.uniqueEmail("wrong-password");
		TestUsers.insert(jdbc, encoder, email, "Right-pass-1", Role.SUBMITTER, true, true, null);

		String wrongPassword = failedLoginPage(email, "Wrong-pass-1");
		String unknownEmail = failedLoginPage(TestUsers.uniqueEmail("nobody"), "Right-pass-1");

		String expected = HtmlUtils.htmlEscape(messages.getMessage("login.failed", null, Locale.ENGLISH));
		assertThat(wrongPassword).contains(expected).isEqualTo(unknownEmail);
		assertThat(wrongPassword.split("alert-danger", -1)).hasSize(2);
		assertThat(wrongPassword).doesNotContainIgnoringCase("bad credentials")
			.doesNotContainIgnoringCase("not found")
			.doesNotContainIgnoringCase("no such account");
	}

	@Test
	void inactiveUserIsRefused() throws Exception {
		assertRefused(TestUsers.uniqueEmail("inactive"), false, true, null);
	}

	@Test
	void unconfirmedUserIsRefused() throws Exception {
		assertRefused(TestUsers.uniqueEmail("unconfirmed"), true, false, null);
	}

	@Test
	void lockedUserIsRefusedUntilTheLockEnds() throws Exception {
		assertRefused(TestUsers.uniqueEmail("locked"), true, true, Instant.now().plus(10, ChronoUnit.MINUTES));

		String expired = TestUsers.uniqueEmail("lock-expired");
		TestUsers.insert(jdbc, encoder, expired, "Right-pass-1", Role.SUBMITTER, true, true,
				Instant.now().minus(1, ChronoUnit.MINUTES));
		mvc.perform(formLogin().user(expired).password("Right-pass-1")).andExpect(authenticated());
	}

	private void assertRefused(String email, boolean active, boolean confirmed, Instant lockedUntil) throws Exception {
		TestUsers.insert(jdbc, encoder, email, "Right-pass-1", Role.SUBMITTER, active, confirmed, lockedUntil);
		String page = failedLoginPage(email, "Right-pass-1");
		assertThat(page).contains(HtmlUtils.htmlEscape(messages.getMessage("login.failed", null, Locale.ENGLISH)))
			.doesNotContainIgnoringCase("disabled")
			.doesNotContainIgnoringCase("locked");
	}

	/**
	 * Signs in and expects failure; returns the login page shown after the redirect, in
	 * the same session.
	 */
	private String failedLoginPage(String email, String password) throws Exception {
		MvcResult result = mvc.perform(formLogin().user(email).password(password))
			.andExpect(unauthenticated())
			.andExpect(redirectedUrl("/login?error"))
			.andReturn();
		MockHttpSession session = (MockHttpSession) result.getRequest().getSession();
		return mvc.perform(get("/login").param("error", "").session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString()
			.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "");
	}

}
