package io.queuedesk.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

/**
 * {@code QUEUEDESK_2FA_REQUIRED_ROLES} (docs/RULES.md#accounts), here {@code DEVELOPER}:
 * such a user without 2FA gets only the set-up page until it is on; other roles are not
 * touched.
 */
@SpringBootTest(properties = "queuedesk.two-factor.required-roles=DEVELOPER")
@AutoConfigureMockMvc
class TwoFactorRequiredTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	@Autowired
	UserService users;

	@Test
	void aDeveloperWithout2faIsSentToSetItUpFromEveryPage() throws Exception {
		SignedInUser developer = newUser("required", Role.DEVELOPER);
		long ticket = jdbc.sql("select min(id) from tickets").query(Long.class).single();

		for (String page : List.of("/", "/my/tickets", "/tickets", "/tickets/new", "/tickets/" + ticket, "/archive",
				"/account/password")) {
			mvc.perform(get(page).with(user(developer))).andExpect(redirectedUrl("/account/2fa"));
		}
		mvc.perform(post("/tickets/" + ticket + "/comments").with(user(developer)).with(csrf()).param("body", "x"))
			.andExpect(redirectedUrl("/account/2fa"));
		mvc.perform(get("/api/tickets").with(user(developer))).andExpect(status().isForbidden());
		String setUp = mvc.perform(get("/account/2fa").with(user(developer)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(setUp).contains("Your role requires two-factor authentication").contains("totp-secret");
		mvc.perform(get("/css/app.css").with(user(developer))).andExpect(status().isOk());
		mvc.perform(post("/logout").with(user(developer)).with(csrf())).andExpect(redirectedUrl("/login?logout"));
	}

	@Test
	void onceItIsOnEverythingOpensAndAfterAResetItIsAskedForAgain() throws Exception {
		SignedInUser developer = newUser("required-on", Role.DEVELOPER);
		TotpCodes.enable(jdbc, developer.getId());

		mvc.perform(get("/my/tickets").with(user(developer))).andExpect(status().isOk());
		mvc.perform(get("/api/tickets").with(user(developer))).andExpect(status().isOk());

		jdbc.sql("delete from user_two_factor where user_id = ?").param(developer.getId()).update();
		mvc.perform(get("/my/tickets").with(user(developer))).andExpect(redirectedUrl("/account/2fa"));
	}

	@Test
	void otherRolesAreNotAsked() throws Exception {
		SignedInUser submitter = newUser("not-required", Role.SUBMITTER);
		mvc.perform(get("/my/tickets").with(user(submitter))).andExpect(status().isOk());
		assertThat(
				mvc.perform(get("/account/2fa").with(user(submitter))).andReturn().getResponse().getContentAsString())
			.doesNotContain("Your role requires two-factor authentication");
	}

	@Test
	void directoryAccountsAreNotAskedTheirSecondFactorIsTheDirectorys() throws Exception {
		String email = TestUsers.uniqueEmail("required-ldap");
		long id = TestUsers.insert(jdbc, encoder, email, "Right-pass-1", Role.DEVELOPER, true, true, null);
		jdbc.sql("update users set sign_in_source = 'LDAP', external_id = ?, password_hash = null where id = ?")
			.params("ldap-" + id, id)
			.update();
		SignedInUser developer = users.principalFor(email).orElseThrow();
		assertThat(developer.signsInLocally()).isFalse();

		mvc.perform(get("/my/tickets").with(user(developer))).andExpect(status().isOk());
		assertThat(
				mvc.perform(get("/account/2fa").with(user(developer))).andReturn().getResponse().getContentAsString())
			.contains("two-factor-external")
			.doesNotContain("totp-secret");
	}

	private SignedInUser newUser(String prefix, Role role) {
		String email = TestUsers.uniqueEmail(prefix);
		long id = TestUsers.insert(jdbc, encoder, email, "Right-pass-1", role, true, true, null);
		return TestUsers.signedIn(id, email, "Test " + email, role);
	}

}
