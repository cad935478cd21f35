package io.queuedesk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.queuedesk.attachment.AttachmentLimits;
import io.queuedesk.attachment.FileSizes;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Attachments (issue 14, SPEC §9) in the browser with JavaScript: files chosen in the
 * file dialog, a screenshot pasted into the comment box, the chosen-files list with sizes
 * and Remove buttons, the size limit checked before sending, the files on the ticket page
 * with their thumbnails; axe-core, the keyboard and a 360 px phone on the new parts; and
 * the screenshot target/screenshots/ticket-attachments.png (copied to docs/screenshots).
 */
@BrowserTest
class AttachmentsBrowserTest extends ChromeTestCase {

	/** "screenshot-20261130-014955.png", the name attachments.js gives a pasted image. */
	private static final String PASTED_NAME = "screenshot-\\d{8}-\\d{6}(-\\d+)?\\.png";

	@Autowired
	AttachmentLimits limits;

	SampleFiles files;

	Path screenshotPng;

	Path notesTxt;

	final String tag = UUID.randomUUID().toString().substring(0, 8);

	final List<String> minorFindings = new ArrayList<>();

	@BeforeAll
	void start() {
		files = new SampleFiles();
		screenshotPng = files.screenshot("login-error.png", "Queuedesk – Sign in", new Color(0x0d6efd), 1024, 640);
		notesTxt = files.text("steps.txt", List.of("1. Open the login page", "2. Sign in with a long password",
				"3. The page says the password is wrong"));
	}

	@AfterAll
	void stop() {
		files.close();
		if (!minorFindings.isEmpty()) {
			System.out.println(
					"[queuedesk] axe-core findings below serious (attachments):\n" + String.join("\n", minorFindings));
		}
	}

	@Test
	void raisesATicketWithTwoFilesThenPastesAScreenshotIntoAComment() {
		pages.signIn(DemoUser.SUBMITTER);
		openNewTicket("Files " + tag);
		choose("files", screenshotPng, notesTxt);

		assertThat(picks("files")).containsExactly(pick(screenshotPng), pick(notesTxt));

		pages.click("Create ticket");
		assertThat(pages.flash()).contains("has been created");
		WebElement section = pages.driver.findElement(By.id("files"));
		assertThat(section.findElement(By.tagName("h2")).getText()).isEqualTo("Files 2");
		WebElement png = fileRow(section, "login-error.png");
		assertThat(png.findElement(By.className("attachment-facts")).getText())
			.startsWith(FileSizes.text(SampleFiles.size(screenshotPng)) + " · Sam Submitter · ");
		assertThat(fileRow(section, "steps.txt").getText())
			.contains(FileSizes.text(SampleFiles.size(notesTxt)) + " · Sam Submitter · ");
		assertThumbnailLoaded(png);
		assertThat(fileRow(section, "steps.txt").findElements(By.tagName("img"))).isEmpty();

		assertThat(pasteScreenshot("comment-body")).as("paste handled (default prevented)").isTrue();
		List<String> pasted = names("comment-files");
		assertThat(pasted).singleElement().asString().matches(PASTED_NAME);
		pages.fill("Comment", "This is what I see.");
		pages.click("Add comment");
		assertThat(pages.flash()).contains("Your comment has been added.");

		WebElement comment = pages.driver.findElement(
				By.xpath("//article[contains(@class,'comment')][.//div[normalize-space()='This is what I see.']]"));
		WebElement file = fileRow(comment, pasted.get(0));
		assertThat(file.getText()).contains("Sam Submitter");
		assertThumbnailLoaded(file);
		// The files section lists it too, linked to its comment.
		assertThat(fileRow(pages.driver.findElement(By.id("files")), pasted.get(0)).getText())
			.contains("comment #" + comment.getDomAttribute("id").substring("comment-".length()));
	}

	@Test
	void aChosenFileCanBeRemovedBeforeSending() {
		pages.signIn(DemoUser.SUBMITTER);
		openNewTicket("Remove " + tag);
		choose("files", screenshotPng, notesTxt);

		button("Remove steps.txt").click();

		assertThat(names("files")).containsExactly("login-error.png");
		assertThat(script("return document.getElementById('files').files.length")).isEqualTo(1L);
		pages.click("Create ticket");
		assertThat(pages.flash()).contains("has been created");
		assertThat(pages.driver.findElements(By.cssSelector("#files .attachment-name"))).extracting(WebElement::getText)
			.containsExactly("login-error.png");
	}

	@Test
	void aFileOverTheLimitIsMarkedAndTheFormIsNotSent() {
		Path big = files.ofSize("capture.mp4", limits.maxBytes() + 1);
		pages.signIn(DemoUser.SUBMITTER);
		openNewTicket("Too big " + tag);
		choose("files", notesTxt, big);

		String message = "capture.mp4 is larger than " + limits.maxSizeText()
				+ ", the most one file may have. Please remove it.";
		assertThat(pages.driver.findElement(By.id("files-list")).getText()).contains(message);
		WebElement input = pages.driver.findElement(By.id("files"));
		assertThat(input.getDomAttribute("aria-invalid")).isEqualTo("true");
		assertThat(input.getDomProperty("validationMessage")).isEqualTo(message);
		// Records, after the page's own submit handler, whether the submit was stopped.
		script("""
				document.getElementById('files').form.addEventListener('submit', function (event) {
				  window.submitOutcome = event.defaultPrevented ? 'stopped' : 'sent';
				});""");
		WebElement page = pages.driver.findElement(By.tagName("html"));

		WebElement create = pages.driver.findElement(By.xpath("//button[normalize-space()='Create ticket']"));
		script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", create);
		create.click();

		pages.await(d -> script("return window.submitOutcome || null") != null);
		assertThat(script("return window.submitOutcome")).isEqualTo("stopped");
		assertThat(page.isDisplayed()).isTrue(); // still the same document
		assertThat(pages.path()).isEqualTo("/tickets/new");

		// Removing it clears the mark, and the rest is sent.
		button("Remove capture.mp4").click();
		assertThat(input.getDomAttribute("aria-invalid")).isNull();
		pages.click("Create ticket");
		assertThat(pages.flash()).contains("has been created");
		assertThat(pages.driver.findElements(By.cssSelector("#files .attachment-name"))).extracting(WebElement::getText)
			.containsExactly("steps.txt");
	}

	@Test
	void thePickerWithChosenFilesIsAccessibleAndItsRemoveButtonsWorkByKeyboard() {
		pages.signIn(DemoUser.SUBMITTER);
		for (int width : PageCatalogue.WIDTHS) {
			chrome.width(width);
			openNewTicket("Picker " + tag);
			choose("files", screenshotPng, notesTxt);
			assertNoSeriousViolation("new-ticket-with-picks", width);
			assertFitsWidth(width);
		}
		chrome.width(1280);

		script("document.getElementById('files').focus()");
		press(Keys.TAB);
		assertThat(focused().getAccessibleName()).isEqualTo("Remove login-error.png");
		assertThat(focused().getText()).isEqualTo("Remove");
		press(Keys.ENTER);
		assertThat(names("files")).containsExactly("steps.txt");
		// Focus stays in the list, on the next file's button.
		assertThat(focused().getAccessibleName()).isEqualTo("Remove steps.txt");
		press(Keys.ENTER);
		assertThat(names("files")).isEmpty();
		assertThat(focused().getDomAttribute("id")).isEqualTo("files");
	}

	@Test
	void theTicketPageWithFilesIsAccessibleFitsAPhoneAndIsPhotographed() throws IOException {
		long id = raiseTicketWithFiles();

		pages.signIn(DemoUser.ADMIN);
		for (int width : PageCatalogue.WIDTHS) {
			chrome.width(width);
			pages.open("/tickets/" + id);
			for (WebElement thumbnail : pages.driver.findElements(By.cssSelector("#files .attachment-thumb"))) {
				assertThumbnailLoaded(thumbnail.findElement(By.xpath("./ancestor::li[1]")));
			}
			assertNoSeriousViolation("ticket-with-files", width);
			assertFitsWidth(width);
			save("ticket-with-files-" + width);
			// Opened delete confirmations must fit too, and pass axe.
			script("document.querySelectorAll('#files details').forEach(function (d) { d.open = true; })");
			assertNoSeriousViolation("ticket-with-files-delete-open", width);
			assertFitsWidth(width);
			// The comment form with a pasted screenshot waiting in its list.
			assertThat(pasteScreenshot("comment-body")).isTrue();
			assertThat(names("comment-files")).singleElement().asString().matches(PASTED_NAME);
			assertNoSeriousViolation("comment-form-with-paste", width);
			assertFitsWidth(width);
		}

		// Each file's delete control is a keyboard stop named after its file.
		chrome.width(1280);
		pages.open("/tickets/" + id);
		List<String> deleteNames = new ArrayList<>();
		script("document.querySelector('#files .attachment-link').focus()");
		for (int i = 0; i < 30 && deleteNames.size() < 5; i++) {
			press(Keys.TAB);
			WebElement focused = focused();
			if (focused.getTagName().equals("summary")) {
				deleteNames.add(focused.getAccessibleName());
				assertThat(focused.getText()).isEqualTo("Delete…");
			}
		}
		assertThat(deleteNames).containsExactly("Delete error-dialog.png", "Delete export-settings.png",
				"Delete invoice-preview.jpg", "Delete export.log", "Delete " + pastedName(id));

		pages.open("/tickets/" + id); // nothing focused, no control open
		screenshotWholeTicket("ticket-attachments");
	}

	/**
	 * A ticket as in the screenshot: three images and a log raised with it, and a comment
	 * with a pasted screenshot.
	 */
	private long raiseTicketWithFiles() {
		pages.signIn(DemoUser.SUBMITTER);
		openNewTicket("Invoice export stops with an error dialog");
		pages.fill("Description",
				"Exporting the March invoices as CSV stops halfway with an error dialog.\nScreenshots and the export log are attached.");
		choose("files", files.screenshot("error-dialog.png", "Invoices – Export", new Color(0xb02a37), 1280, 800),
				files.screenshot("export-settings.png", "Export settings", new Color(0x0d6efd), 900, 700),
				files.screenshot("invoice-preview.jpg", "Invoice INV-2026-0311", new Color(0x198754), 1200, 1600),
				files.text("export.log",
						List.of("2026-03-31 09:12:01 INFO  export started: 1,204 invoices",
								"2026-03-31 09:12:44 WARN  invoice INV-2026-0311: VAT rate missing",
								"2026-03-31 09:12:44 ERROR export aborted")));
		pages.click("Create ticket");
		long id = pages.ticketId();
		assertThat(pasteScreenshot("comment-body")).isTrue();
		pages.fill("Comment", "Same dialog again after choosing \"All clients\":");
		pages.click("Add comment");
		assertThat(pages.flash()).contains("Your comment has been added.");
		return id;
	}

	private String pastedName(long id) {
		return pages.driver.findElements(By.cssSelector("#files .attachment-name"))
			.stream()
			.map(WebElement::getText)
			.filter(name -> name.matches(PASTED_NAME))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no pasted screenshot on ticket " + id));
	}

	/** The page down to the history, in one picture, at 1280 px. */
	private void screenshotWholeTicket(String name) throws IOException {
		script("document.querySelectorAll('details[open]').forEach(function (d) { d.open = false; })");
		Number bottom = (Number) script(
				"return Math.floor(document.getElementById('history-heading').getBoundingClientRect().top + window.scrollY) - 4");
		chrome.viewport(1280, bottom.intValue());
		for (WebElement row : pages.driver.findElements(By.cssSelector(".attachment"))) {
			if (!row.findElements(By.className("attachment-thumb")).isEmpty()) {
				assertThumbnailLoaded(row);
			}
		}
		script("window.scrollTo({top: 0, behavior: 'instant'})");
		pages.await(d -> ((Number) script("return window.scrollY")).intValue() == 0);
		save(name);
		chrome.width(1280);
	}

	/**
	 * The viewport as target/screenshots/&lt;name&gt;.png, next to the page scans' ones.
	 */
	private void save(String name) throws IOException {
		Files.createDirectories(PagesAccessibilityTest.SCREENSHOTS);
		Files.copy(chrome.driver.getScreenshotAs(OutputType.FILE).toPath(),
				PagesAccessibilityTest.SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
	}

	private void openNewTicket(String title) {
		pages.open("/tickets/new");
		pages.fill("Title", title);
		pages.fill("Description", "Raised in the attachments browser test.");
		pages.choose("Client", "Client A");
		pages.choose("Product area", "Billing");
	}

	/**
	 * Chooses files in the file dialog of the input (several at once, like Ctrl+click).
	 */
	private void choose(String inputId, Path... chosen) {
		pages.driver.findElement(By.id(inputId))
			.sendKeys(Arrays.stream(chosen)
				.map(path -> path.toAbsolutePath().toString())
				.collect(Collectors.joining("\n")));
	}

	/** The picker's list: "name size" per chosen file. */
	private List<String> picks(String inputId) {
		return pages.driver.findElements(By.cssSelector("#" + inputId + "-list .attachment-pick"))
			.stream()
			.map(item -> item.findElement(By.className("attachment-pick-name")).getText() + " "
					+ item.findElement(By.className("attachment-pick-size")).getText())
			.toList();
	}

	private List<String> names(String inputId) {
		return pages.driver.findElements(By.cssSelector("#" + inputId + "-list .attachment-pick-name"))
			.stream()
			.map(WebElement::getText)
			.toList();
	}

	/**
	 * A file as the picker should list it: its name and its size as the server writes it.
	 */
	private static String pick(Path file) {
		return file.getFileName() + " " + FileSizes.text(SampleFiles.size(file));
	}

	private WebElement fileRow(SearchContext scope, String name) {
		return scope.findElement(
				By.xpath(".//li[contains(@class,'attachment')][.//span[@class='attachment-name' and normalize-space()='"
						+ name + "']]"));
	}

	private WebElement button(String accessibleName) {
		return pages.driver.findElement(By.xpath("//button[@aria-label='" + accessibleName + "']"));
	}

	/** The row's thumbnail is shown: the image has loaded (lazy images load in view). */
	private void assertThumbnailLoaded(WebElement row) {
		WebElement image = row.findElement(By.className("attachment-thumb"));
		script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", image);
		pages.await(d -> Boolean.TRUE.equals(script("return arguments[0].complete", image)));
		assertThat(((Number) script("return arguments[0].naturalWidth", image)).intValue())
			.as("thumbnail of %s", row.getText())
			.isPositive();
	}

	/**
	 * Pastes an image into the element as the clipboard would: a paste event carrying a
	 * PNG drawn on a canvas, named "image.png" as Chromium names pasted images. Returns
	 * whether the page handled it (prevented the default).
	 */
	private boolean pasteScreenshot(String targetId) {
		Object handled = ((JavascriptExecutor) pages.driver).executeAsyncScript(
				"""
						var target = document.getElementById(arguments[0]);
						var done = arguments[arguments.length - 1];
						var canvas = document.createElement('canvas');
						canvas.width = 800;
						canvas.height = 450;
						var g = canvas.getContext('2d');
						g.fillStyle = '#f8f9fa'; g.fillRect(0, 0, 800, 450);
						g.fillStyle = '#6c757d'; g.fillRect(0, 0, 800, 36);
						g.fillStyle = '#fff'; g.font = 'bold 18px sans-serif'; g.fillText('Invoices – Export', 14, 24);
						g.fillStyle = '#dee2e6';
						for (var y = 70; y < 420; y += 28) { g.fillRect(30, y, 300 + (y * 7) % 400, 10); }
						g.fillStyle = '#fff'; g.fillRect(200, 140, 400, 170);
						g.strokeStyle = '#b02a37'; g.lineWidth = 4; g.strokeRect(200, 140, 400, 170);
						g.fillStyle = '#b02a37'; g.font = 'bold 22px sans-serif'; g.fillText('Export failed', 230, 190);
						g.fillStyle = '#212529'; g.font = '16px sans-serif'; g.fillText('VAT rate missing on INV-2026-0311', 230, 230);
						canvas.toBlob(function (blob) {
						  var data = new DataTransfer();
						  data.items.add(new File([blob], 'image.png', { type: 'image/png' }));
						  var paste = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
						  target.dispatchEvent(paste);
						  done(paste.defaultPrevented);
						}, 'image/png');""",
				targetId);
		return Boolean.TRUE.equals(handled);
	}

	private void assertNoSeriousViolation(String state, int width) {
		AxeScan.assertNoBlockingViolation(pages.driver, state + "@" + width, minorFindings);
	}

	/** Nothing makes the page scroll sideways. */
	private void assertFitsWidth(int width) {
		Number scrollWidth = (Number) script("return document.documentElement.scrollWidth");
		Number innerWidth = (Number) script("return window.innerWidth");
		assertThat(innerWidth.intValue()).isEqualTo(width);
		assertThat(scrollWidth.intValue()).as("page width at %d px on %s", width, pages.path())
			.isLessThanOrEqualTo(innerWidth.intValue());
	}

	private Object script(String script, Object... args) {
		return ((JavascriptExecutor) pages.driver).executeScript(script, args);
	}

	private void press(Keys key) {
		new Actions(pages.driver).sendKeys(key).perform();
	}

	private WebElement focused() {
		return pages.driver.switchTo().activeElement();
	}

}
