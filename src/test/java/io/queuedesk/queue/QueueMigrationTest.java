package io.queuedesk.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import java.util.UUID;
import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import io.queuedesk.DatabaseRun;
import io.queuedesk.system.ScratchDatabase;

/**
 * Migration V7 on a database that already holds queues with stored positions (V6): the
 * ranks keep the order, every position reads as before, and the segments count right,
 * also for a queue long enough to need several. Runs on a database of its own (H2) or a
 * schema of its own (PostgreSQL).
 */
class QueueMigrationTest {

	private static final String SCHEMA = "queue_migration_test";

	@Test
	void storedPositionsBecomeRanksAndSegmentsThatShowTheSamePositions() throws Exception {
		DataSource dataSource = dataSource();
		// An in-memory H2 lives as long as a connection to it: hold one for the whole
		// test.
		try (Connection keepAlive = dataSource.getConnection()) {
			migrateAndCheck(dataSource);
		}
	}

	private void migrateAndCheck(DataSource dataSource) {
		if (postgres()) {
			// The schema outlives a run; H2's database is a new one in memory each time.
			flyway(dataSource).cleanDisabled(false).load().clean();
		}
		migrate(dataSource, "6");
		JdbcClient jdbc = JdbcClient.create(dataSource);
		long big = client(jdbc, "Big");
		long small = client(jdbc, "Small");
		long empty = client(jdbc, "Empty");
		ticket(jdbc, small, null, "COMPLETED");
		// Positions written in a shuffled order, so insertion order cannot pass for queue
		// order.
		for (int i = 0; i < 600; i++) {
			ticket(jdbc, big, (i * 7) % 600 + 1, "OPEN");
		}
		for (int position = 1; position <= 3; position++) {
			ticket(jdbc, small, position, "ACCEPTED");
		}

		migrate(dataSource, null);

		for (long client : List.of(big, small)) {
			List<Integer> positions = jdbc
				.sql("select " + Segments.POSITION + " from tickets t"
						+ " where t.client_id = ? and t.queue_rank is not null order by t.title")
				.param(client)
				.query(Integer.class)
				.list();
			assertThat(positions).as("positions of client %d read as the stored ones", client)
				.containsExactlyElementsOf(jdbc
					.sql("select cast(substring(title, 3) as integer) from tickets"
							+ " where client_id = ? and queue_rank is not null order by title")
					.param(client)
					.query(Integer.class)
					.list());
		}
		assertThat(jdbc.sql("select count(*) from queue_segments where client_id = ?")
			.param(big)
			.query(Integer.class)
			.single()).as("a queue of 600 is cut every 128 tickets").isEqualTo(5);
		assertThat(jdbc.sql("select ticket_count from queue_segments where client_id = ?")
			.param(empty)
			.query(Integer.class)
			.list()).containsExactly(0);
		assertThat(jdbc.sql("select count(*) from tickets where queue_rank is null").query(Integer.class).single())
			.isEqualTo(1);
	}

	/**
	 * The app's migrations; on PostgreSQL in a schema of this test's own, on MariaDB in a
	 * database of its own.
	 */
	private static FluentConfiguration flyway(DataSource dataSource) {
		var config = Flyway.configure().dataSource(dataSource);
		if (DatabaseRun.isMariaDbRun()) {
			return config.locations("classpath:db/migration", "classpath:db/vendor/mariadb");
		}
		config.locations("classpath:db/migration", "classpath:db/standard",
				"classpath:db/vendor/" + (postgres() ? "postgresql" : "h2"));
		return postgres() ? config.schemas(SCHEMA) : config;
	}

	private static void migrate(DataSource dataSource, String target) {
		var config = flyway(dataSource);
		if (target != null) {
			config.target(target);
		}
		config.load().migrate();
	}

	private static long client(JdbcClient jdbc, String name) {
		jdbc.sql("insert into clients (name, created_at) values (?, ?)")
			.params(name, Timestamp.from(Instant.now()))
			.update();
		return jdbc.sql("select id from clients where name = ?").param(name).query(Long.class).single();
	}

	/**
	 * A ticket titled "T-<position, zero-padded>" so that ordering by title is ordering
	 * by the old position.
	 */
	private static void ticket(JdbcClient jdbc, long client, Integer priority, String status) {
		Timestamp now = Timestamp.from(Instant.now());
		long area = jdbc.sql("select coalesce(max(id), 0) from product_areas").query(Long.class).single();
		if (area == 0) {
			jdbc.sql("insert into product_areas (name, created_at) values ('Area', ?)").param(now).update();
			jdbc.sql(
					"insert into users (email, display_name, password_hash, created_at) values ('m@test.example', 'M', 'x', ?)")
				.param(now)
				.update();
			area = jdbc.sql("select max(id) from product_areas").query(Long.class).single();
		}
		long user = jdbc.sql("select max(id) from users").query(Long.class).single();
		jdbc.sql("""
				insert into tickets (title, description, client_id, product_area_id, priority, status, submitter_id,
				  created_at, updated_at) values (?, 'd', ?, ?, ?, ?, ?, ?, ?)
				""")
			.params(priority == null ? "X-" + client : "T-%04d".formatted(priority), client, area, priority, status,
					user, now, now)
			.update();
	}

	private static boolean postgres() {
		return DatabaseRun.isPostgresRun();
	}

	private static DataSource dataSource() throws SQLException {
		if (DatabaseRun.isMariaDbRun()) {
			ScratchDatabase database = ScratchDatabase.server("_queue_migration");
			return new DriverManagerDataSource(database.url(), database.user(), database.password());
		}
		if (postgres()) {
			String url = System.getProperty("spring.datasource.url");
			return new DriverManagerDataSource(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA,
					System.getProperty("spring.datasource.username", "postgres"),
					System.getProperty("spring.datasource.password", ""));
		}
		JdbcDataSource h2 = new JdbcDataSource();
		h2.setURL("jdbc:h2:mem:queue-migration-" + UUID.randomUUID()
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
		return h2;
	}

}
