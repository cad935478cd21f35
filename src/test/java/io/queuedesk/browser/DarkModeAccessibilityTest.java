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

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.OutputType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every page of {@link PageCatalogue} in dark mode, at desktop width and, for the pages
 * most used on a phone, at 360 px: the operating system prefers dark (emulated), the demo
 * users' colour mode is Auto, so the page follows it. Each page must really render dark
 * (the body's computed background), have no axe-core violation of impact serious or
 * critical (colour contrast included), and leaves a screenshot
 * target/screenshots/dark-&lt;page&gt;-&lt;width&gt;.png.
 */
@BrowserTest
class DarkModeAccessibilityTest extends ChromeTestCase {

	static final Path SCREENSHOTS = PagesAccessibilityTest.SCREENSHOTS;

	/** The pages also scanned at phone width (their screenshots go to the README). */
	static final List<String> ON_A_PHONE = List.of("admin-queue", "admin-ticket", "submitter-my-tickets");

	@Autowired
	JdbcClient jdbc;

	Map<String, String> placeholders;

	final List<String> minorFindings = new ArrayList<>();

	@BeforeAll
	void start() throws IOException {
		Files.createDirectories(SCREENSHOTS);
		placeholders = new PageFixture(jdbc).create();
		chrome.prefersColorScheme("dark");
	}

	@AfterAll
	void stop() {
		if (!minorFindings.isEmpty()) {
			System.out.println(
					"[queuedesk] axe-core findings below serious, dark mode:\n" + String.join("\n", minorFindings));
		}
	}

	static Stream<Arguments> pagesAndWidths() {
		return PageCatalogue.PAGES.stream()
			.flatMap(visit -> Stream.concat(Stream.of(Arguments.of(visit, 1280)), ON_A_PHONE.contains(visit.name())
					? Stream.of(Arguments.of(visit, PagesAccessibilityTest.PHONE)) : Stream.empty()));
	}

	@ParameterizedTest(name = "{0} at {1}px, dark")
	@MethodSource("pagesAndWidths")
	void rendersDarkWithoutSeriousAccessibilityViolation(PageCatalogue.Visit visit, int width) throws IOException {
		pages.signIn(visit.user());
		chrome.width(width);
		pages.open(PageFixture.fill(visit.path(), placeholders));

		ColorModes shown = ColorModes.of(chrome.driver);
		assertThat(shown.theme()).as("data-bs-theme of %s", visit.path()).isEqualTo("dark");
		assertThat(shown.dark())
			.withFailMessage("%s is not dark: body background %s (luminance %.2f)", visit.path(), shown.background(),
					shown.luminance())
			.isTrue();
		Files.copy(chrome.driver.getScreenshotAs(OutputType.FILE).toPath(),
				SCREENSHOTS.resolve("dark-" + visit.name() + "-" + width + ".png"),
				StandardCopyOption.REPLACE_EXISTING);

		AxeScan.assertNoBlockingViolation(chrome.driver, "dark " + visit.name() + "@" + width, minorFindings);
	}

}
