package io.queuedesk.comment;

/**
 * A comment was refused (the user may see the ticket but not comment on it, may not write
 * internal notes, or the text is blank or too long); nothing was written.
 */
public class CommentRefusedException extends RuntimeException {

	private final String code;

	private final Object[] args;

	CommentRefusedException(String code, Object... args) {
		super(code);
		this.code = code;
		this.args = args;
	}

	/** A key of messages.properties. */
	public String code() {
		return code;
	}

	public Object[] args() {
		return args.clone();
	}

}
