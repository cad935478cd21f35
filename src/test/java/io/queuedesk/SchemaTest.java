package io.queuedesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The Flyway schema on H2 and on PostgreSQL (the suite runs on both): constraints that
 * guard the queue and the accounts hold in the database itself, whatever the application
 * does.
 */
@SpringBootTest
class SchemaTest {

	@Autowired
	JdbcClient jdbc;

	final String tag = UUID.randomUUID().toString().substring(0, 8);

	long clientA;

	long clientB;

	long area;

	long user;

	@BeforeEach
	void createReferenceRows() {
		clientA = insertNamed("clients", "Schema A " + tag);
		clientB = insertNamed("clients", "Schema B " + tag);
		area = insertNamed("product_areas", "Schema area " + tag);
		jdbc.sql("insert into users (email, display_name, password_hash, created_at) values (?, 'Schema', 'x', ?)")
			.params("schema-" + tag + "@test.example", now())
			.update();
		user = jdbc.sql("select id from users where email = ?")
			.param("schema-" + tag + "@test.example")
			.query(Long.class)
			.single();
	}

	@AfterEach
	void deleteRows() {
		jdbc.sql("delete from tickets where client_id in (?, ?)").params(clientA, clientB).update();
		jdbc.sql("delete from clients where id in (?, ?)").params(clientA, clientB).update();
		jdbc.sql("delete from product_areas where id = ?").param(area).update();
		jdbc.sql("delete from users where id = ?").param(user).update();
	}

	@Test
	void migrationV1IsApplied() {
		assertThat(
				jdbc.sql("select success from flyway_schema_history where version = '1'").query(Boolean.class).list())
			.containsExactly(true);
	}

	@Test
	void aClientsQueueCannotHoldTheSameRankTwice() {
		ticket(clientA, 1);
		ticket(clientB, 1);
		ticket(clientA, 2);

		assertThatThrownBy(() -> ticket(clientA, 1)).isInstanceOf(DataIntegrityViolationException.class);
		assertThat(
				jdbc.sql("select count(*) from tickets where client_id = ?").param(clientA).query(Long.class).single())
			.isEqualTo(2);
	}

	@Test
	void completedTicketsWithoutRankDoNotClash() {
		ticket(clientA, null);
		ticket(clientA, null);
		ticket(clientA, null);

		assertThat(jdbc.sql("select count(*) from tickets where client_id = ? and queue_rank is null")
			.param(clientA)
			.query(Long.class)
			.single()).isEqualTo(3);
	}

	@Test
	void emailsMustBeStoredLowerCase() {
		assertThatThrownBy(() -> jdbc
			.sql("insert into users (email, display_name, password_hash, created_at) values (?, 'Upper', 'x', ?)")
			.params("Upper-" + tag + "@Test.example", now())
			.update()).isInstanceOf(DataIntegrityViolationException.class);
		assertThatThrownBy(() -> jdbc
			.sql("insert into users (email, display_name, password_hash, created_at) values (?, 'Twin', 'x', ?)")
			.params("schema-" + tag + "@test.example", now())
			.update()).as("unique email").isInstanceOf(DataIntegrityViolationException.class);
	}

	@Test
	void rolesMustBeKnown() {
		jdbc.sql("insert into user_roles (user_id, role) values (?, 'DEVELOPER')").param(user).update();

		assertThatThrownBy(
				() -> jdbc.sql("insert into user_roles (user_id, role) values (?, 'SUPERUSER')").param(user).update())
			.isInstanceOf(DataIntegrityViolationException.class);
	}

	@Test
	void statusMustBeAWorkflowStatus() {
		long id = ticket(clientA, 1);

		assertThatThrownBy(() -> jdbc.sql("update tickets set status = 'LOST' where id = ?").param(id).update())
			.isInstanceOf(DataIntegrityViolationException.class);
	}

	private long ticket(Long client, Integer rank) {
		String title = "Schema ticket " + UUID.randomUUID();
		jdbc.sql("""
				insert into tickets (title, description, client_id, product_area_id, queue_rank, status, submitter_id,
				  created_at, updated_at) values (?, 'd', ?, ?, ?, 'OPEN', ?, ?, ?)
				""").params(title, client, area, rank, user, now(), now()).update();
		return jdbc.sql("select id from tickets where title = ?").param(title).query(Long.class).single();
	}

	private long insertNamed(String table, String name) {
		jdbc.sql("insert into " + table + " (name, created_at) values (?, ?)").params(name, now()).update();
		return jdbc.sql("select id from " + table + " where name = ?").param(name).query(Long.class).single();
	}

	private static Timestamp now() {
		return Timestamp.from(Instant.now());
	}

}
