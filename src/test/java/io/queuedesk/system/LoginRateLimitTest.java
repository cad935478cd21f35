package io.queuedesk.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import io.queuedesk.user.Role;
import io.queuedesk.user.TestUsers;

/**
 * The per-address limit on sign-in attempts (docs/RULES.md#accounts), with a small limit
 * for this class only.
 */
@SpringBootTest(properties = { "queuedesk.login.max-per-address-per-minute=" + LoginRateLimitTest.LIMIT,
		"queuedesk.account-mail.max-per-address-per-minute=" + LoginRateLimitTest.LIMIT })
@AutoConfigureMockMvc
class LoginRateLimitTest {

	static final int LIMIT = 5;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	@Autowired
	MessageSource messages;

	@Test
	void anAddressOverTheLimitIsRefusedWithoutTouchingTheAccountWhileAnotherGetsThrough() throws Exception {
		String email = TestUsers.uniqueEmail("rate-limit");
		long id = TestUsers.insert(jdbc, encoder, email, "Right-pass-1", Role.SUBMITTER, true, true, null);
		String unknown = TestUsers.uniqueEmail("nobody");
		for (int i = 0; i < LIMIT; i++) {
			login(unknown, "Wrong-pass-1", "10.1.2.3").andExpect(redirectedUrl("/login?error"));
		}

		// Over the limit even the right password is refused, before authentication: no
		// counter moves.
		login(email, "Wrong-pass-1", "10.1.2.3").andExpect(status().isTooManyRequests())
			.andExpect(header().exists("Retry-After"))
			.andExpect(unauthenticated());
		login(email, "Right-pass-1", "10.1.2.3").andExpect(status().isTooManyRequests()).andExpect(unauthenticated());
		assertThat(
				jdbc.sql("select failed_login_count from users where id = ?").param(id).query(Integer.class).single())
			.isZero();
		assertThat(jdbc.sql("select count(*) from activity_log where target_user_id = ?")
			.param(id)
			.query(Long.class)
			.single()).isZero();

		login(email, "Right-pass-1", "10.1.2.4").andExpect(authenticated().withUsername(email));
	}

	/**
	 * The second step of a sign-in with 2FA shares the budget of /login: codes cannot be
	 * guessed faster than passwords.
	 */
	@Test
	void theTwoFactorCodePageSharesTheLimitOfTheLogin() throws Exception {
		for (int i = 0; i < LIMIT - 1; i++) {
			secondFactor("10.1.5.1").andExpect(redirectedUrl("/login?expired"));
		}
		login(TestUsers.uniqueEmail("nobody"), "Wrong-pass-1", "10.1.5.1").andExpect(redirectedUrl("/login?error"));
		secondFactor("10.1.5.1").andExpect(status().isTooManyRequests()).andExpect(header().exists("Retry-After"));
		secondFactor("10.1.5.2").andExpect(redirectedUrl("/login?expired"));
	}

	private ResultActions secondFactor(String address) throws Exception {
		return mvc.perform(post("/login/2fa").with(csrf()).param("code", "123456").with(request -> {
			request.setRemoteAddr(address);
			return request;
		}));
	}

	/**
	 * Starting a single sign-on creates a session (the flow's state): it shares the
	 * budget of /login, so nobody can fill the session store with it. Here single sign-on
	 * is off (the start redirects to /login), which the limit does not depend on.
	 */
	@Test
	void startsOfASingleSignOnShareTheLimitOfTheLogin() throws Exception {
		for (int i = 0; i < LIMIT; i++) {
			signOnStart("10.1.6.1").andExpect(status().is3xxRedirection());
		}
		signOnStart("10.1.6.1").andExpect(status().isTooManyRequests()).andExpect(header().exists("Retry-After"));
		login(TestUsers.uniqueEmail("nobody"), "Wrong-pass-1", "10.1.6.1").andExpect(status().isTooManyRequests());
		signOnStart("10.1.6.2").andExpect(status().is3xxRedirection());
	}

	private ResultActions signOnStart(String address) throws Exception {
		return mvc.perform(get("/oauth2/authorization/oidc").with(request -> {
			request.setRemoteAddr(address);
			return request;
		}));
	}

	@Test
	void theFormsThatSendMailAreLimitedToo() throws Exception {
		for (int i = 0; i < LIMIT; i++) {
			forgot("10.1.4.1").andExpect(status().isOk());
		}
		forgot("10.1.4.1").andExpect(status().isTooManyRequests());
		mvc.perform(post("/register").with(csrf()).with(request -> {
			request.setRemoteAddr("10.1.4.1");
			return request;
		}).param("email", TestUsers.uniqueEmail("flood"))).andExpect(status().isTooManyRequests());
		forgot("10.1.4.2").andExpect(status().isOk());
	}

	private ResultActions forgot(String address) throws Exception {
		return mvc.perform(post("/password/forgot").with(csrf()).with(request -> {
			request.setRemoteAddr(address);
			return request;
		}).param("email", TestUsers.uniqueEmail("flood")));
	}

	@Test
	void onlyLoginPostsAreLimited() throws Exception {
		for (int i = 0; i < LIMIT * 2; i++) {
			mvc.perform(get("/login").with(request -> {
				request.setRemoteAddr("10.1.3.1");
				return request;
			})).andExpect(status().isOk());
		}
		login(TestUsers.uniqueEmail("nobody"), "Wrong-pass-1", "10.1.3.1").andExpect(redirectedUrl("/login?error"));
	}

	@Test
	void theErrorPageHasAFriendlySentenceFor429() {
		assertThat(messages.getMessage("error.status.429", null, Locale.ENGLISH)).containsIgnoringCase("too many");
	}

	private ResultActions login(String email, String password, String address) throws Exception {
		// formLogin() builds its own request (with a CSRF token); only the client address
		// is changed.
		return mvc.perform(servletContext -> {
			MockHttpServletRequest request = formLogin().user(email).password(password).buildRequest(servletContext);
			request.setRemoteAddr(address);
			return request;
		});
	}

}
