package io.queuedesk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every page of {@link PageCatalogue} at phone and desktop width: no axe-core violation
 * of impact serious or critical (the build fails), minor and moderate ones printed for
 * TESTING.md, and a screenshot under target/screenshots/&lt;page&gt;-&lt;width&gt;.png.
 * At phone width every page, as every role sees it, fits the viewport (no sideways
 * scrolling), and the queue's move controls are big enough for a thumb.
 */
@BrowserTest
class PagesAccessibilityTest extends ChromeTestCase {

	static final int PHONE = 360;

	/** The smallest touch target WCAG 2.5.5 (AAA) and the platform guidelines ask for. */
	static final int THUMB = 44;

	static final Path SCREENSHOTS = Path.of("target", "screenshots");

	@Autowired
	JdbcClient jdbc;

	Map<String, String> placeholders;

	final List<String> minorFindings = new ArrayList<>();

	@BeforeAll
	void start() throws IOException {
		Files.createDirectories(SCREENSHOTS);
		placeholders = new PageFixture(jdbc).create();
	}

	@AfterAll
	void stop() {
		if (!minorFindings.isEmpty()) {
			System.out.println("[queuedesk] axe-core findings below serious:\n" + String.join("\n", minorFindings));
		}
	}

	static Stream<Arguments> pagesAndWidths() {
		return PageCatalogue.PAGES.stream()
			.flatMap(visit -> PageCatalogue.WIDTHS.stream().map(width -> Arguments.of(visit, width)));
	}

	@ParameterizedTest(name = "{0} at {1}px")
	@MethodSource("pagesAndWidths")
	void hasNoSeriousAccessibilityViolation(PageCatalogue.Visit visit, int width) throws IOException {
		pages.signIn(visit.user());
		chrome.width(width);
		pages.open(PageFixture.fill(visit.path(), placeholders));
		assertThat(pages.driver.getTitle()).as("page title of %s", visit.path()).isNotBlank();
		Files.copy(chrome.driver.getScreenshotAs(OutputType.FILE).toPath(),
				SCREENSHOTS.resolve(visit.name() + "-" + width + ".png"), StandardCopyOption.REPLACE_EXISTING);

		AxeScan.assertNoBlockingViolation(chrome.driver, visit.name() + "@" + width, minorFindings);
	}

	@ParameterizedTest(name = "{0} fits 360px")
	@MethodSource("io.queuedesk.browser.PageCatalogue#pages")
	void fitsAPhoneWithoutScrollingSideways(PageCatalogue.Visit visit) {
		pages.signIn(visit.user());
		chrome.width(PHONE);
		pages.open(PageFixture.fill(visit.path(), placeholders));

		PageWidth width = PageWidth.of(chrome.driver, PHONE);

		assertThat(width.fits()).withFailMessage(
				"%s (%s as %s) is %d px wide at %d px (window.innerWidth %d), so it scrolls sideways; sticking out: %s",
				visit.name(), visit.path(), visit.user(), width.document(), PHONE, width.viewport(), width.culprits())
			.isTrue();
	}

	@Test
	void queueMoveControlsAreThumbSizedOnAPhone() {
		pages.signIn(DemoUser.ADMIN);
		chrome.width(PHONE);
		pages.open(PageFixture.fill("/queues/{client}", placeholders));

		List<WebElement> controls = chrome.driver
			.findElements(By.cssSelector("form[action$='/move'] button, form[action$='/move'] input[type=number]"))
			.stream()
			.filter(WebElement::isDisplayed)
			.toList();

		assertThat(controls).as("move controls on the queue page").isNotEmpty();
		SoftAssertions.assertSoftly(softly -> {
			for (WebElement control : controls) {
				Rectangle box = control.getRect();
				String name = control.getAccessibleName();
				softly.assertThat(box.getWidth())
					.as("width of \"%s\" at %d px", name, PHONE)
					.isGreaterThanOrEqualTo(THUMB);
				softly.assertThat(box.getHeight())
					.as("height of \"%s\" at %d px", name, PHONE)
					.isGreaterThanOrEqualTo(THUMB);
			}
		});
	}

}
