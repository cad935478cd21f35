package io.queuedesk.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The layout's menu (system/LayoutModel): admin links for admins only, none for visitors.
 */
@SpringBootTest
@AutoConfigureMockMvc
class NavigationTest {

	@Autowired
	MockMvc mvc;

	@Test
	void adminsSeeTheAdminMenu() throws Exception {
		String page = page(signIn("admin@example.com", "adminP@55word"));

		assertThat(page).contains("href=\"/admin/users\"", "href=\"/admin/activity\"", "href=\"/my/tickets\"",
				"action=\"/logout\"", "Ada Admin");
	}

	@Test
	void othersSeeTheirMenuWithoutAdminLinks() throws Exception {
		String page = page(signIn("user@example.com", "P@55word"));

		assertThat(page)
			.contains("href=\"/my/tickets\"", "href=\"/tickets/new\"", "action=\"/logout\"", "Sam Submitter")
			.doesNotContain("href=\"/admin");
	}

	@Test
	void visitorsSeeNoMenu() throws Exception {
		String page = mvc.perform(get("/login")).andReturn().getResponse().getContentAsString();

		assertThat(page).doesNotContain("href=\"/my/tickets\"").doesNotContain("action=\"/logout\"");
	}

	private Cookie signIn(String email, String password) throws Exception {
		return mvc.perform(formLogin().user(email).password(password)).andReturn().getResponse().getCookie("SESSION");
	}

	private String page(Cookie session) throws Exception {
		return mvc.perform(get("/account/password").cookie(session)).andReturn().getResponse().getContentAsString();
	}

}
