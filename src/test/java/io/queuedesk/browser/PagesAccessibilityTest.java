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

import com.deque.html.axecore.results.Rule;

/**
 * Every page of {@link PageCatalogue} at phone and desktop width: no axe-core violation
 * of impact serious or critical (the build fails), minor and moderate ones printed for
 * TESTING.md, and a screenshot under target/screenshots/&lt;page&gt;-&lt;width&gt;.png.
 */
@BrowserTest
class PagesAccessibilityTest extends ChromeTestCase {

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
		pages.open(resolve(visit.path()));
		assertThat(pages.driver.getTitle()).as("page title of %s", visit.path()).isNotBlank();
		Files.copy(chrome.driver.getScreenshotAs(OutputType.FILE).toPath(),
				SCREENSHOTS.resolve(visit.name() + "-" + width + ".png"), StandardCopyOption.REPLACE_EXISTING);

		List<Rule> violations = AxeScan.violations(chrome.driver);

		List<Rule> blocking = violations.stream().filter(AxeScan::blocking).toList();
		violations.stream()
			.filter(rule -> !AxeScan.blocking(rule))
			.forEach(rule -> minorFindings.add(visit.name() + "@" + width + " " + AxeScan.describe(List.of(rule))));
		assertThat(blocking)
			.withFailMessage("serious/critical axe-core violations on %s at %dpx:%n%s", visit.path(), width,
					AxeScan.describe(blocking))
			.isEmpty();
	}

	private String resolve(String path) {
		String resolved = path;
		for (Map.Entry<String, String> placeholder : placeholders.entrySet()) {
			resolved = resolved.replace(placeholder.getKey(), placeholder.getValue());
		}
		return resolved;
	}

}
