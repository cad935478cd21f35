package io.queuedesk.system;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

import io.queuedesk.user.Role;
import io.queuedesk.user.TestUsers;

@WebMvcTest(LoginController.class)
@Import(SliceSecurity.class)
class LoginControllerTest {

	static final String FAILED = "Sign-in failed: the email or password is wrong, "
			+ "or the account cannot sign in right now.";

	@Autowired
	MockMvc mvc;

	@Test
	void showsTheFormWithTheSpecifiedFieldsAndACsrfToken() throws Exception {
		mvc.perform(get("/login"))
			.andExpect(status().isOk())
			.andExpect(view().name("login"))
			.andExpect(content().string(containsString("name=\"username\"")))
			.andExpect(content().string(containsString("name=\"password\"")))
			.andExpect(content().string(containsString("name=\"_csrf\"")))
			.andExpect(content().string(not(containsString(FAILED))));
	}

	@Test
	void linksToThePasswordResetAndTheRegistration() throws Exception {
		mvc.perform(get("/login"))
			.andExpect(content().string(containsString("href=\"/password/forgot\"")))
			.andExpect(content().string(containsString("Forgot your password?")))
			.andExpect(content().string(containsString("href=\"/register\"")))
			.andExpect(content().string(containsString("Create an account")));
	}

	@Test
	void afterAFailureShowsTheGenericMessage() throws Exception {
		mvc.perform(get("/login").param("error", ""))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(FAILED)));
	}

	@Test
	void afterLogoutSaysSo() throws Exception {
		mvc.perform(get("/login").param("logout", ""))
			.andExpect(content().string(containsString("You have been signed out.")));
	}

	@Test
	void signedInUsersAreSentHome() throws Exception {
		mvc.perform(get("/login").with(user(TestUsers.signedIn(1, "d@test.example", "D", Role.DEVELOPER))))
			.andExpect(redirectedUrl("/"));
	}

}
