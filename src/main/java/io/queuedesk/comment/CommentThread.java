package io.queuedesk.comment;

import java.util.List;

/**
 * What the ticket page's comment section ({@code comments/thread :: thread}) shows, and what the
 * viewer may do there.
 */
public record CommentThread(long ticketId, List<CommentView> comments, boolean canComment,
		boolean canWriteInternal, boolean canDelete, int maxBody) {
}
