package io.queuedesk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The role flows with JavaScript on, plus the live client filter of /tickets. */
@BrowserTest
class RoleFlowsTest extends RoleFlows {

	@Override
	Chrome startChrome() {
		return Chrome.withJavaScript();
	}

	@Test
	void clientFilterUpdatesTheListWithoutLoadingAPage() {
		pages.signIn(DemoUser.ADMIN);
		pages.open("/tickets");
		// A page load would drop this marker: the filter must work through the JSON API instead.
		chrome.driver.executeScript("window.queuedeskMarker = 'same page';");

		pages.choose("Client", "Client B");

		pages.await(driver -> driver.getCurrentUrl().contains("client="));
		List<String> clients = clientColumn();
		assertThat(clients).isNotEmpty().containsOnly("Client B");
		assertThat(chrome.driver.executeScript("return window.queuedeskMarker;")).isEqualTo("same page");
		assertThat(pages.driver.findElement(By.id("ticket-count")).getText()).matches("\\d+ tickets?.*");
	}

	List<String> clientColumn() {
		return pages.driver.findElements(By.cssSelector("#ticket-table tbody tr td:nth-child(3)"))
			.stream()
			.map(WebElement::getText)
			.toList();
	}

}
