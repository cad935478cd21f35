package io.queuedesk.system;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One clock for the whole app, so tests can fix "today" (overdue, token expiry, lockout),
 * and the demo data can write its history at past times ({@link ReplayClock}).
 */
@Configuration
class ClockConfig {

	@Bean
	Clock clock() {
		return new ReplayClock(Clock.systemDefaultZone());
	}

}
