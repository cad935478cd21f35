package io.queuedesk.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import io.queuedesk.DatabaseRun;
import io.queuedesk.queue.QueueFixture;
import io.queuedesk.queue.QueueService;
import io.queuedesk.system.CommandRunner;

/**
 * {@code generate-data} (docs/RULES.md#demo-data-and-commands, #scale) on the shared test
 * database, which holds the demo data, so every run needs {@code --force}: it generates
 * 2,000 tickets next to the other tests' data and deletes them again afterwards, so no
 * other test sees them.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GenerateDataCommandTest {

	static final int TICKETS = 2_000;

	static final String GENERATED_CLIENTS = "select id from clients where name like 'Load client %'";

	static final String GENERATED_TICKETS = "select id from tickets where client_id in (" + GENERATED_CLIENTS + ")";

	@Autowired
	GenerateDataCommand command;

	@Autowired
	DataGenerator generator;

	@Autowired
	QueueService queues;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Autowired
	JdbcClient jdbc;

	final ByteArrayOutputStream out = new ByteArrayOutputStream();

	final ByteArrayOutputStream err = new ByteArrayOutputStream();

	static final String[] FIRST_TITLES = { "Pension address escalated by the ombudsman",
			"Premium quote needs a new column" };

	static final List<Long> FIGURES = List.of(834452L, 6006L, 12236L, 51807L, 18182L, 212L, 1413L, 4033L, 547970L);

	GenerationPlan plan = GenerationPlan.of(TICKETS, 7);

	String printed;

	@BeforeAll
	void generate() {
		assertThat(run("--tickets=2000", "--seed=7", "--force")).as(err()).isZero();
		printed = out();
	}

	@AfterAll
	void deleteGenerated() {
		generator.deleteGenerated(print(new ByteArrayOutputStream()));
		QueueFixture.recountAll(jdbc);
	}

	@Test
	void buildsTheScaledDataSet() {
		assertThat(count(GENERATED_TICKETS)).isEqualTo(TICKETS);
		assertThat(count("select id from users where email like 'admin%@load.example'")).isEqualTo(plan.admins())
			.isGreaterThanOrEqualTo(3);
		assertThat(count("select u.id from users u join user_roles r on r.user_id = u.id and r.role = 'DEVELOPER'"
				+ " where u.email like 'developer%@load.example'"))
			.isEqualTo(plan.developers())
			.isGreaterThanOrEqualTo(5);
		assertThat(count("select u.id from users u join user_roles r on r.user_id = u.id and r.role = 'SUBMITTER'"
				+ " where u.email like 'user%@load.example'"))
			.isEqualTo(plan.submitters())
			.isGreaterThan(plan.developers());
		assertThat(count(GENERATED_CLIENTS)).isEqualTo(plan.clients()).isGreaterThanOrEqualTo(4);
		long completed = count(GENERATED_TICKETS + " and status = 'COMPLETED'");
		assertThat(completed).isEqualTo(plan.completed()).isBetween(TICKETS * 74L / 100, TICKETS * 76L / 100);
		// Two comments and three activity entries per ticket on average.
		long comments = count("select id from comments where ticket_id in (" + GENERATED_TICKETS + ")");
		assertThat(comments).isBetween(TICKETS * 18L / 10, TICKETS * 22L / 10);
		assertThat(count("select id from activity_log where ticket_id in (" + GENERATED_TICKETS + ")"))
			.isEqualTo(3L * TICKETS);
		assertThat(count("select distinct product_area_id from tickets where id in (" + GENERATED_TICKETS + ")"))
			.isGreaterThanOrEqualTo(4);
		assertThat(printed).contains("loadP@55word").contains(LoadText.FREQUENT).contains(LoadText.RARE);
	}

	@Test
	void theBigClientHoldsAFifthOfTheQueuedAndTheSpreadIsSkewed() {
		long big = jdbc.sql("select min(id) from clients where name like 'Load client %'").query(Long.class).single();
		assertThat(count("select id from tickets where client_id = " + big + " and status <> 'COMPLETED'"))
			.isEqualTo(plan.bigClientQueued())
			.isEqualTo(TICKETS / 20);
		List<Long> perClient = jdbc
			.sql("select count(*) from tickets where client_id in (" + GENERATED_CLIENTS + ") and client_id <> " + big
					+ " group by client_id order by count(*) desc")
			.query(Long.class)
			.list();
		assertThat(perClient.get(0)).isGreaterThan(3 * perClient.get(perClient.size() - 1));
	}

	@Test
	void queueInvariantsHold() {
		assertThat(count(GENERATED_TICKETS + " and (status = 'COMPLETED') <> (queue_rank is null)")).isZero();
		assertThat(count(GENERATED_TICKETS + " and (status = 'COMPLETED') <> (completed_at is not null)")).isZero();
		assertThat(count(GENERATED_TICKETS + " and status = 'COMPLETED' and assignee_id is null")).isZero();
		assertThat(count("select t.id from tickets t where t.id in (" + GENERATED_TICKETS
				+ ") and t.assignee_id is not null"
				+ " and not exists (select 1 from user_roles r where r.user_id = t.assignee_id and r.role = 'DEVELOPER')"))
			.isZero();
		for (long client : jdbc.sql(GENERATED_CLIENTS).query(Long.class).list()) {
			List<Long> queued = jdbc
				.sql("select id from tickets where client_id = ? and queue_rank is not null order by queue_rank")
				.param(client)
				.query(Long.class)
				.list();
			assertThat(jdbc.sql("select coalesce(sum(ticket_count), 0) from queue_segments where client_id = ?")
				.param(client)
				.query(Long.class)
				.single()).isEqualTo(queued.size());
			var positions = queues.positionsOf(queued);
			assertThat(queued.stream().map(positions::get).toList())
				.containsExactlyElementsOf(IntStream.rangeClosed(1, queued.size()).boxed().toList());
		}
	}

	@Test
	void commentsAndActivityAreConsistent() {
		assertThat(count("select c.id from comments c where c.ticket_id in (" + GENERATED_TICKETS
				+ ") and not exists (select 1 from users u where u.id = c.author_id)"))
			.isZero();
		assertThat(count("select a.id from activity_log a where a.actor_email like '%@load.example' and not exists "
				+ "(select 1 from tickets t where t.id = a.ticket_id and t.title = a.ticket_title)"))
			.isZero();
		assertThat(count("select a.id from activity_log a where a.actor_email like '%@load.example' and not exists "
				+ "(select 1 from users u where u.id = a.actor_id and u.email = a.actor_email)"))
			.isZero();
		assertThat(count("select a.id from activity_log a where a.action = 'COMMENT_ADDED' and a.actor_email like "
				+ "'%@load.example' and not exists (select 1 from comments c where 'comment #' || c.id = a.details"
				+ " and c.ticket_id = a.ticket_id and c.author_id = a.actor_id)"))
			.isZero();
		assertThat(jdbc.sql("select distinct action from activity_log where actor_email like '%@load.example'")
			.query(String.class)
			.list()).containsExactlyInAnyOrder("TICKET_CREATED", "TICKET_ASSIGNED", "TICKET_UPDATED", "STATUS_CHANGED",
					"COMMENT_ADDED");
	}

	@Test
	void textHasTheSearchWordsAndRealisticLengths() {
		assertThat(count(GENERATED_TICKETS + " and title like '%" + LoadText.RARE + "%'")).isEqualTo(plan.rareTickets())
			.isEqualTo(5);
		assertThat(count(GENERATED_TICKETS + " and title like '%" + LoadText.FREQUENT + "%'")).isBetween(10L, 70L);
		double title = jdbc.sql("select avg(length(title)) from tickets where id in (" + GENERATED_TICKETS + ")")
			.query(Double.class)
			.single();
		double description = jdbc
			.sql("select avg(length(description)) from tickets where id in (" + GENERATED_TICKETS + ")")
			.query(Double.class)
			.single();
		assertThat(title).isBetween(30.0, 55.0);
		assertThat(description).isBetween(300.0, 500.0);
		assertThat(count("select distinct title from tickets where id in (" + GENERATED_TICKETS + ")"))
			.isGreaterThan(TICKETS * 9L / 10);
	}

	@Test
	void theSearchIndexesDroppedForTheLoadAreBackOnPostgresql() {
		Assumptions.assumeTrue(DatabaseRun.isPostgresRun(), "H2 has no full-text indexes");
		// current_schema(): QueueMigrationTest keeps a tickets table of its own in
		// another schema.
		assertThat(jdbc
			.sql("select indexname from pg_indexes where schemaname = current_schema()"
					+ " and tablename = 'tickets' and indexdef like '%USING gin%'")
			.query(String.class)
			.list()).containsExactlyInAnyOrder("ix_tickets_completed_search", "ix_tickets_queued_search");
		assertThat(count("select id from tickets where to_tsvector('simple', title || ' ' || description)"
				+ " @@ to_tsquery('simple', '" + LoadText.RARE + ":*')"))
			.isEqualTo(plan.rareTickets());
	}

	@Test
	void theFullTextIndexDroppedForTheLoadIsBackOnMariaDb() {
		Assumptions.assumeTrue(DatabaseRun.isMariaDbRun(), "MariaDB's FULLTEXT index");
		assertThat(jdbc
			.sql("select distinct index_name from information_schema.statistics where table_schema = database()"
					+ " and table_name = 'tickets' and index_type = 'FULLTEXT'")
			.query(String.class)
			.list()).containsExactly("ix_tickets_search");
		assertThat(count("select id from tickets where match (title, description) against ('+" + LoadText.RARE
				+ "*' in boolean mode)"))
			.isEqualTo(plan.rareTickets());
	}

	/**
	 * The SQL differs on MariaDB, the data must not: figures of seed 7 taken from the H2
	 * run (ids relative to the run's first client and user, as the bases differ).
	 */
	@Test
	void theSeedGivesTheSameDataOnEveryDatabase() {
		String generated = " from tickets t where t.id in (" + GENERATED_TICKETS + ")";
		String firstClient = "(select min(id) from clients where name like 'Load client %')";
		String firstUser = "(select min(id) from users where email like '%@load.example')";
		assertThat(jdbc.sql("select title" + generated + " order by t.id").query(String.class).list().subList(0, 2))
			.containsExactly(FIRST_TITLES);
		assertThat(List.of(number("select sum(length(t.title) + length(t.description))" + generated),
				number("select sum(t.client_id - " + firstClient + ")" + generated),
				number("select sum(t.assignee_id - " + firstUser + ")" + generated),
				number("select sum(t.submitter_id - " + firstUser + ")" + generated),
				number("select sum(length(a.name))"
						+ generated.replace("t where", "t join product_areas a on a.id = t.product_area_id where")),
				number("select count(*)" + generated + " and t.status = 'OPEN'"),
				number("select count(*)" + generated + " and t.target_date is not null"),
				number("select count(*) from comments c where c.ticket_id in (" + GENERATED_TICKETS + ")"),
				number("select sum(length(c.body)) from comments c where c.ticket_id in (" + GENERATED_TICKETS + ")")))
			.as(DatabaseRun.name())
			.isEqualTo(FIGURES);
	}

	@Test
	void refusedWithAClearMessageWhereTheSqlCannotRun() {
		DataGenerator mysql = mock(DataGenerator.class);
		given(mysql.unsupported()).willReturn("generate-data … is not supported on MySQL.");

		int exit = new GenerateDataCommand(mysql).run(new DefaultApplicationArguments("--tickets=2000"), print(out),
				print(err));

		assertThat(exit).isEqualTo(CommandRunner.EXIT_FAILURE);
		assertThat(err()).contains("error: generate-data").contains("not supported on MySQL");
		verify(mysql, never()).generate(any(), any());
		verify(mysql, never()).deleteGenerated(any());
	}

	@Test
	void generatedUsersSignInWithThePrintedPassword() {
		for (String email : List.of("admin1@load.example", "developer1@load.example", "user1@load.example")) {
			String hash = jdbc.sql("select password_hash from users where email = ?")
				.param(email)
				.query(String.class)
				.single();
			assertThat(passwordEncoder.matches("loadP@55word", hash)).as(email).isTrue();
		}
		assertThat(count("select distinct password_hash from users where email like '%@load.example'")).isEqualTo(1);
	}

	@Test
	void theSameSeedGivesTheSameTitlesAndARerunReplacesTheFirst() {
		List<String> before = titles();
		long users = count("select id from users");

		assertThat(run("--tickets=2000", "--seed=7", "--force")).as(err()).isZero();

		assertThat(titles()).isEqualTo(before);
		assertThat(count("select id from users")).isEqualTo(users);
		assertThat(out()).contains("Deleted the data of an earlier generate-data run (2,000 tickets)");
		// New rows still get ids of their own after the explicit ones.
		jdbc.sql(
				"insert into clients (name, active, created_at, version) values ('After generate-data', true, now(), 0)")
			.update();
		jdbc.sql("delete from clients where name = 'After generate-data'").update();
	}

	@Test
	void refusedWithoutForceOnADatabaseWithTickets() {
		long tickets = count("select id from tickets");

		assertThat(run("--tickets=2000")).isEqualTo(CommandRunner.EXIT_USAGE);

		assertThat(err()).contains("already holds").contains("--force");
		assertThat(count("select id from tickets")).isEqualTo(tickets);
	}

	@Test
	void badArgumentsAreUsageErrors() {
		for (String[] args : List.of(new String[0], new String[] { "--tickets=many" }, new String[] { "--tickets=5" },
				new String[] { "--tickets=2000", "--seed=-1" }, new String[] { "--tickets=2000", "--size=3" })) {
			err.reset();
			assertThat(run(args)).as(String.join(" ", args)).isEqualTo(CommandRunner.EXIT_USAGE);
			assertThat(err()).contains("error:").contains("usage: generate-data --tickets=N");
		}
	}

	private List<String> titles() {
		return jdbc.sql("select title from tickets where id in (" + GENERATED_TICKETS + ") order by id")
			.query(String.class)
			.list();
	}

	private int run(String... args) {
		out.reset();
		err.reset();
		return command.run(new DefaultApplicationArguments(args), print(out), print(err));
	}

	private long number(String select) {
		return jdbc.sql(select).query(Long.class).single();
	}

	private long count(String select) {
		return jdbc.sql("select count(*) from (" + select + ") x").query(Long.class).single();
	}

	private String out() {
		return out.toString(StandardCharsets.UTF_8);
	}

	private String err() {
		return err.toString(StandardCharsets.UTF_8);
	}

	private static PrintStream print(ByteArrayOutputStream target) {
		return new PrintStream(target, true, StandardCharsets.UTF_8);
	}

}
