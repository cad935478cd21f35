package io.queuedesk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.queuedesk.attachment.FileSizes;
import java.awt.Color;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Attachments with JavaScript switched off: the picker is the plain multiple file input
 * of the form (no drop hint, no list), and uploads work on /tickets/new and through the
 * ticket page's Files section.
 */
@BrowserTest
class AttachmentsNoJavaScriptTest {

	@LocalServerPort
	int port;

	Chrome chrome;

	Pages pages;

	SampleFiles files;

	final String tag = UUID.randomUUID().toString().substring(0, 8);

	@BeforeAll
	void start() {
		files = new SampleFiles();
		chrome = Chrome.withoutJavaScript();
		chrome.width(1280);
		pages = new Pages(chrome.driver, port);
	}

	@AfterAll
	void stop() {
		chrome.close();
		files.close();
	}

	@Test
	void thePlainFileInputUploadsOnANewTicketAndInTheFilesSection() {
		Path log = files.text("sync.log", List.of("12:00:01 sync started", "12:00:09 sync failed: timeout"));
		Path png = files.screenshot("sync-error.png", "Sync", new Color(0x6f42c1), 800, 500);
		pages.signIn(DemoUser.SUBMITTER);
		pages.open("/tickets/new");
		assertThat(pages.driver.findElement(By.id("files-drop-hint")).isDisplayed()).isFalse();
		pages.fill("Title", "No script files " + tag);
		pages.fill("Description", "Raised without JavaScript.");
		pages.choose("Client", "Client A");
		pages.choose("Product area", "Billing");
		pages.field("Attach files").sendKeys(log.toAbsolutePath().toString());
		assertThat(pages.driver.findElements(By.cssSelector("#files-list li"))).isEmpty();

		pages.click("Create ticket");

		assertThat(pages.flash()).contains("has been created");
		assertThat(fileNames()).containsExactly("sync.log");
		assertThat(pages.driver.findElement(By.id("files")).getText())
			.contains(FileSizes.text(SampleFiles.size(log)) + " · Sam Submitter");

		assertThat(pages.driver.findElement(By.id("ticket-files-drop-hint")).isDisplayed()).isFalse();
		pages.driver.findElement(By.id("ticket-files")).sendKeys(png.toAbsolutePath().toString());
		pages.click("Upload files");

		assertThat(pages.flash()).contains("One file added.");
		assertThat(fileNames()).containsExactlyInAnyOrder("sync.log", "sync-error.png");
		WebElement thumbnail = pages.driver.findElement(By.cssSelector("#files .attachment-thumb"));
		// Images load without JavaScript too (lazy ones once in view).
		script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", thumbnail);
		pages.await(d -> Boolean.TRUE.equals(script("return arguments[0].complete", thumbnail)));
		assertThat(((Number) script("return arguments[0].naturalWidth", thumbnail)).intValue()).isPositive();
	}

	private Object script(String script, Object... args) {
		return ((JavascriptExecutor) pages.driver).executeScript(script, args);
	}

	private List<String> fileNames() {
		return pages.driver.findElements(By.cssSelector("#files .attachment-name"))
			.stream()
			.map(WebElement::getText)
			.toList();
	}

}
