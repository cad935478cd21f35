package io.queuedesk.comment;

import java.time.Instant;

/**
 * One comment as the ticket page shows it. {@code authorName} is null only for a comment
 * whose author no longer exists; {@code system} marks workflow comments ("Status changed
 * …").
 */
public record CommentView(long id, String authorName, String body, boolean internal, boolean system,
		Instant createdAt) {

	static CommentView of(Comment comment) {
		return new CommentView(comment.getId(),
				comment.getAuthor() == null ? null : comment.getAuthor().getDisplayName(), comment.getBody(),
				comment.isInternal(), comment.isSystemComment(), comment.getCreatedAt());
	}

}
