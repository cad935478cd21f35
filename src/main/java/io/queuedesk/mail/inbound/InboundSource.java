package io.queuedesk.mail.inbound;

/**
 * How a message came in (SPEC §10): polled from the IMAP mailbox, or posted to the API.
 */
public enum InboundSource {

	IMAP, API

}
