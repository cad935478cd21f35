package io.queuedesk.comment;

import static io.queuedesk.comment.CommentTestData.ADMIN;
import static io.queuedesk.comment.CommentTestData.DEV_ONE;
import static io.queuedesk.comment.CommentTestData.DEV_TWO;
import static io.queuedesk.comment.CommentTestData.SUBMITTER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.util.HtmlUtils;

import io.queuedesk.user.SignedInUser;

/**
 * The comment thread on the real ticket page, through security, services and the
 * database.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CommentPageTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService accounts;

	CommentTestData data;

	long ticket;

	@BeforeEach
	void ticket() {
		data = new CommentTestData(jdbc);
		ticket = data.ticket(SUBMITTER, DEV_ONE);
	}

	@Test
	void internalNotesAreShownToStaffWithTheirLabelAndNeverToTheSubmitter() throws Exception {
		String note = "Staff only " + data.tag;
		String comment = "Visible to all " + data.tag;
		long noteId = comment(ADMIN, note, true);
		long commentId = comment(DEV_ONE, comment, false);

		String asSubmitter = page(SUBMITTER);
		assertThat(asSubmitter).contains(comment, "id=\"comment-" + commentId + "\"")
			.doesNotContain(note)
			.doesNotContain("id=\"comment-" + noteId + "\"")
			.doesNotContain("Internal note")
			.doesNotContain("name=\"internal\"")
			.contains("for=\"comment-body\"", "id=\"comment-body\"", "name=\"body\"")
			.doesNotContain("/comments/" + commentId + "/delete");

		String asAdmin = page(ADMIN);
		assertThat(asAdmin).contains(comment, note, "id=\"comment-" + noteId + "\"", ">Internal note<",
				"Internal note (hidden from the submitter)", "name=\"internal\"",
				"action=\"/tickets/" + ticket + "/comments/" + noteId + "/delete\"");
		assertThat(asAdmin.indexOf(note)).as("oldest first").isLessThan(asAdmin.indexOf(comment));

		assertThat(page(DEV_ONE)).contains(note, ">Internal note<", "name=\"internal\"")
			.doesNotContain("/comments/" + noteId + "/delete");
	}

	@Test
	void markupInACommentIsShownAsText() throws Exception {
		String script = "<script>alert('" + data.tag + "')</script>\nsecond line";
		comment(SUBMITTER, script, false);

		String html = page(ADMIN);
		assertThat(html).doesNotContain("<script>alert(").contains(HtmlUtils.htmlEscape(script));
	}

	@Test
	void systemCommentsAreMarkedOnThePage() throws Exception {
		mvc.perform(post("/tickets/{id}/transition", ticket).with(user(account(DEV_ONE)))
			.with(csrf())
			.param("to", "ACCEPTED")).andExpect(status().is3xxRedirection());

		String html = page(SUBMITTER);
		assertThat(html).contains("Status changed from Open to Accepted by Dev One", ">System<");
	}

	/**
	 * Issue 12, point 10: an empty or over-long comment on a ticket the user may not see
	 * is a 404, as any other.
	 */
	@Test
	void anInvalidCommentOnATicketTheUserMayNotSeeIsNotFound() throws Exception {
		mvc.perform(post("/tickets/{id}/comments", ticket).with(user(account(DEV_TWO))).with(csrf()).param("body", ""))
			.andExpect(status().isNotFound());
		mvc.perform(post("/tickets/{id}/comments", ticket).with(user(account(DEV_TWO)))
			.with(csrf())
			.param("body", "x".repeat(Comment.MAX_BODY + 1))).andExpect(status().isNotFound());
	}

	@Test
	void aRefusedCommentComesBackWithTheTextAndTheErrorNextToTheField() throws Exception {
		String tooLong = data.tag + "x".repeat(Comment.MAX_BODY);
		MvcResult refused = mvc
			.perform(post("/tickets/{id}/comments", ticket).with(user(account(SUBMITTER)))
				.with(csrf())
				.param("body", tooLong))
			.andExpect(status().is3xxRedirection())
			.andReturn();

		// The flash lives in the session (Spring Session's store): follow the redirect
		// with its cookie.
		String html = mvc
			.perform(get("/tickets/{id}", ticket).with(user(account(SUBMITTER)))
				.cookie(refused.getResponse().getCookie("SESSION")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(html).contains(">" + tooLong + "</textarea>", "aria-invalid=\"true\"", "id=\"comment-body-error\"",
				"A comment can be at most 10,000 characters long.");
		assertThat(data.comments(ticket)).isZero();
	}

	@Test
	void someoneWhoMayNotSeeTheTicketGetsNotFound() throws Exception {
		mvc.perform(
				post("/tickets/{id}/comments", ticket).with(user(account(DEV_TWO))).with(csrf()).param("body", "Hi"))
			.andExpect(status().isNotFound());

		assertThat(data.comments(ticket)).isZero();
	}

	/**
	 * Posts the comment form as the user; returns the new comment's id from the redirect.
	 */
	private long comment(String email, String body, boolean internal) throws Exception {
		var request = post("/tickets/{id}/comments", ticket).with(user(account(email)))
			.with(csrf())
			.param("body", body);
		if (internal) {
			request.param("internal", "true");
		}
		String location = mvc.perform(request)
			.andExpect(redirectedUrlPattern("/tickets/" + ticket + "#comment-*"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		return Long.parseLong(location.substring(location.indexOf("#comment-") + "#comment-".length()));
	}

	private String page(String email) throws Exception {
		return mvc.perform(get("/tickets/{id}", ticket).with(user(account(email))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private SignedInUser account(String email) {
		return (SignedInUser) accounts.loadUserByUsername(email);
	}

}
