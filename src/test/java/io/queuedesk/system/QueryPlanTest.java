package io.queuedesk.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.queuedesk.queue.QueueService;

/**
 * Issue 11, part 6: the pages stay fast on a big desk, checked without timing anything.
 * On PostgreSQL with a generated data set of {@value #DEFAULT_SIZE} tickets (large enough
 * for the planner to prefer indexes; see {@link PlanData}), every page below is requested
 * through MockMvc as the role that uses it, every SQL statement it sends is recorded with
 * its bound parameters ({@link SqlPlans}), and each SELECT is explained on the same
 * database: no plan may read {@code tickets}, {@code comments} or {@code activity_log}
 * with a sequential scan, neither the custom plan for the page's values nor the generic
 * plan a prepared statement switches to, and no statement may look at more than
 * {@link #MAX_ROWS_READ} rows of them (counted by EXPLAIN ANALYZE: an index that walks a
 * whole queue to filter it is no better than a sequential scan). The list pages also send
 * as many statements for a deep page or a big client as for page 1 or a small one. Runs
 * in the PostgreSQL run of the suite only; the H2 run reports it as skipped.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(SqlPlans.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@EnabledIfSystemProperty(named = "queuedesk.test.database", matches = "postgres")
class QueryPlanTest extends PlanTestCase {

	static final int DEFAULT_SIZE = 200_000;

	static final String ADMIN = PlanData.ADMIN;

	static final String DEVELOPER = PlanData.DEVELOPER;

	static final String SUBMITTER = PlanData.SUBMITTER;

	static final String FREQUENT_WORD = PlanData.FREQUENT_WORD;

	static final String RARE_WORD = PlanData.RARE_WORD;

	/**
	 * Rows a statement may look at in the three big tables (returned or filtered away,
	 * summed over its scans; from EXPLAIN ANALYZE, so counted, not timed). A capped count
	 * reads up to 10,001 rows; the positions of a page's 50 rows up to 50 × 256 index
	 * entries.
	 */
	static final long MAX_ROWS_READ = Long.getLong("queuedesk.test.plans-max-rows", 30_000);

	/**
	 * -Dqueuedesk.test.plans-print=true prints every statement with its time and custom
	 * plan.
	 */
	static final boolean PRINT = Boolean.getBoolean("queuedesk.test.plans-print");

	static boolean reused;

	@DynamicPropertySource
	static void planDatabase(DynamicPropertyRegistry registry) {
		reused = PlanData.prepare();
		registry.add("spring.datasource.url", () -> PlanData.URL);
		registry.add("spring.datasource.hikari.maximum-pool-size", () -> "3");
	}

	PlanPages sample;

	long bigClient;

	long smallClient;

	int bigQueuePages;

	@BeforeAll
	void generateUnlessCached(@Autowired PasswordEncoder encoder, @Autowired QueueService queues) {
		if (reused) {
			System.out.println("[queuedesk] Plan test data reused from " + PlanData.DATABASE);
		}
		else {
			PlanData.generate(encoder.encode("plan-P@55word"), queues::rebuild);
		}
		sample = PlanPages.of(jdbc);
		bigClient = sample.bigClient();
		smallClient = sample.smallClient();
		bigQueuePages = sample.bigQueuePages();
		long queued = sample.bigQueueLength();
		assertThat(queued).as("queued tickets of the big client").isGreaterThan(PlanData.TICKETS / 25);
	}

	/** The pages to check: name → (user, URL). */
	Map<String, PlanPages.Page> pages() {
		return sample.pages(jdbc, MAX_ROWS_READ);
	}

	@TestFactory
	Stream<DynamicTest> everyPageReadsTheBigTablesThroughIndexes() {
		List<DynamicTest> tests = new ArrayList<>();
		pages().forEach((name, page) -> tests.add(DynamicTest.dynamicTest(name + " " + page.url(),
				() -> assertIndexedOnly(name, page.user(), page.url(), page.maxRowsRead()))));
		tests.add(DynamicTest.dynamicTest("ticket list, next page (cursor)", () -> {
			String next = nextPageLink(ADMIN, "/tickets");
			assertIndexedOnly("ticket list, next page", ADMIN, next);
		}));
		tests.add(DynamicTest.dynamicTest("search, next page (cursor)", () -> {
			String next = nextPageLink(ADMIN, "/tickets?q=" + FREQUENT_WORD);
			assertIndexedOnly("search, next page", ADMIN, next);
		}));
		tests.add(DynamicTest.dynamicTest("archive, next page (cursor)", () -> {
			String next = nextPageLink(ADMIN, "/archive");
			assertIndexedOnly("archive, next page", ADMIN, next);
		}));
		return tests.stream();
	}

	@Test
	void theTicketListIsAsManyStatementsOnADeepPageAsOnTheFirst() throws Exception {
		int first = statements(ADMIN, "/tickets");
		assertThat(statements(ADMIN, nextPageLink(ADMIN, "/tickets"))).as("next page").isEqualTo(first);
		assertThat(statements(ADMIN, "/tickets?page=150")).as("page 150").isEqualTo(first);
		assertThat(statements(ADMIN, "/tickets?client=" + smallClient)).as("small client")
			.isEqualTo(statements(ADMIN, "/tickets?client=" + bigClient));
		assertThat(statements(ADMIN, "/archive")).as("archive page 2")
			.isEqualTo(statements(ADMIN, nextPageLink(ADMIN, "/archive")));
	}

	@Test
	void theQueuePageIsAsManyStatementsForTheBigQueueAsForASmallOne() throws Exception {
		int small = statements(ADMIN, "/queues/" + smallClient);
		assertThat(statements(ADMIN, "/queues/" + bigClient)).as("big queue, page 1").isEqualTo(small);
		assertThat(statements(ADMIN, "/queues/" + bigClient + "?page=" + (bigQueuePages - 1)))
			.as("big queue, last page")
			.isEqualTo(small);
		// The board reads the queue page's page of the queue (not its client switcher),
		// sorted into columns in Java: no statement per column or card.
		int board = statements(ADMIN, "/queues/" + smallClient + "/board");
		assertThat(board).as("small board").isLessThanOrEqualTo(small);
		assertThat(statements(ADMIN, "/queues/" + bigClient + "/board")).as("big board, page 1").isEqualTo(board);
		assertThat(statements(ADMIN, "/queues/" + bigClient + "/board?page=" + (bigQueuePages - 1)))
			.as("big board, last page")
			.isEqualTo(board);
	}

	@Test
	void theAuditTrailIsAsManyStatementsOnADeepPageAsOnTheFirst() throws Exception {
		int first = statements(ADMIN, "/admin/activity");
		assertThat(statements(ADMIN, nextPageLink(ADMIN, "/admin/activity"))).as("next page").isEqualTo(first);
		assertThat(statements(ADMIN, "/admin/activity?page=150")).as("page 150").isEqualTo(first);
	}

	private void assertIndexedOnly(String name, String user, String url) throws Exception {
		assertIndexedOnly(name, user, url, MAX_ROWS_READ);
	}

	private void assertIndexedOnly(String name, String user, String url, long maxRowsRead) throws Exception {
		List<SqlPlans.Captured> captured = request(user, url).captured();
		assertThat(captured).as("statements of " + url).isNotEmpty();
		List<String> problems = new ArrayList<>();
		try (Connection connection = PlanData.connect()) {
			for (SqlPlans.Captured statement : captured) {
				if (!statement.isQuery()) {
					continue;
				}
				SqlPlans.Plan custom = SqlPlans.customPlan(connection, statement);
				if (PRINT) {
					System.out.printf("[plans] %s (%s as %s): %d ms, %d rows read%n  %s%n  %s%n%s", name, url, user,
							statement.millis(), custom.rowsRead(), statement.sql().replaceAll("\\s+", " "),
							statement.parameterText(), SqlPlans.text(connection, statement, false));
				}
				if (!custom.guardedSeqScans().isEmpty()) {
					problems.add(problem(connection, statement, custom, false));
					continue;
				}
				if (custom.rowsRead() > maxRowsRead) {
					problems.add("  reads " + custom.rowsRead()
							+ " rows of tickets, comments and activity_log (at most " + maxRowsRead + "); most in "
							+ custom.biggestRead() + "\n" + problem(connection, statement, custom, false));
					continue;
				}
				SqlPlans.Plan generic = SqlPlans.genericPlan(connection, statement);
				if (PRINT && generic != null) {
					System.out.printf("  generic plan: %s, %d rows read, cost %.0f (custom %.0f)%n",
							generic.guardedSeqScans(), generic.rowsRead(), generic.cost(), custom.cost());
				}
				if (generic != null && wouldBeChosen(generic, custom)) {
					if (!generic.guardedSeqScans().isEmpty()) {
						problems.add(problem(connection, statement, generic, true));
					}
					else if (generic.rowsRead() > maxRowsRead) {
						problems.add("  reads " + generic.rowsRead()
								+ " rows of tickets, comments and activity_log (at most " + maxRowsRead + "); most in "
								+ generic.biggestRead() + "\n" + problem(connection, statement, generic, true));
					}
				}
			}
		}
		if (!problems.isEmpty()) {
			fail("Page \"%s\" (%s as %s) reads a big table whole or too much of it:%n%s".formatted(name, url, user,
					String.join("\n", problems)));
		}
	}

	/**
	 * Whether PostgreSQL's plan cache (plan_cache_mode = auto) would run the generic
	 * plan: once a statement ran 5 times with custom plans, it takes the generic one if
	 * that is estimated no dearer than the custom plans' average cost plus their planning
	 * cost (plancache.c, choose_custom_plan: 1000 × cpu_operator_cost × (relations + 1)).
	 * The custom plan of these values stands in for the average; the planning cost is
	 * taken for a join of a handful of tables. A generic plan that scans a big table but
	 * costs more than that is never run, so it is no finding.
	 */
	private static boolean wouldBeChosen(SqlPlans.Plan generic, SqlPlans.Plan custom) {
		double planning = 1000 * 0.0025 * 6;
		return generic.cost() <= custom.cost() + planning;
	}

	private static String problem(Connection connection, SqlPlans.Captured statement, SqlPlans.Plan plan,
			boolean generic) throws SQLException {
		return "  " + plan.kind() + (plan.guardedSeqScans().isEmpty() ? "" : ": " + plan.guardedSeqScans())
				+ "\n  SQL: " + statement.sql().replaceAll("\\s+", " ") + "\n  parameters: " + statement.parameterText()
				+ "\n  plan:\n" + SqlPlans.text(connection, statement, generic);
	}

}
