package io.queuedesk.mail;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The mail settings ({@code queuedesk.base-url} and {@code queuedesk.mail.*}; defaults
 * and environment variables: {@code application.properties}). The worker's delay and the
 * digest's cron are also read by their {@code @Scheduled} annotations; they are bound
 * here so that a wrong value fails the start with the property's name.
 *
 * @param baseUrl public address of the app, for the links in mails
 * @param mail {@code queuedesk.mail.*}
 */
@Validated
@ConfigurationProperties("queuedesk")
public record MailSettings(@NotBlank String baseUrl, @Valid @NotNull Mail mail) {

	/**
	 * @param from sender address
	 * @param worker the outbox worker of this instance
	 * @param digestCron when the overdue digest is queued (Spring cron; {@code -} turns
	 * it off)
	 */
	public record Mail(@NotBlank String from, @Valid @NotNull Worker worker, @NotBlank String digestCron) {
	}

	/**
	 * @param enabled {@code false}: this instance sends no mail (they wait in the outbox)
	 * @param delay pause between two runs
	 */
	public record Worker(boolean enabled, @NotNull @DurationMin(millis = 1) Duration delay) {
	}

}
