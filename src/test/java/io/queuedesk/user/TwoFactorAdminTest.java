package io.queuedesk.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The admin's side of two-factor authentication (docs/RULES.md#accounts): the user page
 * shows whether 2FA is on, and an admin can reset it (recorded); nobody else can, and not
 * without the CSRF token.
 */
@SpringBootTest
@AutoConfigureMockMvc
class TwoFactorAdminTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	@Autowired
	AccountDetailsService accounts;

	@Autowired
	UserAdminService users;

	SignedInUser admin;

	@BeforeEach
	void signInAsTheDemoAdmin() {
		admin = (SignedInUser) accounts.loadUserByUsername("admin@example.com");
	}

	@Test
	void theUserPageShowsWhether2faIsOnAndTheAdminResetsIt() throws Exception {
		long id = newUser("reset");
		assertThat(userPage(id)).contains("<dd class=\"col-7\" id=\"two-factor-state\">Off</dd>")
			.doesNotContain("Reset two-factor authentication");
		TotpCodes.enable(jdbc, id, "abcd-efgh-ijkm-nopq");
		assertThat(userPage(id)).contains("<dd class=\"col-7\" id=\"two-factor-state\">On</dd>")
			.contains("Reset two-factor authentication");

		mvc.perform(post("/admin/users/" + id + "/two-factor/reset").with(user(admin)).with(csrf()))
			.andExpect(redirectedUrl("/admin/users/" + id))
			.andExpect(flash().attributeExists("flashSuccess"));

		assertThat(TotpCodes.isEnabled(jdbc, id)).isFalse();
		assertThat(
				jdbc.sql("select count(*) from recovery_codes where user_id = ?").param(id).query(Long.class).single())
			.isZero();
		assertThat(jdbc.sql("select actor_email from activity_log where target_user_id = ? and action = ?")
			.params(id, "TWO_FACTOR_RESET")
			.query(String.class)
			.list()).containsExactly("admin@example.com");
		assertThat(userPage(id)).contains("id=\"two-factor-state\">Off</dd>")
			.contains("Two-factor authentication reset");

		mvc.perform(post("/admin/users/" + id + "/two-factor/reset").with(user(admin)).with(csrf()))
			.andExpect(redirectedUrl("/admin/users/" + id))
			.andExpect(flash().attributeExists("flashError"));
		assertThat(actions(id)).containsExactly("TWO_FACTOR_RESET");
	}

	@Test
	void onlyAdminsResetAndOnlyWithTheCsrfToken() throws Exception {
		long id = newUser("not-admin");
		TotpCodes.enable(jdbc, id);
		SignedInUser developer = (SignedInUser) accounts.loadUserByUsername("developer1@example.com");

		mvc.perform(post("/admin/users/" + id + "/two-factor/reset").with(user(developer)).with(csrf()))
			.andExpect(status().isForbidden());
		mvc.perform(post("/admin/users/" + id + "/two-factor/reset").with(user(admin)))
			.andExpect(status().isForbidden());
		mvc.perform(post("/admin/users/" + id + "/two-factor/reset").with(user(admin)).with(csrf().useInvalidToken()))
			.andExpect(status().isForbidden());

		assertThat(TotpCodes.isEnabled(jdbc, id)).isTrue();
		assertThat(actions(id)).isEmpty();
	}

	@Test
	void theServiceRefusesNonAdminsToo() {
		long id = newUser("method-security");
		TotpCodes.enable(jdbc, id);
		SignedInUser developer = (SignedInUser) accounts.loadUserByUsername("developer1@example.com");
		SecurityContextHolder.getContext()
			.setAuthentication(
					UsernamePasswordAuthenticationToken.authenticated(developer, null, developer.getAuthorities()));
		try {
			assertThatThrownBy(() -> users.resetTwoFactor(id, developer))
				.isInstanceOf(AuthorizationDeniedException.class);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
		assertThat(TotpCodes.isEnabled(jdbc, id)).isTrue();
	}

	private long newUser(String prefix) {
		return TestUsers.insert(jdbc, encoder, TestUsers.uniqueEmail(prefix), "Right-pass-1", Role.SUBMITTER, true,
				true, null);
	}

	private String userPage(long id) throws Exception {
		return mvc.perform(get("/admin/users/" + id).with(user(admin)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private List<String> actions(long id) {
		return jdbc.sql("select action from activity_log where target_user_id = ? order by id")
			.param(id)
			.query(String.class)
			.list();
	}

}
