package io.queuedesk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The layout's Admin menu (system/AdminPages): without JavaScript a link to the index of
 * the admin pages, each reachable from there; with it a Bootstrap dropdown, opened by
 * click and by keyboard; and the admin's navbar on one line at 1280 px (the account links
 * show their icons only at that width).
 */
@BrowserTest
class AdminMenuTest extends ChromeTestCase {

	/** The menu's entries, by their link text. */
	private static final Map<String, String> ADMIN_PAGES = new LinkedHashMap<>();

	static {
		ADMIN_PAGES.put("Users", "/admin/users");
		ADMIN_PAGES.put("Activity", "/admin/activity");
		ADMIN_PAGES.put("Mail", "/admin/mail");
		ADMIN_PAGES.put("Clients", "/admin/clients");
		ADMIN_PAGES.put("Product areas", "/admin/product-areas");
	}

	private static final int MAX_TABS = 15;

	@Test
	void withoutJavaScriptTheAdminLinkLeadsToTheIndexAndEveryPageFromThere() {
		try (Chrome plain = Chrome.withoutJavaScript()) {
			plain.width(1280);
			Pages noScript = new Pages(plain.driver, port);
			noScript.signIn(DemoUser.ADMIN);
			noScript.open("/tickets");

			noScript.follow("Admin");

			assertThat(noScript.path()).isEqualTo("/admin/pages");
			assertThat(noScript.heading()).isEqualTo("Administration");
			assertThat(menu(plain).isDisplayed()).isFalse();
			for (Map.Entry<String, String> page : ADMIN_PAGES.entrySet()) {
				noScript.open("/admin/pages");
				noScript.follow(page.getKey());
				assertThat(noScript.path()).isEqualTo(page.getValue());
				assertThat(toggle(plain).getDomAttribute("aria-current")).isEqualTo("true");
			}
		}
	}

	@Test
	void aClickOpensTheDropdownInPlace() {
		pages.signIn(DemoUser.ADMIN);
		pages.open("/tickets");

		toggle(chrome).click();

		pages.await(d -> menu(chrome).isDisplayed());
		assertThat(pages.path()).isEqualTo("/tickets");
		assertThat(toggle(chrome).getDomAttribute("aria-expanded")).isEqualTo("true");
		assertThat(menu(chrome).findElements(By.tagName("a")).stream().map(WebElement::getText).toList())
			.containsExactly("Users", "Activity", "Mail", "Clients", "Product areas", "All admin pages");

		pages.andWaitForNextPage(() -> menu(chrome).findElement(By.linkText("Mail")).click());

		assertThat(pages.path()).isEqualTo("/admin/mail");
		assertThat(chrome.driver.findElements(By.cssSelector("[aria-current=page]"))
			.stream()
			.map(link -> link.getDomAttribute("href"))
			.toList()).containsExactly("/admin/mail");
		assertThat(toggle(chrome).getDomAttribute("class")).contains("active");
	}

	@Test
	void theKeyboardOpensAndWalksTheDropdown() {
		pages.signIn(DemoUser.ADMIN);
		pages.open("/tickets");
		tabTo(toggle(chrome));

		press(Keys.ENTER);
		pages.await(d -> menu(chrome).isDisplayed());
		assertThat(pages.path()).isEqualTo("/tickets");
		press(Keys.ESCAPE);
		pages.await(d -> !menu(chrome).isDisplayed());
		assertThat(focused()).isEqualTo(toggle(chrome));

		press(Keys.ARROW_DOWN); // opens and moves to the first entry
		pages.await(d -> menu(chrome).isDisplayed());
		assertThat(focused().getText()).isEqualTo("Users");
		assertFocusVisible();
		press(Keys.ARROW_DOWN);
		assertThat(focused().getText()).isEqualTo("Activity");
		assertFocusVisible();

		pages.andWaitForNextPage(() -> press(Keys.ENTER));
		assertThat(pages.path()).isEqualTo("/admin/activity");
	}

	@Test
	void theAdminNavbarIsOneLineAt1280() {
		pages.signIn(DemoUser.ADMIN);
		for (String path : List.of("/tickets", "/admin/product-areas")) {
			pages.open(path);
			assertOneLine(path);
		}
		// The submitter's bar has the longest name and was two lines before too.
		pages.signIn(DemoUser.SUBMITTER);
		pages.open("/tickets");
		assertOneLine("/tickets as the submitter");
	}

	/**
	 * All nav items start at the first one's top; brand, account links and the sign-out
	 * button are centred within its height.
	 */
	private void assertOneLine(String page) {
		List<WebElement> items = chrome.driver.findElements(By.cssSelector(".navbar-nav > .nav-item"));
		Rectangle first = items.get(0).getRect();
		Rectangle last = items.get(items.size() - 1).getRect();
		assertThat(last.getY()).as("top of the last nav item on %s", page).isEqualTo(first.getY());
		for (WebElement other : chrome.driver.findElements(By.cssSelector(".navbar-brand, .navbar .btn"))) {
			Rectangle box = other.getRect();
			assertThat(box.getY() + box.getHeight() / 2).as("%s on %s", other.getDomAttribute("href"), page)
				.isBetween(first.getY(), first.getY() + first.getHeight());
		}
	}

	private void tabTo(WebElement target) {
		for (int i = 0; i < MAX_TABS; i++) {
			press(Keys.TAB);
			if (focused().equals(target)) {
				assertFocusVisible();
				return;
			}
		}
		throw new AssertionError("The Admin menu is not reached with " + MAX_TABS + " Tabs");
	}

	private static WebElement toggle(Chrome browser) {
		return browser.driver.findElement(By.id("admin-menu"));
	}

	private static WebElement menu(Chrome browser) {
		return browser.driver.findElement(By.cssSelector("#admin-menu + .dropdown-menu"));
	}

	private void press(Keys key) {
		new Actions(chrome.driver).sendKeys(key).perform();
	}

	private WebElement focused() {
		return chrome.driver.switchTo().activeElement();
	}

	/** A focus indicator is drawn: an outline or Bootstrap's focus shadow. */
	private void assertFocusVisible() {
		WebElement element = focused();
		boolean outline = !"none".equals(element.getCssValue("outline-style"))
				&& !element.getCssValue("outline-width").startsWith("0");
		boolean shadow = !"none".equals(element.getCssValue("box-shadow"));
		assertThat(outline || shadow).as("visible focus on %s (%s)", element.getTagName(), element.getText()).isTrue();
	}

}
