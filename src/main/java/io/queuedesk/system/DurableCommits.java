package io.queuedesk.system;

import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A write the app has acknowledged must survive a crash of the app (issue 12).
 * <p>
 * H2 keeps a commit in memory and writes it to its file up to {@code WRITE_DELAY} later
 * (500 ms by default): a {@code kill -9} in that window lost tickets whose page the user
 * had already seen. With {@code WRITE_DELAY=0} every commit is written to the file (the
 * operating system's page cache, without fsync) before it returns, which a crash of the
 * process cannot undo. The default URL says so; an H2 URL of the operator's own that
 * keeps data on disk and does not choose a delay gets it too, here, so the pool and
 * Flyway's connection (both from these properties) carry it. A delay chosen in the URL is
 * respected and warned about at start.
 * <p>
 * PostgreSQL is durable as configured by its server; the start-up check warns when
 * {@code synchronous_commit} or {@code fsync} is off, since then a crash of the server
 * can lose acknowledged commits. So does MariaDB (or MySQL) when
 * {@code innodb_flush_log_at_trx_commit} is not 1, which writes the log to disk with
 * every commit.
 */
@Configuration(proxyBeanMethods = false)
class DurableCommits {

	private static final Logger log = LoggerFactory.getLogger(DurableCommits.class);

	static final String WRITE_DELAY = ";WRITE_DELAY=0";

	@Bean
	static BeanPostProcessor h2WriteDelay() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof DataSourceProperties properties && properties.getUrl() != null) {
					properties.setUrl(withoutWriteDelay(properties.getUrl()));
				}
				return bean;
			}
		};
	}

	/**
	 * The URL with {@code WRITE_DELAY=0} added when it is an H2 database on disk (file or
	 * server) that names no delay of its own; any other URL as it is.
	 */
	static String withoutWriteDelay(String url) {
		String upper = url.toUpperCase(Locale.ROOT);
		if (!upper.startsWith("JDBC:H2:") || upper.contains(";WRITE_DELAY=")) {
			return url;
		}
		int settings = upper.indexOf(';');
		String location = settings < 0 ? upper : upper.substring(0, settings);
		if (location.contains("MEM:") || location.startsWith("JDBC:H2:ZIP:")) {
			return url;
		}
		return url + WRITE_DELAY;
	}

	@EventListener(ApplicationReadyEvent.class)
	void warnAboutDelayedCommits(ApplicationReadyEvent ready) {
		JdbcClient jdbc = ready.getApplicationContext().getBean(JdbcClient.class);
		DatabaseDialect dialect = ready.getApplicationContext().getBean(DatabaseDialect.class);
		try {
			if (dialect.isPostgres()) {
				String synchronous = jdbc.sql("select current_setting('synchronous_commit')")
					.query(String.class)
					.single();
				String fsync = jdbc.sql("select current_setting('fsync')").query(String.class).single();
				if ("off".equals(synchronous) || "off".equals(fsync)) {
					log.warn("PostgreSQL runs with synchronous_commit={} and fsync={}: a crash of the database server "
							+ "can lose writes the app has acknowledged. Turn both on.", synchronous, fsync);
				}
			}
			else if (dialect.isMariaDb()) {
				int flush = jdbc.sql("select @@innodb_flush_log_at_trx_commit").query(Integer.class).single();
				if (flush != 1) {
					log.warn(
							"MariaDB/MySQL runs with innodb_flush_log_at_trx_commit={}: a crash of the database server "
									+ "can lose up to a second of writes the app has acknowledged. Set it to 1 (the default).",
							flush);
				}
			}
			else {
				String delay = jdbc
					.sql("select setting_value from information_schema.settings where setting_name = 'WRITE_DELAY'")
					.query(String.class)
					.optional()
					.orElse("0");
				if (!"0".equals(delay)) {
					log.warn(
							"The H2 URL sets WRITE_DELAY={}: a crash of the app can lose writes of the last {} ms that "
									+ "users were told were saved. Leave WRITE_DELAY out of the URL (the app then uses 0).",
							delay, delay);
				}
			}
		}
		catch (RuntimeException ex) {
			log.debug("Could not read the database's commit settings", ex);
		}
	}

}
