package io.queuedesk.comment;

/**
 * Refusals of {@link CommentService} for the slice tests of the web layer
 * ({@code comment.web}), which mock the service: the exception's constructor is internal
 * to {@code comment}.
 */
public final class CommentRefusals {

	private CommentRefusals() {
	}

	/** The refusal with this message code, as the service throws it. */
	public static CommentRefusedException refused(String code) {
		return new CommentRefusedException(code);
	}

}
