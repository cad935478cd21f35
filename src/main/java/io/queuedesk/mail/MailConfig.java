package io.queuedesk.mail;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Turns on the scheduler for the outbox worker and the daily digest. */
@Configuration
@EnableScheduling
class MailConfig {

}
