package io.queuedesk.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.stream.Stream;

import jakarta.servlet.http.Cookie;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The layout's menu (system/LayoutModel): admin links for admins only, grouped under one
 * Admin menu that marks the current page; none for visitors.
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
	void adminPagesAreGroupedUnderOneAdminMenu() throws Exception {
		Document page = Jsoup.parse(page(signIn("admin@example.com", "adminP@55word")));

		Element toggle = page.selectFirst("#admin-menu");
		assertThat(toggle.text()).isEqualTo("Admin");
		assertThat(toggle.attr("href")).isEqualTo("/admin/pages");
		assertThat(toggle.nextElementSibling().select("a.dropdown-item").eachAttr("href")).containsExactlyElementsOf(
				Stream.concat(AdminPagesTest.ADMIN_PAGES.stream(), Stream.of("/admin/pages")).toList());
		// Six top-level entries instead of ten: none of the grouped pages is one of them.
		assertThat(page.select(".navbar-nav > .nav-item > a").eachAttr("href")).containsExactly("/admin",
				"/admin/pages", "/my/tickets", "/tickets", "/tickets/new", "/archive");
		assertThat(page.select("script[src^=/js/admin-menu]")).hasSize(1);
		assertThat(page.select("[aria-current]")).isEmpty(); // not on an admin page
	}

	@Test
	void anAdminPageMarksItsEntryAndTheAdminMenu() throws Exception {
		Cookie admin = signIn("admin@example.com", "adminP@55word");
		Document users = Jsoup.parse(page(admin, "/admin/users/new"));

		assertThat(users.selectFirst("#admin-menu").attr("aria-current")).isEqualTo("true");
		assertThat(users.selectFirst("#admin-menu").hasClass("active")).isTrue();
		assertThat(users.select("[aria-current=page]").eachAttr("href")).containsExactly("/admin/users");

		Document index = Jsoup.parse(page(admin, "/admin/pages"));
		assertThat(index.selectFirst("#admin-menu").attr("aria-current")).isEqualTo("page");
		assertThat(index.select(".dropdown-item[aria-current=page]").eachAttr("href")).containsExactly("/admin/pages");

		Document dashboard = Jsoup.parse(page(admin, "/admin"));
		assertThat(dashboard.selectFirst("#admin-menu").hasAttr("aria-current")).isFalse();
		assertThat(dashboard.selectFirst("#admin-menu").hasClass("active")).isFalse();
	}

	@Test
	void othersSeeTheirMenuWithoutAdminLinks() throws Exception {
		String page = page(signIn("user@example.com", "P@55word"));

		assertThat(page)
			.contains("href=\"/my/tickets\"", "href=\"/tickets/new\"", "action=\"/logout\"", "Sam Submitter")
			.doesNotContain("href=\"/admin")
			.doesNotContain("admin-menu");
		assertThat(page(signIn("developer1@example.com", "P@55word"))).contains("Dev One")
			.doesNotContain("href=\"/admin")
			.doesNotContain("admin-menu");
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
		return page(session, "/account/password");
	}

	private String page(Cookie session, String path) throws Exception {
		return mvc.perform(get(path).cookie(session)).andReturn().getResponse().getContentAsString();
	}

}
