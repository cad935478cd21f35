package io.queuedesk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The role flows with JavaScript switched off: plain forms and buttons only
 * (docs/RULES.md#pages-and-routes).
 */
@BrowserTest
class NoJavaScriptFlowsTest extends RoleFlows {

	@Override
	Chrome startChrome() {
		return Chrome.withoutJavaScript();
	}

	@Test
	void clientFilterFallsBackToTheGetForm() {
		pages.signIn(DemoUser.ADMIN);
		pages.open("/tickets");
		pages.choose("Client", "Client B");
		assertThat(pages.path()).isEqualTo("/tickets"); // nothing happens without
														// JavaScript…

		pages.click("Apply filters"); // …until the form is submitted

		assertThat(pages.path()).startsWith("/tickets?client=");
		assertThat(pages.driver.findElements(By.cssSelector("#ticket-table tbody tr td:nth-child(3)"))).isNotEmpty()
			.map(WebElement::getText)
			.containsOnly("Client B");
	}

}
