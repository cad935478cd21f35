package io.queuedesk.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Without {@code QUEUEDESK_LDAP_URL} (the test default), nothing of the directory exists:
 * sign-in and the pages are as before.
 */
@SpringBootTest
@AutoConfigureMockMvc
class LdapOffTest {

	@Autowired
	ApplicationContext context;

	@Autowired
	MockMvc mvc;

	@Test
	void noDirectoryBeansAndTheLoginFieldIsAnEmail() throws Exception {
		assertThat(context.getBeansOfType(Directory.class)).isEmpty();
		assertThat(context.getBeansOfType(LdapPageModel.class)).isEmpty();
		assertThat(context.getBeansOfType(AuthenticationProvider.class)).isEmpty();
		mvc.perform(get("/login"))
			.andExpect(content().string(containsString("type=\"email\" id=\"username\"")))
			.andExpect(content().string(not(containsString("directory"))));
		mvc.perform(get("/password/forgot")).andExpect(content().string(not(containsString("directory"))));
	}

}
