package io.queuedesk.mail.inbound;

/**
 * What became of a message that came in: ACCEPTED with the ticket (and the comment, for a
 * reply) or REFUSED with the reason; {@code duplicate} when the message had been
 * processed before (by its Message-ID) and this is that earlier outcome.
 */
public record InboundResult(InboundStatus status, Long ticketId, Long commentId, RefusalReason reason,
		boolean duplicate) {

	static InboundResult accepted(long ticketId, Long commentId) {
		return new InboundResult(InboundStatus.ACCEPTED, ticketId, commentId, null, false);
	}

	static InboundResult refused(RefusalReason reason) {
		return new InboundResult(InboundStatus.REFUSED, null, null, reason, false);
	}

	static InboundResult duplicateOf(InboundMailLog.Outcome earlier) {
		return new InboundResult(earlier.status(), earlier.ticketId(), earlier.commentId(), earlier.reason(), true);
	}

	public boolean isAccepted() {
		return status == InboundStatus.ACCEPTED;
	}

}
