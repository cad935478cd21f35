package io.queuedesk.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.io.IOException;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import io.queuedesk.user.Role;
import io.queuedesk.user.TestUsers;

/**
 * A provider that does not answer (nothing listens at the issuer): Queuedesk starts all
 * the same, local accounts sign in, and the button leads back to the login page with "not
 * reachable" instead of an error page (docs/RULES.md#accounts, "Single sign-on").
 */
@SpringBootTest
@AutoConfigureMockMvc
class OidcProviderDownTest {

	@DynamicPropertySource
	static void oidc(DynamicPropertyRegistry registry) {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		registry.add("QUEUEDESK_OIDC_ISSUER_URI", () -> "http://127.0.0.1:" + closedPort + "/realms/down");
		registry.add("QUEUEDESK_OIDC_CLIENT_ID", () -> "queuedesk");
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	@Test
	void localAccountsSignInAndTheButtonSaysTheProviderIsNotReachable() throws Exception {
		String email = TestUsers.uniqueEmail("break-glass");
		TestUsers.insert(jdbc, encoder, email, "break-Glass-1", Role.ADMIN, true, true, null);
		mvc.perform(formLogin().user(email).password("break-Glass-1")).andExpect(authenticated().withUsername(email));

		mvc.perform(get("/oauth2/authorization/oidc")).andExpect(redirectedUrl("/login?sso=unavailable"));
		String page = mvc.perform(get("/login?sso=unavailable")).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("not reachable").contains("Sign in with single sign-on");
	}

}
