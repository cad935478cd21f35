package io.queuedesk.mail.inbound;

/** Where a message of the {@link InboundMailLog} stands. */
public enum InboundStatus {

	/** Claimed, its transaction not finished yet (or one that recorded no outcome). */
	PROCESSING,

	/** It became a ticket or a comment. */
	ACCEPTED,

	/** Refused for a {@link RefusalReason}; nothing was answered to the sender. */
	REFUSED

}
