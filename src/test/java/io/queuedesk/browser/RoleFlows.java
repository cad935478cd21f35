package io.queuedesk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One flow per role through the real pages (issue 7), run by {@link RoleFlowsTest} with
 * JavaScript and by {@link NoJavaScriptFlowsTest} without: forms and buttons must work
 * either way.
 */
abstract class RoleFlows {

	/**
	 * The confirmation link in a registration mail (the raw token exists only in the
	 * mail).
	 */
	private static final Pattern CONFIRM_LINK = Pattern.compile("/register/confirm\\?token=[A-Za-z0-9_-]+");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Chrome chrome;

	Pages pages;

	/**
	 * Makes titles unique to this run: the database is shared by every test of the run.
	 */
	final String tag = UUID.randomUUID().toString().substring(0, 8);

	abstract Chrome startChrome();

	@BeforeAll
	void startBrowser() {
		chrome = startChrome();
		chrome.width(1280);
		pages = new Pages(chrome.driver, port);
	}

	@AfterAll
	void stopBrowser() {
		chrome.close();
	}

	@Test
	void adminRaisesATicketAtTheTopAssignsAndMovesIt() {
		pages.signIn(DemoUser.ADMIN);
		// A client of its own: moving tickets in a demo queue would change what other
		// tests expect there.
		String client = "Browser " + tag;
		pages.open("/admin/clients");
		pages.fill("Name", client);
		pages.click("Add client");
		assertThat(pages.flash()).contains(client);
		raiseTicket("Admin first " + tag, client, "Billing", false);
		long id = raiseTicket("Admin urgent " + tag, client, "Billing", true);
		assertThat(pages.ticketPosition()).isEqualTo("#1 of 2 in " + client + "'s queue");

		pages.choose("Assign to", "Dev One");
		pages.click("Assign");
		assertThat(pages.flash()).contains("#" + id);
		assertThat(pages.field("Assign to").getDomProperty("value")).isEqualTo(String.valueOf(userId("Dev One")));

		pages.follow("Open the queue of " + client);
		assertThat(queueRank(id)).isEqualTo("1");
		pages.click("Move ticket #" + id + " down one");
		assertThat(queueRank(id)).isEqualTo("2");
		pages.click("Move ticket #" + id + " to the top");
		assertThat(queueRank(id)).isEqualTo("1");
	}

	@Test
	void developerAcceptsStartsCommentsAndCompletes() {
		pages.signIn(DemoUser.DEVELOPER);
		raiseTicket("Developer " + tag, "Client C", "Claims", false);
		assertThat(pages.ticketStatus()).isEqualTo("Open");

		pages.click("Accept");
		assertThat(pages.ticketStatus()).isEqualTo("Accepted");
		assertThat(pages.mainText()).contains("Dev One");
		pages.click("Start work");
		assertThat(pages.ticketStatus()).isEqualTo("In progress");
		comment("Working on it " + tag);
		pages.click("Mark completed");
		assertThat(pages.ticketStatus()).isEqualTo("Completed");
		assertThat(pages.ticketPosition()).isEqualTo("Not in a queue (completed)");

		pages.open("/archive?q=Developer+" + tag);
		assertThat(pages.mainText()).contains("Developer " + tag);
	}

	@Test
	void submitterRaisesFollowsCommentsAndReopens() {
		pages.signIn(DemoUser.SUBMITTER);
		long id = raiseTicket("Submitter " + tag, "Client A", "Reports", false);
		assertThat(pages.ticketStatus()).isEqualTo("Open");
		assertThat(pages.ticketPosition()).matches("#\\d+ of \\d+ in Client A's queue");
		comment("Any news? " + tag);

		pages.open("/my/tickets");
		assertThat(pages.mainText()).contains("Submitter " + tag);

		// Someone else finishes the work; the submitter then finds it completed and
		// reopens it.
		pages.signIn(DemoUser.ADMIN);
		pages.open("/tickets/" + id);
		pages.click("Accept");
		pages.click("Start work");
		pages.click("Mark completed");
		assertThat(pages.ticketStatus()).isEqualTo("Completed");

		pages.signIn(DemoUser.SUBMITTER);
		pages.open("/tickets/" + id);
		assertThat(pages.ticketStatus()).isEqualTo("Completed");
		assertThat(pages.mainText()).contains("Any news? " + tag);
		pages.click("Reopen");
		assertThat(pages.ticketStatus()).isEqualTo("Open");
		String position = pages.ticketPosition();
		// Reopened tickets re-enter at the bottom: "#N of N".
		assertThat(position).matches("#(\\d+) of \\1 in Client A's queue");
	}

	@Test
	void adminCreatesAUserWithAGeneratedPasswordWhoCanSignIn() {
		pages.signIn(DemoUser.ADMIN);
		String email = "new.dev." + tag + "@browser.example";
		String name = "New Dev " + tag;
		pages.open("/admin/users");
		pages.follow("New user");
		pages.fill("Email", email.toUpperCase());
		pages.fill("Name", name);
		pages.check("Developer");
		pages.check("Generate a strong password (shown once, on the next page)");
		pages.click("Create user");
		assertThat(pages.flash()).contains(email);
		String password = pages.driver.findElement(By.cssSelector("main .alert code")).getText();
		assertThat(password).hasSizeGreaterThanOrEqualTo(16);
		assertThat(pages.mainText()).contains("Developer").contains("Active");
		// The new user is mailed a link to choose a password, never the password.
		assertThat(jdbc.sql("select text_body from mail_outbox where recipient = ?")
			.param(email)
			.query(String.class)
			.list()).singleElement()
			.satisfies(body -> assertThat(body).contains("/password/reset?token=").doesNotContain(password));

		pages.signIn(email, password, name);
		pages.open("/my/tickets");
		assertThat(pages.heading()).isNotBlank();
		pages.signIn(DemoUser.ADMIN);
	}

	@Test
	void visitorRegistersConfirmsTheEmailAndRaisesATicket() {
		pages.signIn(DemoUser.ANONYMOUS);
		String email = "reg." + tag + "@browser.example";
		String name = "Reg " + tag;
		pages.open("/login");
		pages.follow("Create an account");
		pages.fill("Email", email);
		pages.fill("Your name", name);
		pages.fill("Password", "long enough " + tag);
		pages.fill("Repeat the password", "long enough " + tag);
		pages.click("Create account");
		assertThat(pages.heading()).isEqualTo("Check your inbox");

		String mail = jdbc.sql("select text_body from mail_outbox where recipient = ?")
			.param(email)
			.query(String.class)
			.single();
		Matcher link = CONFIRM_LINK.matcher(mail);
		assertThat(link.find()).as("confirmation link in %s", mail).isTrue();
		pages.open(link.group());
		pages.click("Confirm my email address");
		assertThat(pages.flash()).contains("You can sign in now");

		pages.signIn(email, "long enough " + tag, name);
		raiseTicket("Registered " + tag, "Client B", "Policies", false);
		assertThat(pages.ticketStatus()).isEqualTo("Open");
		assertThat(pages.ticketPosition()).matches("#(\\d+) of \\1 in Client B's queue");
		pages.signIn(DemoUser.ANONYMOUS);
	}

	/**
	 * Fills in /tickets/new and submits it; returns the new ticket's id from the page it
	 * lands on.
	 */
	long raiseTicket(String title, String client, String area, boolean top) {
		pages.open("/tickets/new");
		pages.fill("Title", title);
		pages.fill("Description", "Raised in a browser test.\nSecond line.");
		pages.choose("Client", client);
		pages.choose("Product area", area);
		if (top) {
			pages.check("Put at the top of the client's queue");
		}
		pages.click("Create ticket");
		long id = pages.ticketId();
		assertThat(pages.flash()).contains("Ticket #" + id + " has been created.");
		assertThat(pages.heading()).contains(title);
		return id;
	}

	void comment(String text) {
		pages.fill("Comment", text);
		pages.click("Add comment");
		assertThat(pages.flash()).contains("Your comment has been added.");
		assertThat(pages.driver.findElement(By.id("comments")).getText()).contains(text);
	}

	/** The rank shown in the queue page's row of the ticket. */
	String queueRank(long id) {
		return pages.driver.findElement(By.cssSelector("#ticket-" + id + " td")).getText();
	}

	/** The option value of a person in the page's "Assign to" list. */
	String userId(String displayName) {
		return pages.driver
			.findElement(By.xpath("//select[@id='assign-to']/option[normalize-space()='" + displayName + "']"))
			.getDomAttribute("value");
	}

}
