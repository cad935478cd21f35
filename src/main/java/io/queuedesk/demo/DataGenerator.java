package io.queuedesk.demo;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.queuedesk.queue.QueueService;
import io.queuedesk.system.DatabaseDialect;

/**
 * Writes the load-test data set of a {@link GenerationPlan} with set-based SQL: one
 * INSERT … SELECT over {@code generate_series} per table and chunk (works unchanged on H2
 * and PostgreSQL), each chunk committed on its own so memory, locks and WAL stay bounded
 * and progress can be shown.
 * <p>
 * Ids are explicit: each table's rows take the range above its current maximum, so
 * relations are arithmetic (ticket n is {@code ticketBase + n}, its j-th comment
 * {@code commentBase + 3(n-1) + j}) and need no lookups; the identity columns are
 * restarted above the ranges afterwards. Every pseudo-random choice is a hash of (row
 * number, seed) in portable integer arithmetic, so a seed gives the same data on any
 * database. Run it on a database nobody writes to meanwhile.
 */
@Component
class DataGenerator {

	static final String PASSWORD = "loadP@55word";

	static final String EMAIL_DOMAIN = "@load.example";

	static final String CLIENT_PREFIX = "Load client ";

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final PasswordEncoder passwordEncoder;

	private final QueueService queues;

	private final DatabaseDialect dialect;

	private final Clock clock;

	DataGenerator(JdbcTemplate jdbc, TransactionTemplate transactions, PasswordEncoder passwordEncoder,
			QueueService queues, DatabaseDialect dialect, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.passwordEncoder = passwordEncoder;
		this.queues = queues;
		this.dialect = dialect;
		this.clock = clock;
	}

	/**
	 * Why this database cannot run the generator, or null. MariaDB's forms of the SQL
	 * count rows with its Sequence engine ({@code seq_1_to_N}), which MySQL lacks (a
	 * recursive CTE would do, but slowly at a million rows).
	 */
	String unsupported() {
		if (dialect.isMariaDb() && jdbc.queryForObject("select count(*) from information_schema.engines"
				+ " where engine = 'SEQUENCE' and support in ('YES', 'DEFAULT')", Long.class) == 0) {
			return "generate-data needs MariaDB's Sequence engine (tables seq_1_to_N), which this server lacks: "
					+ "it is not supported on MySQL. Generate the data on MariaDB or PostgreSQL.";
		}
		return null;
	}

	long ticketCount() {
		return jdbc.queryForObject("select count(*) from tickets", Long.class);
	}

	/**
	 * Whether users or clients of an earlier run are there (possibly without tickets, if
	 * it was interrupted).
	 */
	boolean hasGeneratedRows() {
		return jdbc.queryForObject("select count(*) from users where email like '%" + EMAIL_DOMAIN + "'", Long.class)
				+ jdbc.queryForObject("select count(*) from clients where name like '" + CLIENT_PREFIX + "%'",
						Long.class) > 0;
	}

	/** What a run built: the ids it used, for the report and the tests. */
	record Result(long firstUserId, long firstClientId, long firstTicketId) {
	}

	/**
	 * Deletes what an earlier run generated (users {@code …@load.example}, clients
	 * {@code Load client …}, their tickets, comments and activity); other data stays.
	 */
	void deleteGenerated(PrintStream out) {
		String users = "select id from users where email like '%" + EMAIL_DOMAIN + "'";
		String clients = "select id from clients where name like '" + CLIENT_PREFIX + "%'";
		String tickets = "select id from tickets where client_id in (" + clients + ")";
		long deleted = jdbc.queryForObject("select count(*) from (" + tickets + ") t", Long.class);
		// One condition per statement (no OR), so each is an index or hash lookup on H2
		// too. Entries
		// of the audit trail have no foreign keys: those of other actors about these
		// tickets stay.
		jdbc.update("delete from activity_log where actor_email like '%" + EMAIL_DOMAIN + "'");
		jdbc.update("delete from comments where ticket_id in (" + tickets + ")");
		jdbc.update("delete from comments where author_id in (" + users + ")");
		jdbc.update("delete from tickets where client_id in (" + clients + ")");
		jdbc.update("delete from tickets where submitter_id in (" + users + ")");
		jdbc.update("update tickets set assignee_id = null where assignee_id in (" + users + ")");
		jdbc.update("delete from clients where id in (" + clients + ")");
		if (dialect.isPostgres()) {
			// Deleting users checks tickets.assignee_id, which only partial indexes
			// cover: without a
			// vacuum every check would scan the deleted rows again.
			jdbc.execute("vacuum tickets");
		}
		if (jdbc.update("delete from users where id in (" + users + ")") > 0) {
			out.printf("Deleted the data of an earlier generate-data run (%,d tickets).%n", deleted);
		}
	}

	Result generate(GenerationPlan plan, PrintStream out) {
		Instant now = Instant.now(clock);
		LoadText text = new LoadText(plan.seed());
		GenerationSql sql = new GenerationSql(plan, text, now, base("users"), base("clients"), base("tickets"),
				base("comments"), areas(now), dialect.isMariaDb());
		long started = System.nanoTime();
		String hash = passwordEncoder.encode(PASSWORD);
		transactions.executeWithoutResult(status -> {
			jdbc.update(sql.users(), hash);
			jdbc.update(sql.userRoles());
			jdbc.update(sql.clients());
		});
		out.printf("%,d users and %,d clients written.%n", plan.users(), plan.clients());
		List<String> searchIndexes = dropSearchIndexes(plan, out);
		try {
			for (long from = 1; from <= plan.tickets(); from += plan.chunk()) {
				long first = from;
				long last = Math.min(plan.tickets(), from + plan.chunk() - 1);
				transactions.executeWithoutResult(status -> {
					jdbc.update(sql.tickets(first, last));
					jdbc.update(sql.comments(first, last));
					for (int entry = 1; entry <= 3; entry++) {
						jdbc.update(sql.activity(entry, first, last));
					}
				});
				out.printf("%,d of %,d tickets with comments and activity (%d s)%n", last, plan.tickets(),
						seconds(started));
			}
		}
		finally {
			createIndexes(searchIndexes, started, out);
		}
		restartIdentity("users");
		restartIdentity("clients");
		restartIdentity("tickets");
		restartIdentity("comments");
		// The tickets carry ranks only; the queues' position counts are derived from
		// them.
		queues.rebuild();
		if (dialect.isPostgres()) {
			jdbc.execute("analyze");
		}
		else if (dialect.isMariaDb()) {
			// InnoDB recounts its statistics in the background after large changes; now,
			// so the first queries after the run are planned on the new sizes.
			jdbc.execute("analyze table users, user_roles, clients, tickets, comments, activity_log, queue_segments");
		}
		out.printf("Queues counted%s (%d s).%n", dialect.isH2() ? "" : ", statistics analysed", seconds(started));
		return new Result(sql.userBase + 1, sql.clientBase + 1, sql.ticketBase + 1);
	}

	/**
	 * On PostgreSQL the two full-text (GIN) indexes of the tickets cost most of an
	 * insert; built once at the end they take less time in all (measured: 24 s per
	 * 100,000 tickets with them, 4 s without plus 16 s to build them). Only when the run
	 * at least doubles the tickets, so a small run on a big database does not rebuild big
	 * indexes.
	 * <p>
	 * MariaDB keeps its FULLTEXT index: InnoDB fills it at each commit in about the time
	 * a build afterwards takes (measured per 100,000 tickets: 10 s with it, 4.4 s without
	 * plus 5 s to build it), and an index dropped and re-created around the load on a
	 * fresh database (MariaDB 10.11) matched no row at all.
	 */
	private List<String> dropSearchIndexes(GenerationPlan plan, PrintStream out) {
		if (!dialect.isPostgres() || plan.tickets() < ticketCount()) {
			return List.of();
		}
		String gin = " from pg_indexes where schemaname = current_schema() and tablename = 'tickets'"
				+ " and indexdef like '%USING gin%' order by indexname";
		List<String> definitions = jdbc.queryForList("select indexdef" + gin, String.class);
		List<String> names = jdbc.queryForList("select indexname" + gin, String.class);
		// Shown first, so whoever interrupts the run knows what to re-create.
		definitions.forEach(definition -> out.println("Dropped until the end: " + definition + ";"));
		names.forEach(name -> jdbc.execute("drop index " + name));
		return definitions;
	}

	private void createIndexes(List<String> definitions, long started, PrintStream out) {
		if (definitions.isEmpty()) {
			return;
		}
		jdbc.execute((Connection connection) -> {
			try (Statement statement = connection.createStatement()) {
				// More sort memory builds a GIN index in fewer passes; this session only.
				statement.execute("set maintenance_work_mem = '256MB'");
				for (String definition : definitions) {
					statement.execute(definition);
				}
				statement.execute("reset maintenance_work_mem");
			}
			return null;
		});
		out.printf("Search indexes re-created (%d s).%n", seconds(started));
	}

	private static long seconds(long started) {
		return (System.nanoTime() - started) / 1_000_000_000;
	}

	/** The highest id in use; the run's rows take the ids above it. */
	private long base(String table) {
		return jdbc.queryForObject("select coalesce(max(id), 0) from " + table, Long.class);
	}

	private void restartIdentity(String table) {
		if (dialect.isMariaDb()) {
			// InnoDB moves a table's AUTO_INCREMENT past every explicit id inserted.
			return;
		}
		// Same statement on H2 and PostgreSQL; table names are constants of this class.
		jdbc.execute("alter table " + table + " alter column id restart with " + (base(table) + 1));
	}

	/**
	 * The product areas (existing ones of the same name are shared), by id in
	 * {@link LoadText#AREAS} order.
	 */
	private List<Long> areas(Instant now) {
		for (String name : LoadText.AREAS) {
			if (jdbc.queryForObject("select count(*) from product_areas where name = ?", Long.class, name) == 0) {
				jdbc.update("insert into product_areas (name, active, created_at, version) values (?, true, ?, 0)",
						name, Timestamp.from(now));
			}
		}
		return LoadText.AREAS.stream()
			.map(name -> jdbc.queryForObject("select id from product_areas where name = ?", Long.class, name))
			.toList();
	}

}
