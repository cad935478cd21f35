package io.queuedesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Import;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.View;
import org.springframework.web.util.HtmlUtils;

/**
 * Friendly error pages on the real server (docs/RULES.md#pages-and-routes): the status
 * and a plain sentence, never a stack trace.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(ErrorPagesTest.FailingController.class)
class ErrorPagesTest {

	static final String SECRET = "internal-detail-4711";

	/**
	 * A page controller (not a REST one, which the API error handling would answer in
	 * JSON).
	 */
	@Controller
	static class FailingController {

		@GetMapping("/test-errors/boom")
		@ResponseBody
		String boom() {
			throw new IllegalStateException(SECRET);
		}

		/**
		 * A view that fails once it has begun its HTML, as a template that fails while
		 * rendering.
		 */
		@GetMapping("/test-errors/half-page")
		View halfPage() {
			return (model, request, response) -> {
				response.setContentType("text/html;charset=UTF-8");
				response.getWriter().write("<!DOCTYPE html><html><body>half a page");
				throw new IllegalStateException(SECRET);
			};
		}

		@GetMapping("/test-errors/number")
		@ResponseBody
		String number(@RequestParam int n) {
			return "n=" + n;
		}

	}

	@LocalServerPort
	int port;

	@Autowired
	MessageSource messages;

	HttpSessionClient browser;

	@BeforeEach
	void signIn() throws Exception {
		browser = new HttpSessionClient(port);
		assertThat(browser.signIn("developer1@example.com", "P@55word").statusCode()).isEqualTo(302);
	}

	@Test
	void unknownPageIsAFriendly404() throws Exception {
		assertFriendlyPage(browser.get("/no/such/page"), 404);
	}

	@Test
	void forbiddenPageIsAFriendly403() throws Exception {
		assertFriendlyPage(browser.get("/admin"), 403);
	}

	@Test
	void failureIsAFriendly500() throws Exception {
		assertFriendlyPage(browser.get("/test-errors/boom"), 500);
	}

	@Test
	void badParameterIsAFriendly400() throws Exception {
		assertThat(browser.get("/test-errors/number?n=7").body()).isEqualTo("n=7");
		assertFriendlyPage(browser.get("/test-errors/number?n=abc"), 400);
		assertFriendlyPage(browser.get("/test-errors/number"), 400);
	}

	/**
	 * wrk and some probes send no Accept header: Boot's error controller answered them
	 * JSON, which failed for a page that had begun as HTML ("No converter ... with preset
	 * Content-Type").
	 */
	@Test
	void clientsWithoutAcceptHeaderGetTheFriendlyPage() throws Exception {
		assertFriendlyPage(browser.get("/test-errors/boom", null), 500);
		assertFriendlyPage(browser.get("/test-errors/half-page", null), 500);
		assertFriendlyPage(browser.get("/no/such/page", null), 404);
		assertThat(browser.get("/test-errors/half-page", null).body()).doesNotContain("half a page");
	}

	@Test
	void aPageThatFailedAfterBeginningItsHtmlIsAFriendly500() throws Exception {
		assertFriendlyPage(browser.get("/test-errors/half-page", "*/*"), 500);
	}

	@Test
	void jsonClientsGetJsonErrors() throws Exception {
		for (String path : new String[] { "/no/such/page", "/test-errors/boom", "/test-errors/number?n=abc" }) {
			HttpResponse<String> response = browser.get(path, "application/json");
			assertThat(response.statusCode()).isIn(404, 500, 400);
			assertThat(response.headers().firstValue("Content-Type")).get().asString().contains("json");
			assertThat(response.body()).startsWith("{")
				.contains(String.valueOf(response.statusCode()))
				.doesNotContain("<html")
				.doesNotContain(SECRET)
				.doesNotContain("Exception")
				.doesNotContain("trace");
		}
	}

	private void assertFriendlyPage(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("text/html");
		String expected = messages.getMessage("error.status." + status, null, Locale.ENGLISH);
		assertThat(response.body()).contains("<html")
			.contains(HtmlUtils.htmlEscape(expected))
			.contains(messages.getMessage("error.back", null, Locale.ENGLISH))
			.doesNotContain(SECRET)
			.doesNotContain("Exception")
			.doesNotContain("at io.queuedesk")
			.doesNotContain("at org.springframework")
			.doesNotContain("Whitelabel");
	}

}
