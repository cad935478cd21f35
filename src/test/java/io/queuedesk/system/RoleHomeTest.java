package io.queuedesk.system;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

import io.queuedesk.queue.QueueFixture;
import io.queuedesk.user.Role;
import io.queuedesk.user.TestUsers;

/**
 * Each role lands on its own home (docs/RULES.md#pages-and-routes) and the URL rules
 * fence off the admin pages.
 */
@SpringBootTest
@AutoConfigureMockMvc
class RoleHomeTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	@Test
	void adminHomeIsTheDashboard() throws Exception {
		mvc.perform(get("/").cookie(signIn("admin@example.com", "adminP@55word"))).andExpect(redirectedUrl("/admin"));
	}

	@Test
	void developerAndSubmitterHomeIsTheirTickets() throws Exception {
		mvc.perform(get("/").cookie(signIn("developer1@example.com", "P@55word")))
			.andExpect(redirectedUrl("/my/tickets"));
		mvc.perform(get("/").cookie(signIn("user@example.com", "P@55word"))).andExpect(redirectedUrl("/my/tickets"));
	}

	@Test
	void anonymousVisitorsAreSentToTheLoginPage() throws Exception {
		for (String page : new String[] { "/", "/my/tickets", "/admin" }) {
			mvc.perform(get(page).accept(MediaType.TEXT_HTML))
				.andExpect(status().isFound())
				.andExpect(header().string("Location", endsWith("/login")));
		}
	}

	@Test
	void dashboardIsForAdminsOnly() throws Exception {
		mvc.perform(get("/admin").cookie(signIn("admin@example.com", "adminP@55word")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Tickets by status")))
			.andExpect(content().string(containsString("Ada Admin")));
		mvc.perform(get("/admin").cookie(signIn("developer1@example.com", "P@55word")))
			.andExpect(status().isForbidden());
		mvc.perform(get("/admin").cookie(signIn("user@example.com", "P@55word"))).andExpect(status().isForbidden());
	}

	@Test
	void developerSeesTheTicketsAssignedToThem() throws Exception {
		Fixture f = new Fixture();

		mvc.perform(get("/my/tickets").cookie(signIn(f.developer, "Dev-pass-1")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(f.client)))
			.andExpect(content().string(containsString(f.assignedToDeveloper)))
			.andExpect(content().string(not(containsString(f.assignedToSomeoneElse))));
	}

	@Test
	void submitterSeesTheTicketsTheyRaisedWithTheirPlaceInTheQueue() throws Exception {
		Fixture f = new Fixture();

		mvc.perform(get("/my/tickets").cookie(signIn(f.submitter, "Sub-pass-1")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(f.assignedToDeveloper)))
			.andExpect(content().string(containsString("#1 of 2 in " + HtmlUtils.htmlEscape(f.client + "'s queue"))))
			.andExpect(content().string(not(containsString(f.assignedToSomeoneElse))))
			.andExpect(content().string(not(containsString("Assigned to me"))));
	}

	/**
	 * A client of its own with two tickets: one raised by a fresh submitter for a fresh
	 * developer, one not.
	 */
	class Fixture {

		final String tag = UUID.randomUUID().toString().substring(0, 8);

		final String developer = TestUsers.uniqueEmail("home-dev");

		final String submitter = TestUsers.uniqueEmail("home-sub");

		final String client = "Home client " + tag;

		final String assignedToDeveloper = "Home ticket for the developer " + tag;

		final String assignedToSomeoneElse = "Home ticket for someone else " + tag;

		Fixture() {
			long dev = TestUsers.insert(jdbc, encoder, developer, "Dev-pass-1", Role.DEVELOPER, true, true, null);
			long sub = TestUsers.insert(jdbc, encoder, submitter, "Sub-pass-1", Role.SUBMITTER, true, true, null);
			long admin = jdbc.sql("select id from users where email = 'admin@example.com'").query(Long.class).single();
			Timestamp now = Timestamp.from(Instant.now());
			jdbc.sql("insert into clients (name, created_at) values (?, ?)").params(client, now).update();
			long clientId = jdbc.sql("select id from clients where name = ?").param(client).query(Long.class).single();
			jdbc.sql("insert into product_areas (name, created_at) values (?, ?)")
				.params("Home area " + tag, now)
				.update();
			long area = jdbc.sql("select id from product_areas where name = ?")
				.param("Home area " + tag)
				.query(Long.class)
				.single();
			String insert = """
					insert into tickets (title, description, client_id, product_area_id, queue_rank, status, assignee_id,
					  submitter_id, created_at, updated_at) values (?, 'd', ?, ?, ?, 'OPEN', ?, ?, ?, ?)
					""";
			jdbc.sql(insert)
				.params(assignedToDeveloper, clientId, area, QueueFixture.rank(1), dev, sub, now, now)
				.update();
			jdbc.sql(insert)
				.params(assignedToSomeoneElse, clientId, area, QueueFixture.rank(2), admin, admin, now, now)
				.update();
			QueueFixture.recount(jdbc, clientId);
		}

	}

	/**
	 * The session cookie after signing in. Sessions live in Spring Session's store (the
	 * database), not in MockMvc's MockHttpSession, so later requests carry the cookie as
	 * a browser would.
	 */
	private Cookie signIn(String email, String password) throws Exception {
		return mvc.perform(formLogin().user(email).password(password))
			.andExpect(redirectedUrl("/"))
			.andReturn()
			.getResponse()
			.getCookie("SESSION");
	}

}
