package io.queuedesk.mail;

import org.springframework.context.ApplicationContext;

/**
 * For full-app tests of other features: runs the outbox worker once, as its schedule
 * would.
 */
public final class OutboxDelivery {

	private OutboxDelivery() {
	}

	/** Sends every due mail now; returns how many were sent. */
	public static int sendDue(ApplicationContext context) {
		return context.getBean(MailWorker.class).sendDue();
	}

}
