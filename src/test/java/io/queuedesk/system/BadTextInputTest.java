package io.queuedesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 12, point 3, over real HTTP on H2 and PostgreSQL (which cannot store NUL): every
 * form that took a NUL to the database answers with the field error and saves nothing;
 * searches and filters with one answer 400 (the error page, JSON under /api); sign-in and
 * forgotten password answer as for any unknown account. Never a 5xx, never a misleading
 * "exists" or "Check your inbox".
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class BadTextInputTest {

	static final String CONTROL = "must not contain control characters";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void searchesAndFiltersWithAControlCharacterAnswer400() throws Exception {
		HttpSessionClient admin = admin();
		for (String path : List.of("/tickets?q=%00", "/archive?q=%00", "/admin/users?q=%00", "/admin/activity?user=%00",
				"/tickets?status=OPEN&q=a%07b", "/my/tickets?after=%00", "/admin/activity/export.csv?user=%00",
				"/queues/1?%00=x")) {
			HttpResponse<String> page = admin.get(path);
			assertThat(page.statusCode()).as(path).isEqualTo(400);
			assertThat(page.body()).as(path).contains("The request could not be understood");
		}
		HttpResponse<String> api = admin.get("/api/tickets?q=%00", "application/json");
		assertThat(api.statusCode()).isEqualTo(400);
		assertThat(api.headers().firstValue("Content-Type")).get().asString().contains("json");
		assertThat(api.body()).contains("\"status\":400");
		assertThat(admin.get("/tickets?q=%E2%80%8Binvoice").statusCode()).as("format characters are searchable")
			.isEqualTo(200);
	}

	@Test
	void aTicketWithANulIsRefusedNextToTheFieldAndNothingIsSaved() throws Exception {
		HttpSessionClient admin = admin();
		String marker = unique("nul-ticket");

		assertFieldError(admin.post("/tickets/new", "/tickets/new", ticket("t\0itle", marker)));
		assertFieldError(admin.post("/tickets/new", "/tickets/new", ticket(marker, "d\0esc")));
		assertThat(count("select count(*) from tickets where title = ? or description = ?", marker, marker)).isZero();

		long id = created(admin.post("/tickets/new", "/tickets/new", ticket(marker, "A clean description")));
		long version = jdbc.sql("select version from tickets where id = ?").param(id).query(Long.class).single();
		assertFieldError(admin.post("/tickets/" + id + "/edit", "/tickets/" + id + "/edit", "title", "t\0itle",
				"description", "d\0esc", "productAreaId", String.valueOf(id("product_areas", "Billing")), "version",
				String.valueOf(version)));
		assertThat(jdbc.sql("select title from tickets where id = ?").param(id).query(String.class).single())
			.isEqualTo(marker);

		HttpResponse<String> comment = admin.post("/tickets/" + id, "/tickets/" + id + "/comments", "body",
				"c\0omment " + marker);
		assertThat(comment.statusCode()).isEqualTo(302);
		assertThat(admin.get("/tickets/" + id).body()).contains(CONTROL);
		assertThat(count("select count(*) from comments where ticket_id = ? and body like ?", id, "%" + marker))
			.isZero();
	}

	@Test
	void aNameWithANulIsAFieldErrorNotATakenName() throws Exception {
		HttpSessionClient admin = admin();
		String marker = unique("nul-name");
		for (String path : List.of("/admin/clients", "/admin/product-areas")) {
			HttpResponse<String> page = admin.post(path, path, "name", "cl\0ient " + marker);
			assertFieldError(page);
			assertThat(page.body()).as(path).doesNotContain("with this name exists");
			assertThat(admin.post(path, path, "name", "\u202E\u200B\uFEFF").body()).as(path)
				.contains("change the writing direction");
		}
		assertThat(count("select count(*) from clients where name like ?", "%" + marker)).isZero();
		assertThat(count("select count(*) from product_areas where name like ?", "%" + marker)).isZero();
	}

	@Test
	void aUserWithANulInTheNameIsAFieldErrorNotATakenEmail() throws Exception {
		String email = unique("nul-user") + "@test.example";
		HttpResponse<String> page = admin().post("/admin/users/new", "/admin/users/new", "email", email, "displayName",
				"n\0ame", "roles", "SUBMITTER", "generatePassword", "true");
		assertFieldError(page);
		assertThat(page.body()).doesNotContain("An account with this email exists");
		assertThat(count("select count(*) from users where email = ?", email)).isZero();
		assertThat(count("select count(*) from mail_outbox where recipient = ?", email)).isZero();
	}

	@Test
	void aRegistrationWithANulIsAFieldErrorNotCheckYourInbox() throws Exception {
		String email = unique("nul-register") + "@test.example";
		HttpResponse<String> page = new HttpSessionClient(port).post("/register", "/register", "email", email,
				"displayName", "r\0eg", "password", "Right-pass-1", "confirmPassword", "Right-pass-1");
		assertFieldError(page);
		assertThat(page.body()).doesNotContain("Check your inbox");
		assertThat(count("select count(*) from users where email = ?", email)).isZero();
		assertThat(count("select count(*) from mail_outbox where recipient = ?", email)).isZero();
	}

	@Test
	void signInAndForgottenPasswordWithANulAnswerAsForAnyUnknownAccount() throws Exception {
		HttpResponse<String> signIn = new HttpSessionClient(port).signIn("us\0er@example.com", "P@55word");
		assertThat(signIn.statusCode()).isEqualTo(302);
		assertThat(signIn.headers().firstValue("Location")).get().asString().endsWith("/login?error");

		assertFieldError(new HttpSessionClient(port).post("/password/forgot", "/password/forgot", "email",
				"us\0er@example.com"));
	}

	private HttpSessionClient admin() throws Exception {
		HttpSessionClient admin = new HttpSessionClient(port);
		assertThat(admin.signIn("admin@example.com", "adminP@55word").headers().firstValue("Location")).get()
			.asString()
			.doesNotContain("error");
		return admin;
	}

	private String[] ticket(String title, String description) {
		return new String[] { "title", title, "description", description, "clientId",
				String.valueOf(id("clients", "Client A")), "productAreaId",
				String.valueOf(id("product_areas", "Billing")) };
	}

	private static void assertFieldError(HttpResponse<String> page) {
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains(CONTROL).contains("aria-invalid=\"true\"");
	}

	private static long created(HttpResponse<String> response) {
		String location = response.headers().firstValue("Location").orElseThrow();
		return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
	}

	private long id(String table, String name) {
		return jdbc.sql("select id from " + table + " where name = ?").param(name).query(Long.class).single();
	}

	private long count(String sql, Object... params) {
		return jdbc.sql(sql).params(params).query(Long.class).single();
	}

	private static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

}
