package io.queuedesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.web.util.HtmlUtils;

import io.queuedesk.user.TestUsers;

/**
 * Over the per-address limit a browser gets the friendly 429 page from the real server.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "queuedesk.login.max-per-address-per-minute=" + LoginRateLimitPageTest.LIMIT)
class LoginRateLimitPageTest {

	static final int LIMIT = 2;

	@LocalServerPort
	int port;

	@Autowired
	MessageSource messages;

	@Test
	void tooManySignInsAnswerAFriendly429Page() throws Exception {
		HttpSessionClient browser = new HttpSessionClient(port);
		String html = "text/html,application/xhtml+xml,*/*;q=0.8";
		for (int i = 0; i < LIMIT; i++) {
			HttpResponse<String> refused = browser.signIn(TestUsers.uniqueEmail("nobody"), "Wrong-pass-1", html);
			assertThat(refused.statusCode()).isEqualTo(302);
			assertThat(refused.headers().firstValue("Location")).get().asString().endsWith("/login?error");
		}

		HttpResponse<String> limited = browser.signIn("admin@example.com", "adminP@55word", html);

		assertThat(limited.statusCode()).isEqualTo(429);
		assertThat(limited.headers().firstValue("Retry-After")).contains("60");
		assertThat(limited.headers().firstValue("Content-Type")).get().asString().startsWith("text/html");
		assertThat(limited.body()).contains("<html")
			.contains(HtmlUtils.htmlEscape(messages.getMessage("error.status.429", null, Locale.ENGLISH)))
			.doesNotContain("Whitelabel");
	}

}
