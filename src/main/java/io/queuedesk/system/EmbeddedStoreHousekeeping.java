package io.queuedesk.system;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the embedded H2 file from growing with every commit. With {@code WRITE_DELAY=0}
 * (see {@link DurableCommits}) H2 runs no background writer, and that thread is also what
 * rewrites the live pages of half-empty chunks: each commit writes a chunk of its own
 * (tens of KB), and without it the file reached 100 MB after 2,200 new tickets (7 MB once
 * compacted at a stop). This does that part of the writer's work on a schedule: the live
 * pages of the emptiest chunks are written anew, so the old chunks become free and H2
 * reuses their space (after its retention time). Nothing to do on PostgreSQL, an
 * in-memory database or an H2 server's.
 */
@Component
class EmbeddedStoreHousekeeping {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedStoreHousekeeping.class);

	/** Rewrite while the chunks hold less than this share (%) of live data... */
	static final int TARGET_FILL_RATE = 50;

	/**
	 * ...and at most about this many bytes of live pages per run, so no commit waits
	 * long.
	 */
	static final int WRITE_LIMIT = 4 * 1024 * 1024;

	private final DataSource dataSource;

	private final DatabaseDialect dialect;

	/**
	 * A database server or an in-memory H2: found out once, then no connection is taken
	 * again.
	 */
	private volatile boolean nothingToDo;

	EmbeddedStoreHousekeeping(DataSource dataSource, DatabaseDialect dialect) {
		this.dataSource = dataSource;
		this.dialect = dialect;
	}

	// First run a minute after start (EmbeddedStoreHousekeepingTest calls it itself
	// before that).
	@Scheduled(fixedDelay = 10, initialDelay = 60, timeUnit = TimeUnit.SECONDS)
	void compact() {
		if (nothingToDo || !dialect.isH2()) {
			nothingToDo = true;
			return;
		}
		try (Connection connection = dataSource.getConnection()) {
			if (connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session) {
				MVStore store = session.getDatabase().getStore().getMvStore();
				nothingToDo = store.getFileStore() == null;
				if (!nothingToDo && !store.isClosed() && store.compact(TARGET_FILL_RATE, WRITE_LIMIT)) {
					// the rewritten pages reach the file with this commit
					store.commit();
				}
			}
			else {
				// an H2 server (jdbc:h2:tcp://…): its store is in another process
				nothingToDo = true;
			}
		}
		catch (SQLException | RuntimeException ex) {
			log.debug("Embedded store housekeeping skipped", ex);
		}
	}

}
