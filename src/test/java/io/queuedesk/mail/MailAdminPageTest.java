package io.queuedesk.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * /admin/mail: admins see failed mails with their error and can retry them; nobody else
 * gets in.
 */
@SpringBootTest
@AutoConfigureMockMvc
class MailAdminPageTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService accounts;

	@Test
	void adminsSeeFailedMailsAndRetryThem() throws Exception {
		String recipient = "failed-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
		Timestamp old = Timestamp.from(Instant.now().minus(Duration.ofDays(2)));
		jdbc.sql("""
				insert into mail_outbox (recipient, subject, text_body, html_body, status, attempts, next_attempt_at,
				  last_error, created_at) values (?, 'Given up', 't', 'h', 'FAILED', 40, ?, 'Connection refused', ?)
				""").params(recipient, old, old).update();
		long id = jdbc.sql("select id from mail_outbox where recipient = ?")
			.param(recipient)
			.query(Long.class)
			.single();

		String page = mvc.perform(get("/admin/mail").with(user(accounts.loadUserByUsername("admin@example.com"))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains(recipient)
			.contains("Connection refused")
			.contains("Retry now")
			.contains("/admin/mail/" + id + "/retry");

		mvc.perform(post("/admin/mail/{id}/retry", id).with(user(accounts.loadUserByUsername("admin@example.com")))
			.with(csrf())).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/admin/mail?page=0"));
		var row = jdbc.sql("select status, next_attempt_at from mail_outbox where id = ?")
			.param(id)
			.query((rs, n) -> new Object[] { rs.getString(1), rs.getTimestamp(2).toInstant() })
			.single();
		assertThat(row[0]).isEqualTo("PENDING");
		assertThat((Instant) row[1]).isBefore(Instant.now().plusSeconds(1));
		jdbc.sql("update mail_outbox set status = 'SENT' where id = ?").param(id).update();
	}

	@Test
	void onlyAdminsGetIn() throws Exception {
		mvc.perform(get("/admin/mail").with(user(accounts.loadUserByUsername("developer1@example.com"))))
			.andExpect(status().isForbidden());
		mvc.perform(
				post("/admin/mail/1/retry").with(user(accounts.loadUserByUsername("user@example.com"))).with(csrf()))
			.andExpect(status().isForbidden());
	}

}
