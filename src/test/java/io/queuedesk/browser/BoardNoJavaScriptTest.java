package io.queuedesk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The boards with JavaScript switched off (docs/RULES.md#the-board): the buttons on each
 * card are plain forms that take the step or the move and come back to the board, as
 * NoJavaScriptFlowsTest does for the other pages.
 */
@BrowserTest
class BoardNoJavaScriptTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Chrome chrome;

	Pages pages;

	BoardFixture fixture;

	@BeforeAll
	void startBrowser() {
		chrome = Chrome.withoutJavaScript();
		chrome.width(1280);
		pages = new Pages(chrome.driver, port);
		fixture = new BoardFixture(jdbc);
	}

	@AfterAll
	void stopBrowser() {
		chrome.close();
	}

	@Test
	void anAdminTakesAStepAndMovesACardWithItsButtons() {
		BoardFixture.Queue queue = fixture.standard("No-JS board " + UUID.randomUUID().toString().substring(0, 8));
		long export = queue.id("Export to CSV drops the last column");
		String board = "/queues/" + queue.client() + "/board";
		pages.signIn(DemoUser.ADMIN);
		pages.open("/queues/" + queue.client());
		pages.follow("Board view");
		assertThat(pages.path()).isEqualTo(board);

		pages.click("Accept (ticket #" + export + ")");

		assertThat(pages.path()).isEqualTo(board + "#card-" + export);
		assertThat(pages.flash()).isEqualTo("Ticket #" + export + " is now Accepted.");
		assertThat(cards("ACCEPTED")).contains(export);
		assertThat(fixture.status(export)).isEqualTo("ACCEPTED");

		pages.click("Move ticket #" + export + " to the top");

		assertThat(pages.path()).isEqualTo(board + "#card-" + export);
		assertThat(pages.flash()).isEqualTo("Ticket #" + export + " moved from #4 to #1.");
		assertThat(cards("ACCEPTED")).first().isEqualTo(export);
		assertThat(pages.driver.findElement(By.cssSelector("#card-" + export + " .board-rank")).getText())
			.isEqualTo("Rank 1");

		pages.follow("List view");
		assertThat(pages.path()).isEqualTo("/queues/" + queue.client());
	}

	@Test
	void aDeveloperTakesAStepOnTheirBoard() {
		BoardFixture.Queue queue = fixture.create("0 No-JS dev board " + UUID.randomUUID().toString().substring(0, 8),
				List.of(BoardFixture.Row.of("Printer jams on duplex", "ACCEPTED")));
		long printer = queue.id("Printer jams on duplex");
		pages.signIn(DemoUser.DEVELOPER);
		pages.open("/my/tickets");
		pages.follow("Board view");
		assertThat(pages.path()).isEqualTo("/my/board");
		assertThat(pages.driver.findElement(By.cssSelector("#card-" + printer + " .board-rank")).getText())
			.isEqualTo("Rank 1 at " + queue.name());

		pages.click("Start work (ticket #" + printer + ")");

		assertThat(pages.path()).isEqualTo("/my/board#card-" + printer);
		assertThat(pages.flash()).isEqualTo("Ticket #" + printer + " is now In progress.");
		assertThat(cards("IN_PROGRESS")).contains(printer);
		assertThat(fixture.status(printer)).isEqualTo("IN_PROGRESS");
	}

	private List<Long> cards(String status) {
		return pages.driver.findElements(By.cssSelector(".board-column[data-status='" + status + "'] .board-card"))
			.stream()
			.map(card -> Long.valueOf(card.getDomAttribute("data-ticket-id")))
			.toList();
	}

}
