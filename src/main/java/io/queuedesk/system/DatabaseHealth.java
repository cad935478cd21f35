package io.queuedesk.system;

import javax.sql.DataSource;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.jdbc.health.DataSourceHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The readiness group's {@code db} check (Boot's own, under its bean name, so Boot adds
 * none), answering DOWN at once while the database is known to be unreachable
 * (DatabaseAvailability) instead of waiting for the pool's connection timeout on every
 * probe: a readiness probe that takes seconds is itself a failure for most orchestrators,
 * and holds a request thread.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseHealth {

	@Bean
	HealthIndicator dbHealthIndicator(DataSource dataSource, DatabaseAvailability availability) {
		DataSourceHealthIndicator check = new DataSourceHealthIndicator(dataSource);
		return () -> availability.isUnreachable() ? Health.down().withDetail("reason", "database unreachable").build()
				: check.health();
	}

}
