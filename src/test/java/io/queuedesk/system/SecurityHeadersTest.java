package io.queuedesk.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Strict security headers on every page, and pages that keep to the CSP (no inline script
 * or style).
 */
@SpringBootTest
@AutoConfigureMockMvc
class SecurityHeadersTest {

	@Autowired
	MockMvc mvc;

	@Test
	void loginPageHasTheHeadersAndNoInlineCode() throws Exception {
		assertStrict(mvc.perform(get("/login")).andExpect(status().isOk()).andReturn().getResponse());
	}

	@Test
	void signedInPagesHaveTheHeadersAndNoInlineCode() throws Exception {
		// Sessions live in Spring Session's store, not in MockHttpSession: carry the
		// cookie like a browser.
		Cookie session = mvc.perform(formLogin().user("admin@example.com").password("adminP@55word"))
			.andReturn()
			.getResponse()
			.getCookie("SESSION");
		assertStrict(mvc.perform(get("/admin").cookie(session)).andExpect(status().isOk()).andReturn().getResponse());
		assertStrict(
				mvc.perform(get("/my/tickets").cookie(session)).andExpect(status().isOk()).andReturn().getResponse());
	}

	@Test
	void redirectsAndErrorsCarryTheHeadersToo() throws Exception {
		MockHttpServletResponse redirect = mvc.perform(get("/admin")).andReturn().getResponse();
		assertThat(redirect.getHeader("X-Frame-Options")).isEqualTo("DENY");
		assertThat(redirect.getHeader("Content-Security-Policy")).contains("frame-ancestors 'none'");
	}

	private static void assertStrict(MockHttpServletResponse response) throws Exception {
		String csp = response.getHeader("Content-Security-Policy");
		assertThat(csp).isNotNull()
			.contains("script-src 'self'")
			.contains("frame-ancestors 'none'")
			.contains("object-src 'none'")
			.doesNotContain("unsafe-inline")
			.doesNotContain("unsafe-eval")
			.doesNotContain("*");
		assertThat(response.getHeader("X-Frame-Options")).isEqualTo("DENY");
		assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(response.getHeader("Referrer-Policy")).isNotBlank().isNotEqualToIgnoringCase("unsafe-url");
		assertThat(response.getHeader("Cache-Control")).contains("no-store");

		String html = response.getContentAsString();
		assertThat(html).as("inline scripts are blocked by the CSP")
			.doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>");
		assertThat(html).as("inline styles are blocked by the CSP")
			.doesNotContainPattern("\\sstyle\\s*=")
			.doesNotContain("<style");
		assertThat(html).as("event handler attributes are blocked by the CSP")
			.doesNotContainPattern("\\son[a-z]+\\s*=");
	}

}
