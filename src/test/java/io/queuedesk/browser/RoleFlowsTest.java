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
		// A page load would drop this marker: the filter must work through the JSON API
		// instead.
		chrome.driver.executeScript("window.queuedeskMarker = 'same page';");

		pages.choose("Client", "Client B");

		pages.await(driver -> driver.getCurrentUrl().contains("client="));
		List<String> clients = clientColumn();
		assertThat(clients).isNotEmpty().containsOnly("Client B");
		assertThat(chrome.driver.executeScript("return window.queuedeskMarker;")).isEqualTo("same page");
		assertThat(pages.driver.findElement(By.id("ticket-count")).getText()).matches("\\d+ tickets?.*");
	}

	@Test
	void draggingARowOntoAnotherGivesItThatRank() {
		pages.signIn(DemoUser.ADMIN);
		String client = "Drag " + tag;
		pages.open("/admin/clients");
		pages.fill("Name", client);
		pages.click("Add client");
		long first = raiseTicket("Drag first " + tag, client, "Billing", false);
		raiseTicket("Drag second " + tag, client, "Billing", false);
		long third = raiseTicket("Drag third " + tag, client, "Billing", false);
		pages.follow("Open the queue of " + client);
		assertThat(queueRank(third)).isEqualTo("3");

		// WebDriver cannot perform a native HTML5 drag in Chromium: dispatch the events a
		// drag fires.
		pages.andWaitForNextPage(() -> chrome.driver.executeScript("""
				const from = document.getElementById(arguments[0]), to = document.getElementById(arguments[1]);
				const data = new DataTransfer();
				from.dispatchEvent(new DragEvent('dragstart', {bubbles: true, dataTransfer: data}));
				to.dispatchEvent(new DragEvent('dragover', {bubbles: true, cancelable: true, dataTransfer: data}));
				to.dispatchEvent(new DragEvent('drop', {bubbles: true, cancelable: true, dataTransfer: data}));
				""", "ticket-" + third, "ticket-" + first));

		assertThat(pages.flash()).contains("moved from #3 to #1");
		assertThat(queueRank(third)).isEqualTo("1");
		assertThat(queueRank(first)).isEqualTo("2");
	}

	List<String> clientColumn() {
		return pages.driver.findElements(By.cssSelector("#ticket-table tbody tr td:nth-child(3)"))
			.stream()
			.map(WebElement::getText)
			.toList();
	}

}
