package io.queuedesk.comment.web;

import java.io.Serial;
import java.io.Serializable;

import jakarta.validation.constraints.Size;

import io.queuedesk.comment.Comment;
import io.queuedesk.system.CleanText;

/**
 * The comment form of the ticket page (docs/RULES.md#pages-and-routes: {@code body},
 * {@code internal}; an unticked checkbox is simply absent). The text may be empty when
 * files come with it ({@code files}, bound separately: a file cannot travel in a flash
 * attribute); {@code CommentService} refuses an empty comment without files. Serializable
 * because a refused form travels to the next page as a flash attribute, in the session,
 * so that nothing typed is lost.
 */
record CommentForm(@CleanText(multiline = true) @Size(max = Comment.MAX_BODY) String body,
		Boolean internal) implements Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	/**
	 * Browsers send line breaks as CRLF; counted as one character each, as the user sees
	 * them.
	 */
	public CommentForm {
		body = body == null ? null : body.replace("\r\n", "\n");
	}

	static CommentForm empty() {
		return new CommentForm(null, false);
	}

	boolean isInternal() {
		return Boolean.TRUE.equals(internal);
	}

}
