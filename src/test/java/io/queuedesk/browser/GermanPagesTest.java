package io.queuedesk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The German pass (issue 18): a Chromium set to German (its {@code --lang} and the
 * Accept-Language it sends) signs in and gets a handful of pages in German
 * ({@code <html lang="de">}, German texts, German dates), free of serious axe-core
 * violations and fitting 360 px (German words are longer). Signs in by the form's field
 * names, not by English labels. Screenshots under
 * target/screenshots/de-&lt;page&gt;-&lt;width&gt;.png.
 */
@BrowserTest
class GermanPagesTest {

	static final Path SCREENSHOTS = Path.of("target", "screenshots");

	static final List<PageCatalogue.Visit> PAGES = List.of(
	// @formatter:off
		new PageCatalogue.Visit("login",            DemoUser.ANONYMOUS, "/login"),
		new PageCatalogue.Visit("admin-dashboard",  DemoUser.ADMIN,     "/admin"),
		new PageCatalogue.Visit("admin-ticket",     DemoUser.ADMIN,     "/tickets/{ticket}"),
		new PageCatalogue.Visit("admin-new-ticket", DemoUser.ADMIN,     "/tickets/new"),
		new PageCatalogue.Visit("admin-queue",      DemoUser.ADMIN,     "/queues/{client}"),
		new PageCatalogue.Visit("admin-tickets",    DemoUser.ADMIN,     "/tickets"),
		new PageCatalogue.Visit("preferences",      DemoUser.SUBMITTER, "/account/preferences"),
		new PageCatalogue.Visit("submitter-ticket", DemoUser.SUBMITTER, "/tickets/{ticket}")
	// @formatter:on
	);

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MessageSource messages;

	Chrome chrome;

	Map<String, String> placeholders;

	DemoUser signedIn = DemoUser.ANONYMOUS;

	@BeforeAll
	void start() throws IOException {
		Files.createDirectories(SCREENSHOTS);
		chrome = Chrome.inLanguage("de");
		placeholders = new PageFixture(jdbc).create();
	}

	@AfterAll
	void stop() {
		chrome.close();
	}

	static Stream<Arguments> pagesAndWidths() {
		return PAGES.stream().flatMap(visit -> Stream.of(1280, 360).map(width -> Arguments.of(visit, width)));
	}

	@ParameterizedTest(name = "{0} in German at {1}px")
	@MethodSource("pagesAndWidths")
	void isGermanAccessibleAndFits(PageCatalogue.Visit visit, int width) throws IOException {
		signIn(visit.user());
		chrome.width(width);
		chrome.driver.get(url(PageFixture.fill(visit.path(), placeholders)));

		assertThat(chrome.driver.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("de");
		String page = chrome.driver.getPageSource();
		if (visit.user() == DemoUser.ANONYMOUS) {
			assertThat(page).contains(german("login.submit"));
		}
		else {
			assertThat(page).contains(german("nav.preferences")).doesNotContain(">Preferences<");
		}
		if (visit.path().equals("/tickets/{ticket}")) {
			assertThat(page).containsPattern("\\d{2}\\.\\d{2}\\.\\d{4} \\d{2}:\\d{2}");
		}
		Files.copy(chrome.driver.getScreenshotAs(OutputType.FILE).toPath(),
				SCREENSHOTS.resolve("de-" + visit.name() + "-" + width + ".png"), StandardCopyOption.REPLACE_EXISTING);

		AxeScan.assertNoBlockingViolation(chrome.driver, "German " + visit.name() + "@" + width);
		PageWidth measured = PageWidth.of(chrome.driver, width);
		assertThat(measured.fits())
			.withFailMessage("German %s is %d px wide at %d px; sticking out: %s", visit.path(), measured.document(),
					width, measured.culprits())
			.isTrue();
	}

	/** Signs in by the login form's field names: its labels are German here. */
	private void signIn(DemoUser user) {
		if (user == signedIn) {
			return;
		}
		chrome.driver.manage().deleteAllCookies();
		signedIn = DemoUser.ANONYMOUS;
		if (user == DemoUser.ANONYMOUS) {
			return;
		}
		chrome.width(1280);
		chrome.driver.get(url("/login"));
		chrome.driver.findElement(By.name("username")).sendKeys(user.email);
		chrome.driver.findElement(By.name("password")).sendKeys(user.password);
		chrome.driver.findElement(By.cssSelector("form[action$='/login'] button[type=submit]")).click();
		new WebDriverWait(chrome.driver, Duration.ofSeconds(10))
			.until(driver -> !driver.getCurrentUrl().contains("/login"));
		signedIn = user;
	}

	private String german(String code) {
		return messages.getMessage(code, null, Locale.GERMAN);
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

}
