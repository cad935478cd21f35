package io.queuedesk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import io.queuedesk.user.Role;
import io.queuedesk.user.TestUsers;

/**
 * Dark mode in the browser (issue 18): Auto follows the operating system's
 * {@code prefers-color-scheme} (emulated), also when it changes while the page is open;
 * the colour mode buttons in the footer switch at once with JavaScript (no page load, the
 * choice saved all the same) and with a plain form post without it, back to the same
 * page; the choice holds in the next session.
 */
@BrowserTest
class DarkModeTest extends ChromeTestCase {

	private static final String PASSWORD = "Right-pass-1";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	@Test
	void autoFollowsTheOperatingSystemAndItsChanges() {
		pages.signIn(DemoUser.ANONYMOUS);
		chrome.prefersColorScheme("dark");
		pages.open("/login");
		assertThat(ColorModes.of(chrome.driver)).matches(ColorModes::dark, "dark")
			.extracting(ColorModes::theme, ColorModes::mode)
			.containsExactly("dark", "auto");

		chrome.prefersColorScheme("light");

		waitFor(() -> !ColorModes.of(chrome.driver).dark());
		assertThat(ColorModes.of(chrome.driver).theme()).isEqualTo("light");
	}

	@Test
	void theButtonsSwitchAtOnceAndSaveWithJavaScript() throws IOException {
		chrome.prefersColorScheme("light");
		Account account = newAccount("dark-js");
		pages.signIn(account.email, PASSWORD, account.displayName);
		pages.open("/my/tickets?sort=created");
		assertThat(ColorModes.of(chrome.driver).dark()).isFalse();
		((JavascriptExecutor) chrome.driver).executeScript("window.samePage = true;");

		button("Dark").click();

		assertThat(ColorModes.of(chrome.driver)).as("at once").matches(ColorModes::dark, "dark");
		assertThat(button("Dark").getDomAttribute("aria-pressed")).isEqualTo("true");
		assertThat(button("Auto").getDomAttribute("aria-pressed")).isEqualTo("false");
		waitFor(() -> "DARK".equals(storedMode(account.id)));
		assertThat(((JavascriptExecutor) chrome.driver).executeScript("return window.samePage === true;"))
			.as("no page load")
			.isEqualTo(true);
		assertThat(pages.path()).isEqualTo("/my/tickets?sort=created");

		pages.open("/my/tickets");
		assertThat(ColorModes.of(chrome.driver)).as("rendered by the server now").matches(ColorModes::dark, "dark");

		button("Auto").click();
		waitFor(() -> storedMode(account.id) == null);
		assertThat(ColorModes.of(chrome.driver).dark()).as("Auto, with the system light").isFalse();
	}

	@Test
	void theButtonsWorkWithoutJavaScriptAndTheChoiceHoldsInTheNextSession() throws IOException {
		Account account = newAccount("dark-nojs");
		try (Chrome plain = Chrome.withoutJavaScript()) {
			plain.width(1280);
			Pages noScript = new Pages(plain.driver, port);
			noScript.signIn(account.email, PASSWORD, account.displayName);
			noScript.open("/my/tickets?sort=created");
			assertThat(ColorModes.of(plain.driver).theme()).as("Auto without JavaScript: Bootstrap's light").isEmpty();

			noScript.click("Dark");

			assertThat(noScript.path()).as("back on the same page").isEqualTo("/my/tickets?sort=created");
			assertThat(ColorModes.of(plain.driver)).matches(ColorModes::dark, "dark")
				.extracting(ColorModes::theme)
				.isEqualTo("dark");
			assertThat(storedMode(account.id)).isEqualTo("DARK");
			assertThat(plain.driver
				.findElement(By.xpath("//form[@data-color-mode-form]//button[normalize-space()='Dark']"))
				.getDomAttribute("aria-pressed")).isEqualTo("true");
		}

		chrome.prefersColorScheme("light");
		pages.signIn(account.email, PASSWORD, account.displayName);
		pages.open("/tickets/new");
		assertThat(ColorModes.of(chrome.driver)).as("the next session, with the system light")
			.matches(ColorModes::dark, "dark");
	}

	@Test
	void screenshotsForTheReadme() throws IOException {
		Map<String, String> fixture = new PageFixture(jdbc).create();
		chrome.prefersColorScheme("dark");
		pages.signIn(DemoUser.ADMIN);
		chrome.width(1280);
		pages.open("/tickets/" + fixture.get("{ticket}"));
		assertThat(ColorModes.of(chrome.driver).dark()).isTrue();
		screenshot("dark-ticket-1280.png");
		chrome.width(PagesAccessibilityTest.PHONE);
		pages.open("/queues/" + fixture.get("{client}"));
		assertThat(ColorModes.of(chrome.driver).dark()).isTrue();
		screenshot("dark-queue-360.png");
		chrome.width(1280);
	}

	private void screenshot(String name) throws IOException {
		Files.createDirectories(PagesAccessibilityTest.SCREENSHOTS);
		Files.copy(chrome.driver.getScreenshotAs(OutputType.FILE).toPath(),
				PagesAccessibilityTest.SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
	}

	private WebElement button(String name) {
		return chrome.driver
			.findElement(By.xpath("//form[@data-color-mode-form]//button[normalize-space()='" + name + "']"));
	}

	private void waitFor(java.util.function.BooleanSupplier condition) {
		new WebDriverWait(chrome.driver, Duration.ofSeconds(10)).until(driver -> condition.getAsBoolean());
	}

	private record Account(long id, String email, String displayName) {
	}

	private Account newAccount(String prefix) {
		String email = TestUsers.uniqueEmail(prefix);
		long id = TestUsers.insert(jdbc, encoder, email, PASSWORD, Role.SUBMITTER, true, true, null);
		return new Account(id, email, "Test " + email);
	}

	private String storedMode(long id) {
		return jdbc.sql("select color_mode from users where id = ?")
			.param(id)
			.query(String.class)
			.optional()
			.orElse(null);
	}

}
