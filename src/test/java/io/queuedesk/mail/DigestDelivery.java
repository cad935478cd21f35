package io.queuedesk.mail;

import org.springframework.context.ApplicationContext;

/** For tests of other features: fires the daily overdue digest as its schedule would. */
public final class DigestDelivery {

	private DigestDelivery() {
	}

	/** What the digest's cron runs on that instance. */
	public static void fire(ApplicationContext context) {
		context.getBean(OverdueDigest.class).scheduled();
	}

}
