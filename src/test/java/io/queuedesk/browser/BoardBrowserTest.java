package io.queuedesk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Drag and drop on a queue's board (js/board-drag.js, docs/RULES.md#the-board) in
 * Chromium. Selenium cannot drive HTML5 drag and drop in Chromium, so each drag is the
 * browser's own sequence of DragEvents (dragstart, dragover, drop, dragend, sharing one
 * DataTransfer) dispatched on the real cards and columns: the script's handlers, its
 * fetch() to the real endpoints and its redraw of the board all run as for a mouse. Also
 * takes the screenshots target/screenshots/board-1280.png and board-360.png (copied to
 * docs/screenshots).
 */
@BrowserTest
class BoardBrowserTest extends ChromeTestCase {

	/**
	 * One drag: the script's answer to dragover (true = a drop is allowed there) and the
	 * columns it marked while dragging.
	 */
	private static final String DRAG = """
			var card = arguments[0], target = arguments[1];
			var data = new DataTransfer();
			function fire(type, element) {
			  var event = new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: data });
			  element.dispatchEvent(event);
			  return event.defaultPrevented;
			}
			fire('dragstart', card);
			var allowed = fire('dragover', target);
			var marks = Array.prototype.map.call(document.querySelectorAll('.board-column'), function (column) {
			  return column.dataset.status + ':' + (column.classList.contains('drop-allowed') ? 'allowed'
			      : column.classList.contains('drop-refused') ? 'refused' : 'none');
			});
			fire('drop', target);
			fire('dragend', card);
			return [String(allowed)].concat(marks);
			""";

	@Autowired
	JdbcClient jdbc;

	BoardFixture fixture;

	BoardFixture.Queue queue;

	@BeforeAll
	void signIn() {
		fixture = new BoardFixture(jdbc);
		pages.signIn(DemoUser.ADMIN);
	}

	@BeforeEach
	void newQueue() {
		chrome.width(1280);
		queue = fixture.standard("Board " + UUID.randomUUID().toString().substring(0, 8));
		pages.open("/queues/" + queue.client() + "/board");
	}

	@Test
	void draggingACardToAnotherColumnTakesThatWorkflowStep() {
		long export = queue.id("Export to CSV drops the last column");

		List<String> drag = drag(export, column("ACCEPTED"));

		assertThat(drag).first().as("dragover allowed").isEqualTo("true");
		awaitStatusLine("Ticket #" + export + " is now Accepted.");
		assertThat(fixture.status(export)).isEqualTo("ACCEPTED");
		// A step keeps the rank: the card sits in rank order in its new column.
		assertThat(cards("ACCEPTED")).containsExactly(queue.id("Password reset mail lands in spam"), export,
				queue.id("Dashboard loads slowly on Mondays"));
		assertThat(fixture.queue(queue.client())).containsExactlyElementsOf(queue.tickets().values());
		assertThat(card(export).getDomAttribute("data-next")).isEqualTo("IN_PROGRESS ON_HOLD");
	}

	@Test
	void onlyTheStepsTheTicketAllowsAreDropTargets() {
		long search = queue.id("Search ignores accented letters");

		List<String> drag = drag(search, column("IN_PROGRESS"));

		assertThat(drag).containsExactly("false", "OPEN:allowed", "ACCEPTED:allowed", "IN_PROGRESS:refused",
				"ON_HOLD:refused");
		pause();
		assertThat(fixture.status(search)).isEqualTo("OPEN");
		assertThat(cards("OPEN")).contains(search);
		assertThat(cards("IN_PROGRESS")).doesNotContain(search);
		assertThat(pages.driver.findElements(By.cssSelector(".drop-allowed, .drop-refused"))).isEmpty();
	}

	@Test
	void aRefusedDropShowsTheServersMessageOnTheCardAndPutsItBack() {
		long search = queue.id("Search ignores accented letters");
		fixture.setStatus(search, "IN_PROGRESS"); // someone else started it meanwhile

		drag(search, column("ACCEPTED"));

		pages.await(d -> card(search).findElement(By.className("board-card-message")).isDisplayed());
		assertThat(card(search).findElement(By.className("board-card-message")).getText())
			.isEqualTo("A ticket cannot go from In progress to Accepted. Nothing was changed.");
		assertThat(cards("OPEN")).contains(search);
		assertThat(cards("ACCEPTED")).doesNotContain(search);
		assertThat(fixture.status(search)).isEqualTo("IN_PROGRESS");
	}

	@Test
	void draggingOntoACardOfItsColumnGivesItThatCardsRank() {
		long printer = queue.id("Printer in room 4 prints blank pages");
		long export = queue.id("Export to CSV drops the last column");
		long search = queue.id("Search ignores accented letters");
		assertThat(cards("OPEN")).containsExactly(printer, export, search);

		List<String> drag = drag(search, card(printer));

		assertThat(drag).first().isEqualTo("true");
		awaitStatusLine("Ticket #" + search + " moved from #6 to #1.");
		assertThat(fixture.queue(queue.client())).first().isEqualTo(search);
		assertThat(cards("OPEN")).containsExactly(search, printer, export);
		assertThat(card(search).getDomAttribute("data-priority")).isEqualTo("1");

		// Down: onto the last card of the column, between which lie cards of other
		// columns.
		drag(search, card(export));

		awaitStatusLine("Ticket #" + search + " moved from #1 to #5.");
		assertThat(cards("OPEN")).containsExactly(printer, export, search);
		assertThat(fixture.queue(queue.client()).indexOf(search)).isEqualTo(4);
	}

	@Test
	void screenshotsAtDesktopAndPhoneWidth() throws IOException {
		// A client name that reads well in the README (the other tests' queues are
		// numbered).
		BoardFixture.Queue shown = fixture.standard("Northwind Traders");
		screenshot("board-1280", 1280, shown);
		screenshot("board-360", 360, shown);
		chrome.width(1280);
	}

	private void screenshot(String name, int width, BoardFixture.Queue shown) throws IOException {
		chrome.width(width);
		pages.open("/queues/" + shown.client() + "/board");
		Number bottom = (Number) script(
				"return Math.ceil(document.getElementById('board').getBoundingClientRect().bottom + window.scrollY) + 16");
		chrome.viewport(width, Math.min(bottom.intValue(), 4000));
		script("window.scrollTo({top: 0, behavior: 'instant'})");
		Files.createDirectories(PagesAccessibilityTest.SCREENSHOTS);
		Files.copy(chrome.driver.getScreenshotAs(OutputType.FILE).toPath(),
				PagesAccessibilityTest.SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
	}

	@SuppressWarnings("unchecked")
	private List<String> drag(long ticket, WebElement target) {
		return (List<String>) script(DRAG, card(ticket), target);
	}

	private WebElement card(long ticket) {
		return pages.driver.findElement(By.id("card-" + ticket));
	}

	private WebElement column(String status) {
		return pages.driver.findElement(By.cssSelector(".board-column[data-status='" + status + "']"));
	}

	private List<Long> cards(String status) {
		return column(status).findElements(By.className("board-card"))
			.stream()
			.map(card -> Long.valueOf(card.getDomAttribute("data-ticket-id")))
			.toList();
	}

	private void awaitStatusLine(String text) {
		pages.await(d -> text.equals(d.findElement(By.id("board-status")).getText()));
	}

	/** Long enough for a request the script should not have sent to have come back. */
	private static void pause() {
		try {
			Thread.sleep(500);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private Object script(String script, Object... args) {
		return ((JavascriptExecutor) pages.driver).executeScript(script, args);
	}

}
