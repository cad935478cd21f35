package io.queuedesk;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Counts the SQL statements the application sends, for tests that prove a constant number
 * of statements (queue shifts, list pages). Import it into a test context, then
 * {@code reset()} before and {@code count()} after the code under test. Spring Session's
 * own statements (reading and saving the signed-in session of a request) are not counted:
 * they are the same for every request and are not what these tests measure.
 */
@TestConfiguration(proxyBeanMethods = false)
public class StatementCounter {

	private static final ThreadLocal<AtomicInteger> COUNT = ThreadLocal.withInitial(AtomicInteger::new);

	public static void reset() {
		COUNT.get().set(0);
	}

	/** Statements run on this thread since the last reset. */
	public static int count() {
		return COUNT.get().get();
	}

	private static boolean isSessionStore(String sql) {
		return sql.toLowerCase(Locale.ROOT).contains("spring_session");
	}

	@Bean
	static BeanPostProcessor countingDataSource() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof DataSource dataSource
						&& !(bean instanceof net.ttddyy.dsproxy.support.ProxyDataSource)) {
					return ProxyDataSourceBuilder.create(dataSource)
						.name("counting")
						.afterQuery((execution, queries) -> COUNT.get()
							.addAndGet(
									(int) queries.stream().filter(query -> !isSessionStore(query.getQuery())).count()))
						.build();
				}
				return bean;
			}
		};
	}

}
