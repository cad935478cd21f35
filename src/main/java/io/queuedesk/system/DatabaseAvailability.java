package io.queuedesk.system;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Readiness follows the database: the first request that finds it unreachable
 * (DatabaseBusyFilter) turns readiness DOWN at once, so a load balancer stops sending
 * traffic without waiting for its next health check to time out; a probe on a thread of
 * its own then asks the database every {@code queuedesk.db.probe-interval} and turns
 * readiness UP again as soon as it answers. Nothing needs a restart: the pool drops the
 * broken connections and opens new ones (HikariCP, with DeadConnectionEviction for H2's
 * closed database, which ClosedH2Database lets open again).
 * <p>
 * Should the database stay unreachable for {@code queuedesk.db.liveness-after}, liveness
 * goes DOWN too, so that a supervisor restarts the process. Off by default: a restart
 * does not bring a database server back, and the embedded H2 reopens its file within the
 * process once it can (see docs/OPERATIONS.md, "Database outage").
 */
@Component
class DatabaseAvailability implements DisposableBean {

	private static final Log log = LogFactory.getLog(DatabaseAvailability.class);

	private final ApplicationEventPublisher events;

	private final DataSource dataSource;

	private final DataSourceProperties database;

	private final Duration probeInterval;

	private final Duration brokenAfter;

	private final AtomicBoolean unreachable = new AtomicBoolean();

	private final AtomicInteger failedProbes = new AtomicInteger();

	private final ScheduledExecutorService probe = Executors.newSingleThreadScheduledExecutor(task -> {
		Thread thread = new Thread(task, "database-probe");
		thread.setDaemon(true);
		return thread;
	});

	private volatile long downSince;

	/**
	 * Liveness set DOWN here (QUEUEDESK_DB_LIVENESS_AFTER), to be set UP again if the
	 * database returns first.
	 */
	private volatile boolean broken;

	DatabaseAvailability(ApplicationEventPublisher events, DataSource dataSource, DataSourceProperties database,
			DatabaseProbeSettings settings) {
		this.events = events;
		this.dataSource = dataSource;
		this.database = database;
		this.probeInterval = settings.probeInterval();
		this.brokenAfter = settings.livenessAfter();
	}

	/**
	 * A request found the database unreachable: readiness DOWN, and probe until it
	 * answers.
	 */
	void unreachable(Throwable failure) {
		if (unreachable.compareAndSet(false, true)) {
			downSince = System.nanoTime();
			failedProbes.set(0);
			log.warn("Database unreachable, readiness DOWN until it answers again: " + rootMessage(failure));
			AvailabilityChangeEvent.publish(events, this, ReadinessState.REFUSING_TRAFFIC);
			// The other pooled connections are most likely dead too: a connection used in
			// the last
			// half second is handed out unchecked, and on a silent network path it would
			// hold its
			// request until the socket timeout.
			dropPooledConnections();
			probeLater();
		}
	}

	boolean isUnreachable() {
		return unreachable.get();
	}

	private void probe() {
		if (answers()) {
			log.warn("Database answers again after " + failedProbes.get() + " failed probes: readiness UP");
			unreachable.set(false);
			if (broken) {
				broken = false;
				AvailabilityChangeEvent.publish(events, this, LivenessState.CORRECT);
			}
			AvailabilityChangeEvent.publish(events, this, ReadinessState.ACCEPTING_TRAFFIC);
			return;
		}
		failedProbes.incrementAndGet();
		if (!broken && !brokenAfter.isZero() && System.nanoTime() - downSince > brokenAfter.toNanos()) {
			broken = true;
			log.error("Database unreachable for more than " + brokenAfter + ": liveness DOWN, restart the process");
			AvailabilityChangeEvent.publish(events, this, LivenessState.BROKEN);
		}
		probeLater();
	}

	private void probeLater() {
		try {
			probe.schedule(this::probe, probeInterval.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (RejectedExecutionException ex) {
			// shutting down
		}
	}

	/**
	 * A real statement, not only a pooled connection: a connection to a closed H2
	 * database is still handed out; the failed statement makes the pool drop it
	 * (DeadConnectionEviction). On the embedded H2 also a CHECKPOINT, which writes what
	 * is pending to its file: H2 reopens its file even on a full disk and then reads
	 * fine, but only a write shows that the disk has room again.
	 */
	private boolean answers() {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.setQueryTimeout((int) Math.max(1, probeInterval.toSeconds()));
			statement.execute("SELECT 1");
			if ("H2".equals(connection.getMetaData().getDatabaseProductName())) {
				statement.execute("CHECKPOINT");
			}
			return true;
		}
		catch (Exception ex) {
			if (ClosedH2Database.closed(ex)) {
				ClosedH2Database.release(database.determineUrl(), database.determineUsername(),
						database.determinePassword());
				dropPooledConnections();
			}
			return false;
		}
	}

	/**
	 * Drops every connection of the pool (those in use when they come back). After H2
	 * released its closed database they all still belong to it: the next probe must not
	 * take one of them, see it closed and release the database that has just opened
	 * again.
	 */
	private void dropPooledConnections() {
		try {
			if (dataSource.isWrapperFor(HikariDataSource.class)) {
				HikariPoolMXBean pool = dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean();
				if (pool != null) {
					pool.softEvictConnections();
				}
			}
		}
		catch (SQLException ex) {
			log.warn("Could not drop the pool's connections: " + ex.getMessage());
		}
	}

	private static String rootMessage(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getClass().getSimpleName() + ": " + root.getMessage();
	}

	@Override
	public void destroy() {
		probe.shutdownNow();
	}

}
