package io.queuedesk.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Static files live on their own paths with content-hashed links that browsers keep for a
 * year; ordinary page links are left alone, and the plain (version-less) paths keep
 * working.
 */
@SpringBootTest
@AutoConfigureMockMvc
class StaticResourcesTest {

	private static final Pattern HASHED = Pattern
		.compile("(?:href|src)=\"(/(?:css|webjars)/[^\"]+-[0-9a-f]{32}\\.(?:css|js))\"");

	private static final Pattern FONT = Pattern.compile("url\\(\"(/webjars/[^\"?]+-[0-9a-f]{32}\\.woff2)");

	@Autowired
	MockMvc mvc;

	@Test
	void pagesLinkStaticFilesByContentHashAndOtherLinksAsTheyAre() throws Exception {
		String html = mvc.perform(get("/login")).andReturn().getResponse().getContentAsString();

		List<String> hashed = matches(HASHED, html);
		assertThat(hashed).anyMatch(link -> link.startsWith("/css/app-"))
			.anyMatch(link -> link.startsWith("/webjars/bootstrap/5.3.8/css/bootstrap.min-"))
			.anyMatch(link -> link.startsWith("/webjars/bootstrap-icons/"))
			.anyMatch(link -> link.startsWith("/webjars/bootstrap/5.3.8/js/bootstrap.bundle.min-"));
		assertThat(html).containsPattern("href=\"/favicon-[0-9a-f]{32}\\.svg\"")
			.contains("href=\"/password/forgot\"")
			.contains("href=\"/register\"");
		for (String link : hashed) {
			mvc.perform(get(link))
				.andExpect(status().isOk())
				.andExpect(header().string("Cache-Control", "max-age=31536000, public, immutable"));
		}
	}

	@Test
	void theIconFontIsLinkedByContentHashFromItsStylesheet() throws Exception {
		String css = mvc.perform(get("/webjars/bootstrap-icons/font/bootstrap-icons.min.css"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		List<String> fonts = matches(FONT, css);
		assertThat(fonts).isNotEmpty();
		for (String font : fonts) {
			mvc.perform(get(font)).andExpect(status().isOk());
		}
	}

	@Test
	void plainPathsKeepWorking() throws Exception {
		for (String path : List.of("/webjars/bootstrap/css/bootstrap.min.css", "/css/app.css", "/favicon.svg",
				"/js/queue-drag.js")) {
			mvc.perform(get(path)).andExpect(status().isOk());
		}
		mvc.perform(get("/css/no-such-file.css")).andExpect(status().isNotFound());
	}

	private static List<String> matches(Pattern pattern, String text) {
		List<String> found = new ArrayList<>();
		Matcher matcher = pattern.matcher(text);
		while (matcher.find()) {
			found.add(matcher.group(1));
		}
		return found;
	}

}
