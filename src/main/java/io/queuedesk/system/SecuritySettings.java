package io.queuedesk.system;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The settings of the doors open to visitors: whether they may register, and how often
 * one client address may try to sign in or ask for account mail per minute. Defaults and
 * environment variables: {@code application.properties}; a value out of range fails the
 * start.
 *
 * @param registration {@code queuedesk.registration.*}
 * @param login {@code queuedesk.login.*}: POST {@code /login}
 * @param accountMail {@code queuedesk.account-mail.*}: POST {@code /register} and
 * {@code /password/forgot}
 */
@Validated
@ConfigurationProperties("queuedesk")
public record SecuritySettings(@Valid @NotNull Registration registration, @Valid @NotNull RateLimit login,
		@Valid @NotNull RateLimit accountMail) {

	/**
	 * @param enabled {@code false} switches self-registration off
	 */
	public record Registration(boolean enabled) {
	}

	/**
	 * @param maxPerAddressPerMinute requests allowed per client address and minute; more
	 * answer 429
	 */
	public record RateLimit(@Min(1) int maxPerAddressPerMinute) {
	}

}
