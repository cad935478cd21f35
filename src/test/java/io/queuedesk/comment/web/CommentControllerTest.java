package io.queuedesk.comment.web;

import java.util.List;

import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import io.queuedesk.comment.Comment;
import io.queuedesk.comment.CommentRefusals;
import io.queuedesk.comment.CommentService;
import io.queuedesk.system.Flash;
import io.queuedesk.system.NotFoundException;
import io.queuedesk.system.SliceSecurity;
import io.queuedesk.user.Role;
import io.queuedesk.user.SignedInUser;
import io.queuedesk.user.TestUsers;

/**
 * The comment form's route: CSRF, validation, refusals keep the text, redirects to the
 * new comment.
 */
@WebMvcTest(CommentController.class)
@Import({ SliceSecurity.class, Flash.class })
class CommentControllerTest {

	static final String CHANGED_BY_OTHERS = "Someone else changed this ticket at the same moment, so nothing was saved. "
			+ "It is shown below as it is now; please check and try again.";

	final SignedInUser submitter = TestUsers.signedIn(4, "sam@test.example", "Sam", Role.SUBMITTER);

	final SignedInUser admin = TestUsers.signedIn(1, "ada@test.example", "Ada", Role.ADMIN);

	@Autowired
	MockMvc mvc;

	@MockitoBean
	CommentService comments;

	@Test
	void postWithoutCsrfTokenIsForbidden() throws Exception {
		mvc.perform(post("/tickets/9/comments").with(user(submitter)).param("body", "Hello"))
			.andExpect(status().isForbidden());
		mvc.perform(post("/tickets/9/comments/5/delete").with(user(admin))).andExpect(status().isForbidden());

		verifyNoInteractions(comments);
	}

	@Test
	void commentRedirectsToTheNewCommentWithAMessage() throws Exception {
		given(comments.add(9, "Hello\nthere", true, List.of(), admin)).willReturn(42L);

		mvc.perform(post("/tickets/9/comments").with(user(admin))
			.with(csrf())
			.param("body", "Hello\r\nthere")
			.param("internal", "true"))
			.andExpect(redirectedUrl("/tickets/9#comment-42"))
			.andExpect(
					flash().attribute("flashSuccess", "Your internal note has been added. Submitters don't see it."));
	}

	@Test
	void absentCheckboxMeansAPublicComment() throws Exception {
		given(comments.add(anyLong(), anyString(), anyBoolean(), anyList(), any())).willReturn(7L);

		mvc.perform(post("/tickets/9/comments").with(user(submitter)).with(csrf()).param("body", "Any news?"))
			.andExpect(redirectedUrl("/tickets/9#comment-7"))
			.andExpect(flash().attribute("flashSuccess", "Your comment has been added."));

		verify(comments).add(9, "Any news?", false, List.of(), submitter);
	}

	@Test
	void blankBodyRedirectsBackWithAnErrorAndSavesNothing() throws Exception {
		mvc.perform(post("/tickets/9/comments").with(user(submitter)).with(csrf()).param("body", "  \r\n "))
			.andExpect(redirectedUrl("/tickets/9"))
			.andExpect(flash().attribute("flashError", "Please write a comment before sending it."))
			.andExpect(flash().attribute("commentBodyError", "Please write a comment before sending it."));

		mvc.perform(post("/tickets/9/comments").with(user(submitter)).with(csrf()))
			.andExpect(redirectedUrl("/tickets/9"))
			.andExpect(flash().attribute("flashError", "Please write a comment before sending it."));

		verify(comments, never()).add(anyLong(), any(), anyBoolean(), anyList(), any());
	}

	@Test
	void controlCharactersAreRefusedWithTheirOwnMessageButLineBreaksAndTabsStay() throws Exception {
		String nul = "This field must not contain control characters (such as NUL); line breaks and tabs are fine.";
		mvc.perform(post("/tickets/9/comments").with(user(submitter)).with(csrf()).param("body", "c\0omment"))
			.andExpect(redirectedUrl("/tickets/9"))
			.andExpect(flash().attribute("flashError", nul))
			.andExpect(flash().attribute("commentBodyError", nul))
			.andExpect(flash().attribute("commentForm", new CommentForm("c\0omment", false)));
		mvc.perform(post("/tickets/9/comments").with(user(submitter)).with(csrf()).param("body", "ding\u0007"))
			.andExpect(flash().attribute("commentBodyError", nul));
		mvc.perform(post("/tickets/9/comments").with(user(submitter)).with(csrf()).param("body", "\u200B\uFEFF"))
			.andExpect(flash().attribute("commentBodyError",
					"Please fill in this field: it holds only invisible characters."));
		verify(comments, never()).add(anyLong(), anyString(), anyBoolean(), anyList(), any());

		given(comments.add(9, "Steps:\n\t1. open\n\t2. save", false, List.of(), submitter)).willReturn(8L);
		mvc.perform(post("/tickets/9/comments").with(user(submitter))
			.with(csrf())
			.param("body", "Steps:\r\n\t1. open\n\t2. save")).andExpect(redirectedUrl("/tickets/9#comment-8"));
	}

	@Test
	void tooLongBodyRedirectsBackKeepingTheText() throws Exception {
		String tooLong = "x".repeat(Comment.MAX_BODY + 1);

		mvc.perform(post("/tickets/9/comments").with(user(admin))
			.with(csrf())
			.param("body", tooLong)
			.param("internal", "true"))
			.andExpect(redirectedUrl("/tickets/9"))
			.andExpect(flash().attribute("flashError",
					"A comment can be at most 10,000 characters long. Your text is kept below; please shorten it."))
			.andExpect(flash().attribute("commentForm", new CommentForm(tooLong, true)));

		verify(comments, never()).add(anyLong(), any(), anyBoolean(), anyList(), any());
	}

	@Test
	void refusedCommentRedirectsBackWithTheMessageAndTheTypedText() throws Exception {
		willThrow(CommentRefusals.refused("comment.internal.refused")).given(comments)
			.add(9, "Secret plan", true, List.of(), submitter);

		mvc.perform(post("/tickets/9/comments").with(user(submitter))
			.with(csrf())
			.param("body", "Secret plan")
			.param("internal", "true"))
			.andExpect(redirectedUrl("/tickets/9"))
			.andExpect(flash().attribute("flashError", "You can't write internal notes on this ticket."))
			.andExpect(flash().attribute("commentForm", new CommentForm("Secret plan", true)));
	}

	@Test
	void aTicketTheUserMayNotSeeIsNotFound() throws Exception {
		given(comments.add(anyLong(), anyString(), anyBoolean(), anyList(), any()))
			.willThrow(new NotFoundException("Ticket", 9));

		mvc.perform(post("/tickets/9/comments").with(user(submitter)).with(csrf()).param("body", "Hello"))
			.andExpect(status().isNotFound());
	}

	/** Issue 12, point 10: the 404 comes before anything is said about the form. */
	@Test
	void anInvalidCommentOnATicketTheUserMayNotSeeIsNotFound() throws Exception {
		willThrow(new NotFoundException("Ticket", 9)).given(comments).requireVisible(9, submitter);

		mvc.perform(post("/tickets/9/comments").with(user(submitter)).with(csrf()).param("body", " "))
			.andExpect(status().isNotFound())
			.andExpect(flash().attributeCount(0));
		mvc.perform(post("/tickets/9/comments").with(user(submitter))
			.with(csrf())
			.param("body", "x".repeat(Comment.MAX_BODY + 1))).andExpect(status().isNotFound());

		verify(comments, never()).add(anyLong(), any(), anyBoolean(), anyList(), any());
	}

	/**
	 * Issue 12, point 2: a comment that lost a race is answered on the ticket page, not
	 * with a 500.
	 */
	@Test
	void aCommentThatLostARaceGoesBackToTheTicketWithAMessage() throws Exception {
		given(comments.add(anyLong(), anyString(), anyBoolean(), anyList(), any()))
			.willThrow(new CannotAcquireLockException("lock timeout"));

		mvc.perform(post("/tickets/9/comments").with(user(submitter)).with(csrf()).param("body", "Hello"))
			.andExpect(redirectedUrl("/tickets/9"))
			.andExpect(flash().attribute("flashError", CHANGED_BY_OTHERS));
	}

	@Test
	void adminDeletesAComment() throws Exception {
		mvc.perform(post("/tickets/9/comments/12345/delete").with(user(admin)).with(csrf()))
			.andExpect(redirectedUrl("/tickets/9"))
			.andExpect(flash().attribute("flashSuccess", "Comment #12345 has been deleted."));

		verify(comments).delete(9, 12345, admin);
	}

	@Test
	void deleteRefusedByMethodSecurityIsForbidden() throws Exception {
		willThrow(new AccessDeniedException("admins only")).given(comments).delete(eq(9L), eq(5L), any());

		mvc.perform(post("/tickets/9/comments/5/delete").with(user(submitter)).with(csrf()))
			.andExpect(status().isForbidden());
	}

}
