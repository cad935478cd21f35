package io.queuedesk.mail.inbound;

/**
 * Why a message was refused (SPEC §10), stored as its name in {@code inbound_mail.reason}
 * and shown on /admin/mail as {@code inbound.reason.<name>}. Never answered to the sender
 * (no backscatter).
 */
public enum RefusalReason {

	/** No account has the sender's address. */
	UNKNOWN_SENDER,

	/** The sender's account is deactivated. */
	INACTIVE_SENDER,

	/**
	 * Automatic mail: Auto-Submitted other than "no", Precedence bulk/junk/list,
	 * mailer-daemon.
	 */
	AUTOMATIC,

	/** From Queuedesk's own address. */
	OWN_ADDRESS,

	/** A reply to a ticket the sender may not comment on. */
	MAY_NOT_COMMENT,

	/** Over the size limits of a message or its attachments. */
	TOO_LARGE,

	/** A reply with no text (once quoted history and signature are cut) and no files. */
	EMPTY,

	/**
	 * A new ticket, but no active client: no plus tag names one, and the default client
	 * ({@code QUEUEDESK_MAIL_IN_DEFAULT_CLIENT}) is not set or not active.
	 */
	NO_CLIENT,

	/**
	 * A new ticket, but {@code QUEUEDESK_MAIL_IN_DEFAULT_PRODUCT_AREA} names no active
	 * product area (or there is none at all).
	 */
	NO_PRODUCT_AREA,

	/** Not a message that could be parsed. */
	UNREADABLE

}
