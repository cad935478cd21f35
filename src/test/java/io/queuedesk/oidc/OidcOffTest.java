package io.queuedesk.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.security.config.Customizer;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Without {@code QUEUEDESK_OIDC_ISSUER_URI} and Spring Boot's client registrations (the
 * test default), nothing of single sign-on exists: no button, no OAuth 2.0 endpoints.
 */
@SpringBootTest
@AutoConfigureMockMvc
class OidcOffTest {

	@Autowired
	ApplicationContext context;

	@Autowired
	MockMvc mvc;

	@Test
	void noSingleSignOnBeansButtonOrEndpoints() throws Exception {
		assertThat(context.getBeansOfType(ClientRegistrationRepository.class)).isEmpty();
		assertThat(context.getBeansOfType(OidcSignIn.class)).isEmpty();
		assertThat(context.getBeansOfType(OidcPageModel.class)).isEmpty();
		// Other features customize the security chain too (two-factor sign-in); none of
		// single sign-on's may.
		assertThat(context.getBeansOfType(Customizer.class).values())
			.noneMatch(customizer -> customizer.getClass().getName().startsWith("io.queuedesk.oidc."));
		mvc.perform(get("/login"))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("oauth2"))))
			.andExpect(content().string(not(containsString("Sign in with"))));
		// Any other URL of a signed-out visitor: to the login page.
		mvc.perform(get("/oauth2/authorization/oidc")).andExpect(redirectedUrl("/login"));
		mvc.perform(get("/login/oauth2/code/oidc?code=x&state=y")).andExpect(redirectedUrl("/login"));
	}

}
