package io.queuedesk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import io.queuedesk.user.Role;
import io.queuedesk.user.TestUsers;
import io.queuedesk.user.TotpCodes;

/**
 * Two-factor authentication in Chromium (issue 16): a user sets it up from the top bar
 * (the QR code image loads, the key is shown as text), turns it on with the app's code,
 * sees ten recovery codes; signs out and in again with password and code, then with a
 * recovery code. axe-core finds nothing serious on the set-up, the recovery codes and the
 * code page, at 360 and 1280 px.
 */
@BrowserTest
class TwoFactorBrowserTest extends ChromeTestCase {

	private static final String PASSWORD = "Browser-pass-1";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	@Test
	void enrolThenSignInWithTheAppsCodeAndWithARecoveryCode() {
		String email = TestUsers.uniqueEmail("browser-2fa");
		String name = "Test " + email;
		TestUsers.insert(jdbc, encoder, email, PASSWORD, Role.SUBMITTER, true, true, null);
		pages.signIn(email, PASSWORD, name);

		pages.follow("Two-factor authentication");
		assertThat(pages.path()).isEqualTo("/account/2fa");
		WebElement qr = pages.driver.findElement(By.cssSelector("main img"));
		assertThat(((Number) script("return arguments[0].naturalWidth", qr)).intValue()).as("QR code loaded")
			.isGreaterThan(100);
		String secret = pages.driver.findElement(By.id("totp-secret")).getText();
		assertThat(secret).matches("[A-Z2-7]{32}");
		assertNoSeriousViolation("two-factor-setup");

		String firstCode = TotpCodes.now(secret);
		pages.fill("Code from your app", firstCode);
		pages.click("Turn on two-factor authentication");

		assertThat(pages.flash()).startsWith("Two-factor authentication is on.");
		List<String> recoveryCodes = pages.driver.findElements(By.cssSelector("#recovery-codes li"))
			.stream()
			.map(WebElement::getText)
			.toList();
		assertThat(recoveryCodes).hasSize(10).allMatch(code -> code.matches("([a-z2-7]{4}-){3}[a-z2-7]{4}"));
		assertNoSeriousViolation("two-factor-recovery-codes");

		pages.click("Sign out");
		signInWithPassword(email);
		assertThat(pages.path()).isEqualTo("/login/2fa");
		assertThat(pages.heading()).isEqualTo("Enter your sign-in code");
		WebElement field = pages.field("Code from your app");
		assertThat(field.getDomAttribute("autocomplete")).isEqualTo("one-time-code");
		assertThat(field.getDomAttribute("inputmode")).isEqualTo("numeric");
		assertNoSeriousViolation("two-factor-login");

		pages.fill("Code from your app", firstCode);
		pages.click("Sign in");
		assertThat(pages.path()).as("the code that turned it on is spent").isEqualTo("/login/2fa");
		assertThat(pages.mainText()).contains("That code is not right");
		pages.fill("Code from your app", TotpCodes.next(secret));
		pages.click("Sign in");
		assertThat(pages.driver.getPageSource()).contains("Signed in as " + name);
		assertThat(pages.path()).as("home of a submitter").isEqualTo("/my/tickets");

		pages.click("Sign out");
		signInWithPassword(email);
		pages.click("Use a recovery code instead");
		pages.fill("Recovery code", recoveryCodes.get(3));
		WebElement recoverySubmit = pages.driver.findElement(By.cssSelector("details form button"));
		pages.andWaitForNextPage(recoverySubmit::click);
		assertThat(pages.driver.getPageSource()).contains("Signed in as " + name);

		pages.follow("Two-factor authentication");
		assertThat(pages.mainText()).contains("9 recovery codes left.").doesNotContain(recoveryCodes.get(0));
		pages.click("Sign out");
	}

	private void signInWithPassword(String email) {
		pages.open("/login");
		pages.fill("Email", email);
		pages.fill("Password", PASSWORD);
		pages.click("Sign in");
	}

	private void assertNoSeriousViolation(String state) {
		for (int width : PageCatalogue.WIDTHS) {
			chrome.width(width);
			AxeScan.assertNoBlockingViolation(pages.driver, state + "@" + width);
			Number scrollWidth = (Number) script("return document.documentElement.scrollWidth");
			assertThat(scrollWidth.intValue()).as("%s fits %d px", state, width).isLessThanOrEqualTo(width);
		}
		chrome.width(1280);
	}

	private Object script(String script, Object... arguments) {
		return ((JavascriptExecutor) pages.driver).executeScript(script, arguments);
	}

}
