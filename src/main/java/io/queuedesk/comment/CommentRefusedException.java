package io.queuedesk.comment;

import io.queuedesk.system.RefusedException;

/**
 * A comment was refused (the user may see the ticket but not comment on it, may not write
 * internal notes, or the text is blank or too long); nothing was written.
 */
public class CommentRefusedException extends RefusedException {

	CommentRefusedException(String code, Object... args) {
		super(code, args);
	}

}
