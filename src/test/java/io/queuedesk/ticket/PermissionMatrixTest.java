package io.queuedesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import io.queuedesk.queue.QueueFixture;
import io.queuedesk.user.SignedInUser;

/**
 * The role × action table (docs/RULES.md#roles-and-visibility), cell by cell, through the
 * real pages. The ticket is raised by the submitter "owner" and assigned to Dev One. Each
 * cell gets a fresh ticket in the status the action needs, and is judged by the answer
 * AND by whether anything changed in the database, so a button hidden in the page but
 * open in the service fails the test.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PermissionMatrixTest {

	enum Who {

		ANONYMOUS, OWNER, OTHER_SUBMITTER, ASSIGNED_DEVELOPER, OTHER_DEVELOPER, ADMIN

	}

	/** OK: done. DENIED: refused (403 or back with a message), nothing changed. */
	enum Outcome {

		OK, DENIED, NOT_FOUND, LOGIN

	}

	private static final String MATRIX = """
			# action         anonymous  owner      other-sub  assigned-dev other-dev  admin
			view             LOGIN      OK         NOT_FOUND  OK           NOT_FOUND  OK
			edit             LOGIN      OK         NOT_FOUND  DENIED       NOT_FOUND  OK
			delete           LOGIN      OK         NOT_FOUND  DENIED       NOT_FOUND  OK
			comment          LOGIN      OK         NOT_FOUND  OK           NOT_FOUND  OK
			internal-note    LOGIN      DENIED     NOT_FOUND  OK           NOT_FOUND  OK
			accept           LOGIN      DENIED     NOT_FOUND  OK           NOT_FOUND  OK
			start            LOGIN      DENIED     NOT_FOUND  OK           NOT_FOUND  OK
			hold             LOGIN      DENIED     NOT_FOUND  OK           NOT_FOUND  OK
			resume           LOGIN      DENIED     NOT_FOUND  OK           NOT_FOUND  OK
			complete         LOGIN      DENIED     NOT_FOUND  OK           NOT_FOUND  OK
			reopen           LOGIN      OK         NOT_FOUND  DENIED       NOT_FOUND  OK
			assign           LOGIN      DENIED     NOT_FOUND  DENIED       NOT_FOUND  OK
			move             LOGIN      DENIED     NOT_FOUND  DENIED       NOT_FOUND  OK
			transfer         LOGIN      DENIED     NOT_FOUND  DENIED       NOT_FOUND  OK
			""";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService accounts;

	long client;

	long otherClient;

	long area;

	long owner;

	long devOne;

	long devTwo;

	@BeforeEach
	void fixture() {
		client = newClient();
		otherClient = newClient();
		area = jdbc.sql("select min(id) from product_areas where active = true").query(Long.class).single();
		owner = userId("user@example.com");
		devOne = userId("developer1@example.com");
		devTwo = userId("developer2@example.com");
		if (jdbc.sql("select count(*) from users where email = 'other-submitter@matrix.test'")
			.query(Long.class)
			.single() == 0) {
			jdbc.sql(
					"""
							insert into users (email, display_name, password_hash, active, confirmed, failed_login_count, created_at, version)
							values ('other-submitter@matrix.test', 'Other Submitter', '{noop}x', true, true, 0, current_timestamp, 0)
							""")
				.update();
			jdbc.sql("insert into user_roles (user_id, role) values (?, 'SUBMITTER')")
				.param(userId("other-submitter@matrix.test"))
				.update();
		}
	}

	@ParameterizedTest(name = "{0} by {1}: {2}")
	@MethodSource("cells")
	void cell(String action, Who who, Outcome expected) throws Exception {
		String status = switch (action) {
			case "start", "hold" -> action.equals("start") ? "ACCEPTED" : "IN_PROGRESS";
			case "resume" -> "ON_HOLD";
			case "complete" -> "IN_PROGRESS";
			case "reopen" -> "COMPLETED";
			default -> "OPEN";
		};
		long ticket = newTicket(status);
		String before = snapshot(ticket);

		MockHttpServletResponse response = mvc.perform(as(who, request(action, ticket))).andReturn().getResponse();

		boolean changed = !snapshot(ticket).equals(before);
		Outcome actual = judge(action, response, changed);
		assertThat(actual)
			.as("%s by %s (HTTP %d, redirect %s, changed %s)", action, who, response.getStatus(),
					response.getRedirectedUrl(), changed)
			.isEqualTo(expected);
	}

	static Stream<Arguments> cells() {
		List<Arguments> cells = new ArrayList<>();
		for (String line : MATRIX.strip().split("\n")) {
			if (line.startsWith("#")) {
				continue;
			}
			String[] columns = line.trim().split("\\s+");
			for (Who who : Who.values()) {
				cells.add(Arguments.of(columns[0], who, Outcome.valueOf(columns[who.ordinal() + 1])));
			}
		}
		return cells.stream();
	}

	private static Outcome judge(String action, MockHttpServletResponse response, boolean changed) {
		int status = response.getStatus();
		String redirect = response.getRedirectedUrl();
		if (redirect != null && redirect.contains("/login")) {
			return changed ? null : Outcome.LOGIN;
		}
		if (status == 404) {
			return changed ? null : Outcome.NOT_FOUND;
		}
		if (action.equals("view")) {
			return status == 200 ? Outcome.OK : null;
		}
		if (status == 403 || status == 302 && !changed) {
			return changed ? null : Outcome.DENIED;
		}
		return status == 302 && changed ? Outcome.OK : null;
	}

	private MockHttpServletRequestBuilder request(String action, long id) {
		String base = "/tickets/" + id;
		Map<String, BiFunction<String, Long, MockHttpServletRequestBuilder>> actions = Map.ofEntries(
				Map.entry("view", (b, t) -> get(b)),
				Map.entry("edit",
						(b, t) -> post(b + "/edit").param("title", "Edited title")
							.param("description", "Edited")
							.param("productAreaId", String.valueOf(area))
							.param("version", String.valueOf(version(t)))),
				Map.entry("delete", (b, t) -> post(b + "/delete")),
				Map.entry("comment", (b, t) -> post(b + "/comments").param("body", "A comment")),
				Map.entry("internal-note",
						(b, t) -> post(b + "/comments").param("body", "A note").param("internal", "true")),
				Map.entry("accept", (b, t) -> post(b + "/transition").param("to", "ACCEPTED")),
				Map.entry("start", (b, t) -> post(b + "/transition").param("to", "IN_PROGRESS")),
				Map.entry("hold", (b, t) -> post(b + "/transition").param("to", "ON_HOLD")),
				Map.entry("resume", (b, t) -> post(b + "/transition").param("to", "IN_PROGRESS")),
				Map.entry("complete", (b, t) -> post(b + "/transition").param("to", "COMPLETED")),
				Map.entry("reopen", (b, t) -> post(b + "/transition").param("to", "OPEN")),
				Map.entry("assign", (b, t) -> post(b + "/assign").param("assigneeId", String.valueOf(devTwo))),
				Map.entry("move", (b, t) -> post(b + "/move").param("to", "top")),
				Map.entry("transfer", (b, t) -> post(b + "/transfer").param("clientId", String.valueOf(otherClient))));
		return actions.get(action).apply(base, id);
	}

	private MockHttpServletRequestBuilder as(Who who, MockHttpServletRequestBuilder request) {
		request.with(csrf());
		String email = switch (who) {
			case ANONYMOUS -> null;
			case OWNER -> "user@example.com";
			case OTHER_SUBMITTER -> "other-submitter@matrix.test";
			case ASSIGNED_DEVELOPER -> "developer1@example.com";
			case OTHER_DEVELOPER -> "developer2@example.com";
			case ADMIN -> "admin@example.com";
		};
		return email == null ? request : request.with(user((SignedInUser) accounts.loadUserByUsername(email)));
	}

	/**
	 * A fresh ticket of the owner, assigned to Dev One; when queued, below another
	 * ticket.
	 */
	private long newTicket(String status) {
		boolean completed = status.equals("COMPLETED");
		if (!completed) {
			insertTicket("Filler " + UUID.randomUUID(), "OPEN", null);
		}
		String title = "Matrix " + UUID.randomUUID();
		insertTicket(title, status, devOne);
		return jdbc.sql("select id from tickets where title = ?").param(title).query(Long.class).single();
	}

	private void insertTicket(String title, String status, Long assignee) {
		boolean completed = status.equals("COMPLETED");
		Long rank = completed ? null
				: jdbc.sql("select coalesce(max(queue_rank), 0) + 1 from tickets where client_id = ?")
					.param(client)
					.query(Long.class)
					.single();
		jdbc.sql("""
				insert into tickets (title, description, client_id, product_area_id, queue_rank, status, assignee_id,
				  submitter_id, created_at, updated_at, completed_at, version)
				values (?, 'Permission matrix', ?, ?, ?, ?, ?, ?, current_timestamp, current_timestamp, ?, 0)
				""")
			.params(title, client, area, rank, status, assignee, owner,
					completed ? Timestamp.from(Instant.now()) : null)
			.update();
		QueueFixture.recount(jdbc, client);
	}

	/**
	 * Everything an action could change: the ticket row (or its absence) and its
	 * comments.
	 */
	private String snapshot(long ticket) {
		List<String> row = jdbc.sql("""
				select title || '|' || status || '|' || coalesce(cast(assignee_id as varchar(20)), '-') || '|'
				  || coalesce(cast(queue_rank as varchar(30)), '-') || '|' || cast(client_id as varchar(20))
				from tickets where id = ?
				""").param(ticket).query(String.class).list();
		long comments = jdbc.sql("select count(*) from comments where ticket_id = ?")
			.param(ticket)
			.query(Long.class)
			.single();
		return (row.isEmpty() ? "deleted" : row.get(0)) + "|comments=" + comments;
	}

	private long version(long ticket) {
		return jdbc.sql("select version from tickets where id = ?").param(ticket).query(Long.class).single();
	}

	private long newClient() {
		String name = "Matrix " + UUID.randomUUID();
		jdbc.sql("insert into clients (name, active, created_at, version) values (?, true, current_timestamp, 0)")
			.param(name)
			.update();
		return jdbc.sql("select id from clients where name = ?").param(name).query(Long.class).single();
	}

	private long userId(String email) {
		return jdbc.sql("select id from users where email = ?").param(email).query(Long.class).single();
	}

}
