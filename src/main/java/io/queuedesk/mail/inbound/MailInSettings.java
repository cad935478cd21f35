package io.queuedesk.mail.inbound;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Mail in (SPEC §10; {@code queuedesk.mail-in.*}, environment variables in
 * {@code application.properties} and README). Both ways in are off until configured.
 *
 * @param url the IMAP mailbox to poll ({@code imap://} or {@code imaps://}, user and
 * password in the URL, folder in the path); blank: no polling
 * @param poll pause between two polls of the mailbox
 * @param token the bearer token of {@code POST /api/inbound-mail}; blank: the endpoint
 * answers 404
 * @param defaultClient the client (its name, or its name in lower case with hyphens for
 * spaces) whose queue gets new tickets without a matching plus tag; blank: such mail is
 * refused
 * @param defaultProductArea the product area of new tickets by mail (its name); blank:
 * the first active product area by name
 * @param maxMessageBytes the largest message taken, as sent (attachments encoded)
 */
@Validated
@ConfigurationProperties("queuedesk.mail-in")
public record MailInSettings(String url, @NotNull @DurationMin(seconds = 1) Duration poll, String token,
		String defaultClient, String defaultProductArea, @NotNull DataSize maxMessageBytes) {

	public boolean pollingEnabled() {
		return url != null && !url.isBlank();
	}

	public boolean endpointEnabled() {
		return token != null && !token.isBlank();
	}

}
