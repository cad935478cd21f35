package io.queuedesk.system;

import java.time.Duration;

import jakarta.servlet.DispatcherType;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.MySqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * The session store that the session filter and {@code UserSessions} use: Boot's Spring
 * Session JDBC repository, set up and cleaned up by Boot as usual, wrapped so that it
 * writes the last-access time only once a minute (see SparseAccessTimeSessions). Wrapped
 * rather than replaced: Boot backs off from its whole JDBC session set-up as soon as
 * another session repository bean exists. The jar's commands have no session store: then
 * nothing is wrapped. The store reads a session once per request
 * (SparseAccessTimeSessions.OneReadPerRequest), in a filter just outside Spring
 * Session's.
 */
@Configuration(proxyBeanMethods = false)
class SessionStoreConfig {

	static final String INTERVAL = "queuedesk.session.access-time-interval";

	@Bean
	static BeanPostProcessor sparseAccessTimeSessions(Environment environment) {
		Duration interval = environment.getProperty(INTERVAL, Duration.class, Duration.ofMinutes(1));
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				return (bean instanceof JdbcIndexedSessionRepository sessions)
						? new SparseAccessTimeSessions<>(sessions, interval) : bean;
			}
		};
	}

	/**
	 * Two requests of one session that set the same attribute for the first time at once
	 * (eight uploads sent in parallel from one browser, each leaving a flash message)
	 * both INSERTed its row: all but the first failed on the primary key and answered
	 * 500, on H2 and PostgreSQL. The attribute is written as an upsert instead: Spring
	 * Session's own statements on PostgreSQL and MariaDB/MySQL, H2's {@code MERGE … KEY}
	 * on the embedded database (the last writer wins, as with an UPDATE).
	 */
	@Bean
	SessionRepositoryCustomizer<JdbcIndexedSessionRepository> attributeUpserts(DatabaseDialect dialect) {
		return sessions -> {
			if (dialect.isPostgres()) {
				new PostgreSqlJdbcIndexedSessionRepositoryCustomizer().customize(sessions);
			}
			else if (dialect.isMariaDb()) {
				new MySqlJdbcIndexedSessionRepositoryCustomizer().customize(sessions);
			}
			else if (dialect.isH2()) {
				sessions.setCreateSessionAttributeQuery("""
						MERGE INTO %TABLE_NAME%_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES)
						KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME) VALUES (?, ?, ?)
						""");
			}
		};
	}

	@Bean
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	FilterRegistrationBean<SparseAccessTimeSessions.OneReadPerRequest> oneSessionReadPerRequest() {
		FilterRegistrationBean<SparseAccessTimeSessions.OneReadPerRequest> registration = new FilterRegistrationBean<>(
				new SparseAccessTimeSessions.OneReadPerRequest());
		// Just outside Spring Session's filter (and inside DatabaseBusyFilter), for every
		// dispatch
		// that filter sees.
		registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.ASYNC);
		return registration;
	}

}
