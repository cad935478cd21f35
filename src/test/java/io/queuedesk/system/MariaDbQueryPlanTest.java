package io.queuedesk.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
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
 * {@link QueryPlanTest} on MariaDB: the same pages as the same users on the same shape of
 * data ({@link MariaDbPlanData}, 200,000 tickets by default), every SELECT they send run
 * again with {@code ANALYZE FORMAT=JSON} ({@link MariaDbPlans}): no plan may read
 * {@code tickets}, {@code comments}, {@code activity_log} or the attachments whole
 * (access ALL), and none may read more than {@link QueryPlanTest#MAX_ROWS_READ} of their
 * rows. MariaDB has no generic plans (the driver binds parameters on the client). Runs in
 * the MariaDB run of the suite only. {@code -Dqueuedesk.test.plans-print=true} prints
 * every statement with its plan.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(SqlPlans.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@EnabledIfSystemProperty(named = "queuedesk.test.database", matches = "mariadb")
class MariaDbQueryPlanTest extends PlanTestCase {

	static final String ADMIN = PlanData.ADMIN;

	static final long MAX_ROWS_READ = QueryPlanTest.MAX_ROWS_READ;

	static boolean reused;

	@DynamicPropertySource
	static void planDatabase(DynamicPropertyRegistry registry) {
		reused = MariaDbPlanData.prepare();
		registry.add("spring.datasource.url", () -> MariaDbPlanData.URL);
		registry.add("spring.datasource.hikari.maximum-pool-size", () -> "3");
		// Generating: the queue segments of 200,000 tickets are counted in one statement.
		registry.add("DB_SOCKET_TIMEOUT_S", () -> "600");
		registry.add("queuedesk.db.statement-timeout-ms", () -> "600000");
	}

	PlanPages sample;

	@BeforeAll
	void generateUnlessCached(@Autowired PasswordEncoder encoder, @Autowired QueueService queues) {
		if (reused) {
			System.out.println("[queuedesk] Plan test data reused from " + MariaDbPlanData.URL);
		}
		else {
			MariaDbPlanData.generate(encoder.encode("plan-P@55word"), queues::rebuild);
		}
		sample = PlanPages.of(jdbc);
		assertThat(sample.bigQueueLength()).as("queued tickets of the big client")
			.isGreaterThan(MariaDbPlanData.TICKETS / 25);
	}

	@TestFactory
	Stream<DynamicTest> everyPageReadsTheBigTablesThroughIndexes() {
		List<DynamicTest> tests = new ArrayList<>();
		sample.pages(jdbc, MAX_ROWS_READ)
			.forEach((name, page) -> tests.add(DynamicTest.dynamicTest(name + " " + page.url(),
					() -> assertIndexedOnly(name, page.user(), page.url(), page.maxRowsRead()))));
		for (String list : List.of("/tickets", "/tickets?q=" + PlanData.FREQUENT_WORD, "/archive",
				"/tickets?sort=TARGET_DATE", "/admin/activity", "/admin/users")) {
			tests.add(DynamicTest.dynamicTest("next page (cursor) of " + list,
					() -> assertIndexedOnly("next page of " + list, ADMIN, nextPageLink(ADMIN, list), MAX_ROWS_READ)));
		}
		return tests.stream();
	}

	@Test
	void theListsAreAsManyStatementsOnADeepPageAsOnTheFirst() throws Exception {
		int first = statements(ADMIN, "/tickets");
		assertThat(statements(ADMIN, nextPageLink(ADMIN, "/tickets"))).as("next page").isEqualTo(first);
		assertThat(statements(ADMIN, "/tickets?page=150")).as("page 150").isEqualTo(first);
		int queue = statements(ADMIN, "/queues/" + sample.smallClient());
		assertThat(statements(ADMIN, "/queues/" + sample.bigClient() + "?page=" + (sample.bigQueuePages() - 1)))
			.as("big queue, last page")
			.isEqualTo(queue);
		int activity = statements(ADMIN, "/admin/activity");
		assertThat(statements(ADMIN, nextPageLink(ADMIN, "/admin/activity"))).as("activity, next page")
			.isEqualTo(activity);
	}

	private void assertIndexedOnly(String name, String user, String url, long maxRowsRead) throws Exception {
		List<SqlPlans.Captured> captured = request(user, url).captured();
		assertThat(captured).as("statements of " + url).isNotEmpty();
		List<String> problems = new ArrayList<>();
		try (Connection connection = MariaDbPlanData.connect()) {
			for (SqlPlans.Captured statement : captured) {
				if (!statement.isQuery()) {
					continue;
				}
				MariaDbPlans.Plan plan = MariaDbPlans.analyze(connection, statement);
				if (QueryPlanTest.PRINT) {
					System.out.printf("[plans] %s (%s as %s): %d ms (analyze %.1f ms), %d rows read: %s%n  %s%n  %s%n",
							name, url, user, statement.millis(), plan.millis(), plan.rowsRead(), plan.summary(),
							statement.sql().replaceAll("\\s+", " "), statement.parameterText());
				}
				if (!plan.fullScans().isEmpty() || plan.rowsRead() > maxRowsRead) {
					problems.add("  " + (plan.fullScans().isEmpty() ? "" : "full scan of " + plan.fullScans() + "; ")
							+ plan.rowsRead() + " rows read (at most " + maxRowsRead + "): " + plan.summary()
							+ "\n  SQL: " + statement.sql().replaceAll("\\s+", " ") + "\n  parameters: "
							+ statement.parameterText() + "\n  plan: " + plan.json());
				}
			}
		}
		if (!problems.isEmpty()) {
			fail("Page \"%s\" (%s as %s) reads a big table whole or too much of it:%n%s".formatted(name, url, user,
					String.join("\n", problems)));
		}
	}

}
