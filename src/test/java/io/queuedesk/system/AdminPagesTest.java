package io.queuedesk.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The index of the admin pages {@code /admin/pages}, where the Admin menu leads without
 * JavaScript: every page of the menu with its line, for admins only (403 for the others,
 * like every {@code /admin} page).
 */
@SpringBootTest
@AutoConfigureMockMvc
class AdminPagesTest {

	static final List<String> ADMIN_PAGES = List.of("/admin/users", "/admin/activity", "/admin/mail", "/admin/clients",
			"/admin/product-areas");

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService accounts;

	@Test
	void adminsSeeEveryAdminPageWithALineOnIt() throws Exception {
		Document page = page("/admin/pages", "admin@example.com");

		assertThat(page.title()).startsWith("Administration");
		assertThat(page.select("#admin-pages dt a").eachAttr("href")).containsExactlyElementsOf(ADMIN_PAGES);
		assertThat(page.select("#admin-pages dt a").eachText()).containsExactly("Users", "Activity", "Mail", "Clients",
				"Product areas");
		assertThat(page.select("#admin-pages dd")).hasSize(ADMIN_PAGES.size())
			.allSatisfy(line -> assertThat(line.text()).hasSizeGreaterThan(20));
	}

	@Test
	void everyListedPageOpensForAnAdmin() throws Exception {
		for (Element link : page("/admin/pages", "admin@example.com").select("#admin-pages dt a")) {
			mvc.perform(get(link.attr("href")).with(user(accounts.loadUserByUsername("admin@example.com"))))
				.andExpect(status().isOk());
		}
	}

	@Test
	void othersAreRefusedLikeOnEveryAdminPage() throws Exception {
		for (String email : List.of("developer1@example.com", "user@example.com")) {
			mvc.perform(get("/admin/pages").with(user(accounts.loadUserByUsername(email))))
				.andExpect(status().isForbidden());
		}
		mvc.perform(get("/admin/pages")).andExpect(redirectedUrl("/login"));
	}

	private Document page(String path, String email) throws Exception {
		return Jsoup.parse(mvc.perform(get(path).with(user(accounts.loadUserByUsername(email))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

}
