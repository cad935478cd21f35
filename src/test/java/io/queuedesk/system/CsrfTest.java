package io.queuedesk.system;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/** Every POST needs the CSRF token (docs/RULES.md#pages-and-routes). */
@SpringBootTest
@AutoConfigureMockMvc
class CsrfTest {

	@Autowired
	MockMvc mvc;

	@Test
	void loginWithoutTokenIsRefused() throws Exception {
		mvc.perform(post("/login").param("username", "admin@example.com").param("password", "adminP@55word"))
			.andExpect(status().isForbidden())
			.andExpect(unauthenticated());
	}

	@Test
	void loginWithTokenWorks() throws Exception {
		mvc.perform(
				post("/login").param("username", "admin@example.com").param("password", "adminP@55word").with(csrf()))
			.andExpect(authenticated())
			.andExpect(redirectedUrl("/"));
	}

	@Test
	void logoutWithoutTokenIsRefused() throws Exception {
		mvc.perform(post("/logout").with(user("admin@example.com").roles("ADMIN"))).andExpect(status().isForbidden());
	}

	@Test
	void logoutWithTokenSignsOut() throws Exception {
		mvc.perform(post("/logout").with(user("admin@example.com").roles("ADMIN")).with(csrf()))
			.andExpect(redirectedUrl("/login?logout"))
			.andExpect(unauthenticated());
	}

	@Test
	void aWrongTokenIsRefusedToo() throws Exception {
		mvc.perform(post("/login").param("username", "admin@example.com")
			.param("password", "adminP@55word")
			.with(csrf().useInvalidToken())).andExpect(status().isForbidden()).andExpect(unauthenticated());
	}

}
