package io.queuedesk.browser;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Small steps on the app's real pages, found the way a user finds them: fields by their
 * label, buttons and links by their text. Flow tests are sequences of these, so new steps
 * stay short.
 */
final class Pages {

	private static final Pattern TICKET_URL = Pattern.compile("/tickets/(\\d+)");

	final WebDriver driver;

	private final String base;

	private DemoUser signedIn = DemoUser.ANONYMOUS;

	Pages(WebDriver driver, int port) {
		this.driver = driver;
		this.base = "http://localhost:" + port;
	}

	void open(String path) {
		driver.get(base + path);
	}

	/**
	 * Signs in through the login form; signs the current user out first when it is
	 * someone else.
	 */
	void signIn(DemoUser user) {
		if (user == signedIn) {
			return;
		}
		signOut();
		if (user == DemoUser.ANONYMOUS) {
			return;
		}
		signInWith(user.email, user.password, user.displayName);
		signedIn = user;
	}

	/** Signs in as an account made by the test itself (not one of the demo users). */
	void signIn(String email, String password, String displayName) {
		signOut();
		signInWith(email, password, displayName);
		signedIn = null;
	}

	private void signInWith(String email, String password, String displayName) {
		open("/login");
		fill("Email", email);
		fill("Password", password);
		click("Sign in");
		if (!driver.getPageSource().contains("Signed in as " + displayName)) {
			throw new IllegalStateException("Sign-in as " + email + " failed on " + driver.getCurrentUrl());
		}
	}

	void signOut() {
		if (signedIn != DemoUser.ANONYMOUS) {
			open("/tickets");
			click("Sign out");
			signedIn = DemoUser.ANONYMOUS;
		}
	}

	/** The form control whose label reads exactly {@code label}. */
	WebElement field(String label) {
		String id = driver.findElement(By.xpath("//label[normalize-space()=" + literal(label) + "]"))
			.getDomAttribute("for");
		return driver.findElement(By.id(id));
	}

	void fill(String label, String value) {
		WebElement field = field(label);
		field.clear();
		field.sendKeys(value);
	}

	void choose(String label, String option) {
		new Select(field(label)).selectByVisibleText(option);
	}

	void check(String label) {
		WebElement box = field(label);
		if (!box.isSelected()) {
			box.click();
		}
	}

	/**
	 * Clicks the visible button (or summary) whose text, hidden text included, reads
	 * exactly {@code text}.
	 */
	void click(String text) {
		// A button is found by its accessible name: its text or, for an icon button, its
		// aria-label.
		WebElement target = visible(By.xpath("//button[normalize-space()=" + literal(text) + " or @aria-label="
				+ literal(text) + "] | //summary[normalize-space()=" + literal(text) + "]"));
		if (target.getTagName().equals("summary")) {
			target.click(); // opens a <details> in place
		}
		else {
			andWaitForNextPage(target::click);
		}
	}

	void follow(String linkText) {
		WebElement link = visible(By.xpath("//a[normalize-space()=" + literal(linkText) + "]"));
		andWaitForNextPage(link::click);
	}

	/**
	 * Runs an action that loads a new page, and returns once that page has replaced the
	 * current one.
	 */
	void andWaitForNextPage(Runnable action) {
		WebElement current = driver.findElement(By.tagName("html"));
		action.run();
		new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> replaced(current));
		new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> d.findElements(By.tagName("footer")).size() > 0);
	}

	/**
	 * Whether the page that held the element is gone: it is stale, or, asked at the very
	 * moment the new document replaces it, ChromeDriver says the node "does not belong to
	 * the document" (an error of its own, which Selenium's stalenessOf does not expect).
	 */
	private static boolean replaced(WebElement element) {
		try {
			return Boolean.TRUE.equals(ExpectedConditions.stalenessOf(element).apply(null));
		}
		catch (WebDriverException ex) {
			if (String.valueOf(ex.getMessage()).contains("does not belong to the document")) {
				return true;
			}
			throw ex;
		}
	}

	private WebElement visible(By by) {
		List<WebElement> found = driver.findElements(by).stream().filter(WebElement::isDisplayed).toList();
		if (found.isEmpty()) {
			throw new IllegalStateException("Nothing visible matches " + by + " on " + driver.getCurrentUrl());
		}
		// ChromeDriver's own scrolling misjudges headless Chromium's viewport; centre the
		// element first.
		// (WebDriver scripts run even when the page's JavaScript is switched off.)
		// Instantly:
		// Bootstrap makes scrolling smooth, and a click while the page still glides lands
		// where the
		// element was a moment ago ("not clickable at point (276, -14)", or on nothing at
		// all).
		((JavascriptExecutor) driver)
			.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", found.get(0));
		return found.get(0);
	}

	/**
	 * The success or error message shown after the last action, or "" when there is none.
	 */
	String flash() {
		return driver.findElements(By.cssSelector("main > .alert"))
			.stream()
			.map(WebElement::getText)
			.findFirst()
			.orElse("");
	}

	String heading() {
		return driver.findElement(By.tagName("h1")).getText();
	}

	String mainText() {
		return driver.findElement(By.tagName("main")).getText();
	}

	/** The ticket page's status badge. */
	String ticketStatus() {
		return driver.findElement(By.cssSelector("h1 + .status-badge")).getText();
	}

	/** The "#3 of 12 in Client A's queue" line of the ticket page. */
	String ticketPosition() {
		return driver.findElement(By.cssSelector("main p.lead")).getText();
	}

	/** The id of the ticket whose page is open. */
	long ticketId() {
		Matcher matcher = TICKET_URL.matcher(driver.getCurrentUrl());
		if (!matcher.find()) {
			throw new IllegalStateException("Not on a ticket page: " + driver.getCurrentUrl());
		}
		return Long.parseLong(matcher.group(1));
	}

	String path() {
		return driver.getCurrentUrl().substring(base.length());
	}

	/** Waits up to five seconds for something the page's JavaScript does. */
	void await(Function<WebDriver, Boolean> condition) {
		new WebDriverWait(driver, Duration.ofSeconds(5)).until(condition);
	}

	/** An XPath string literal for any text (titles may contain quotes). */
	private static String literal(String text) {
		if (!text.contains("'")) {
			return "'" + text + "'";
		}
		return "concat('" + text.replace("'", "', \"'\", '") + "')";
	}

}
