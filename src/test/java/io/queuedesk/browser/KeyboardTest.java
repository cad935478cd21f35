package io.queuedesk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The submitter flow with the keyboard alone: the skip link is the first stop, focus is
 * always visible, and signing in and raising a ticket need only typing, Tab and Enter.
 */
@BrowserTest
class KeyboardTest extends ChromeTestCase {

	private static final int MAX_TABS = 25;

	@Test
	void submitterSignsInAndRaisesATicketWithTheKeyboardOnly() {
		String title = "Keyboard " + UUID.randomUUID().toString().substring(0, 8);
		pages.open("/login");
		skipToMain();

		press(Keys.TAB);
		assertFocused("username");
		type(DemoUser.SUBMITTER.email);
		press(Keys.TAB);
		assertFocused("password");
		type(DemoUser.SUBMITTER.password);
		press(Keys.TAB);
		assertThat(focused().getText()).isEqualTo("Sign in");
		pages.andWaitForNextPage(() -> press(Keys.ENTER));
		assertThat(pages.mainText()).doesNotContain("Email or password");

		pressTabUntil("New ticket");
		pages.andWaitForNextPage(() -> press(Keys.ENTER));
		assertThat(pages.heading()).isEqualTo("Raise a ticket");

		skipToMain();
		press(Keys.TAB);
		assertFocused("title");
		type(title);
		press(Keys.TAB);
		assertFocused("description");
		type("Typed without a mouse.");
		press(Keys.TAB);
		assertFocused("clientId");
		type("Client C"); // a select picks the option whose name is typed
		press(Keys.TAB);
		assertFocused("productAreaId");
		type("Claims");
		assertThat(pages.field("Client").getDomProperty("value")).isNotEmpty();
		pressTabUntil("Create ticket");
		pages.andWaitForNextPage(() -> press(Keys.ENTER));

		assertThat(pages.heading()).contains(title);
		assertThat(pages.ticketStatus()).isEqualTo("Open");
		assertThat(pages.ticketPosition()).endsWith("in Client C's queue");
		assertThat(pages.mainText()).contains("Claims");
	}

	/**
	 * From a fresh page: the first Tab shows the skip link; Enter moves focus to the main
	 * content.
	 */
	private void skipToMain() {
		press(Keys.TAB);
		WebElement skip = focused();
		assertThat(skip.getText()).isEqualTo("Skip to main content");
		assertThat(skip.isDisplayed()).isTrue();
		assertFocusVisible();
		press(Keys.ENTER);
		assertThat(focused().getTagName()).isEqualTo("main");
	}

	private void pressTabUntil(String text) {
		for (int i = 0; i < MAX_TABS; i++) {
			press(Keys.TAB);
			assertFocusVisible();
			if (focused().getText().trim().equals(text)) {
				return;
			}
		}
		throw new AssertionError("\"" + text + "\" not reached with " + MAX_TABS + " Tabs");
	}

	private void press(Keys key) {
		new Actions(chrome.driver).sendKeys(key).perform();
	}

	private void type(String text) {
		new Actions(chrome.driver).sendKeys(text).perform();
	}

	private WebElement focused() {
		return chrome.driver.switchTo().activeElement();
	}

	private void assertFocused(String id) {
		assertThat(focused().getDomAttribute("id")).isEqualTo(id);
		assertFocusVisible();
	}

	/**
	 * A focus indicator is drawn: an outline or Bootstrap's focus shadow. Bootstrap fades
	 * a field's focus shadow in (a 0.15 s transition), and a loaded machine can read the
	 * style before it starts: the indicator gets a second to show.
	 */
	private void assertFocusVisible() {
		WebElement element = focused();
		boolean visible = false;
		for (int i = 0; i < 20 && !visible; i++) {
			if (i > 0) {
				pause();
			}
			visible = hasFocusIndicator(element);
		}
		assertThat(visible).as("visible focus on %s (%s)", element.getTagName(), element.getText()).isTrue();
	}

	private static void pause() {
		try {
			Thread.sleep(50);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static boolean hasFocusIndicator(WebElement element) {
		boolean outline = !"none".equals(element.getCssValue("outline-style"))
				&& !element.getCssValue("outline-width").startsWith("0");
		boolean shadow = !"none".equals(element.getCssValue("box-shadow"));
		return outline || shadow;
	}

}
