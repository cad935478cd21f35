package io.queuedesk.system;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How {@link DatabaseAvailability} probes a database that stopped answering
 * ({@code queuedesk.db.*}; defaults and environment variables:
 * {@code application.properties}).
 *
 * @param probeInterval how often an unreachable database is asked whether it is back
 * @param livenessAfter liveness DOWN once it stayed unreachable this long; zero: never
 */
@Validated
@ConfigurationProperties("queuedesk.db")
public record DatabaseProbeSettings(@NotNull @DurationMin(millis = 1) Duration probeInterval,
		@NotNull @DurationMin(millis = 0) Duration livenessAfter) {
}
