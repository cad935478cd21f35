package io.queuedesk.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import io.queuedesk.user.TestUsers;

/**
 * With self-registration switched off its pages do not exist and nothing links to them.
 */
@SpringBootTest(properties = "queuedesk.registration.enabled=false")
@AutoConfigureMockMvc
class RegistrationDisabledTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void registerAndConfirmAnswer404() throws Exception {
		String email = TestUsers.uniqueEmail("switched-off");
		mvc.perform(get("/register")).andExpect(status().isNotFound());
		mvc.perform(post("/register").with(csrf())
			.param("email", email)
			.param("displayName", "Nobody")
			.param("password", "Right-pass-1")
			.param("confirmPassword", "Right-pass-1")).andExpect(status().isNotFound());
		mvc.perform(get("/register/confirm").param("token", "x")).andExpect(status().isNotFound());
		mvc.perform(post("/register/confirm").with(csrf()).param("token", "x")).andExpect(status().isNotFound());
		assertThat(jdbc.sql("select count(*) from users where email = ?").param(email).query(Long.class).single())
			.isZero();
	}

	@Test
	void theLoginPageOffersOnlyThePasswordReset() throws Exception {
		mvc.perform(get("/login"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"/password/forgot\"")))
			.andExpect(content().string(not(containsString("href=\"/register\""))));
		mvc.perform(get("/password/reset").param("token", "forged"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(not(containsString("href=\"/register\""))));
	}

}
