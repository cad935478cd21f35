package io.queuedesk.browser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A {@link BrowserTest} class with one headless Chromium (JavaScript on, 1280 px wide)
 * for all its tests, and the {@link Pages} helper on the app's port. A subclass's own
 * {@code @BeforeAll} runs after the browser has started, its {@code @AfterAll} before it
 * closes.
 */
abstract class ChromeTestCase {

	@LocalServerPort
	int port;

	Chrome chrome;

	Pages pages;

	@BeforeAll
	void startChrome() {
		chrome = Chrome.withJavaScript();
		chrome.width(1280);
		pages = new Pages(chrome.driver, port);
	}

	@AfterAll
	void closeChrome() {
		chrome.close();
	}

}
