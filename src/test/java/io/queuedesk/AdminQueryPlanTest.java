package io.queuedesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import net.ttddyy.dsproxy.proxy.ParameterSetOperation;
import net.ttddyy.dsproxy.support.ProxyDataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import io.queuedesk.user.Role;
import io.queuedesk.user.TestUsers;

/**
 * The admin pages' statements on a large PostgreSQL database read no table in full: every page is
 * requested through MockMvc, each statement it sent is recorded with its parameters, and
 * {@code EXPLAIN} of each must show no sequential scan of tickets, comments or activity_log.
 * <p>
 * Runs only against a database with a realistic data set (the planner prefers a sequential scan on
 * small tables, so the shared test database proves nothing): pass its JDBC URL as
 * {@code -Dqueuedesk.plan.url=jdbc:postgresql://…} (e.g. a database filled by {@code generate-data
 * --tickets=200000}, or by SQL as described in docs/PERFORMANCE.md). A schema migrated by hand
 * (no Flyway history) is taken as V10.
 */
@SpringBootTest(properties = { "spring.datasource.url=${queuedesk.plan.url}", "spring.datasource.username=${queuedesk.plan.user:postgres}",
		"spring.datasource.password=${queuedesk.plan.password:}", "spring.flyway.baseline-on-migrate=true",
		"spring.flyway.baseline-version=10", "queuedesk.demo-data=false" })
@AutoConfigureMockMvc
@Import(AdminQueryPlanTest.Recorder.class)
@EnabledIfSystemProperty(named = "queuedesk.plan.url", matches = "jdbc:postgresql:.+")
class AdminQueryPlanTest {

	private static final Pattern SEQ_SCAN = Pattern.compile("\"Node Type\": \"Seq Scan\",[^{}]*?\"Relation Name\": \"(\\w+)\"");

	private static final List<String> BIG_TABLES = List.of("tickets", "comments", "activity_log");

	private static final List<Recorded> STATEMENTS = Collections.synchronizedList(new ArrayList<>());

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Test
	void adminPagesReadNoBigTableInFull() throws Exception {
		RequestPostProcessor admin = user(TestUsers.signedIn(1, "plan-admin@test.example", "Plan Admin", Role.ADMIN));
		String email = jdbc.sql("select actor_email from activity_log order by id desc limit 1").query(String.class).single();
		Long ticket = jdbc.sql("select ticket_id from activity_log where ticket_id is not null order by id desc limit 1")
			.query(Long.class)
			.single();
		Map<String, Object> developer = jdbc.sql("select u.id, u.email from users u join user_roles r on r.user_id = u.id"
				+ " and r.role = 'DEVELOPER' order by u.id limit 1").query().singleRow();
		Map<String, Object> submitter = jdbc.sql("select t.submitter_id from tickets t order by t.id desc limit 1").query().singleRow();

		List<String> pages = List.of("/admin", "/admin?from=2025-06-01&to=2025-06-30", "/admin/activity",
				"/admin/activity?action=TICKET_MOVED", "/admin/activity?user=" + email, "/admin/activity?ticket=" + ticket,
				"/admin/activity?from=2025-06-01&to=2025-06-01", "/admin/activity?page=150", "/admin/users",
				"/admin/users?q=son12", "/admin/users?role=DEVELOPER", "/admin/users?role=SUBMITTER&active=true");
		List<String> problems = new ArrayList<>();
		for (String page : pages) {
			problems.addAll(plans(page, admin));
		}
		String next = nextLink(mvc.perform(get("/admin/activity").with(admin)).andReturn().getResponse().getContentAsString());
		problems.addAll(plans(next, admin));
		problems.addAll(plans("/my/tickets", user(TestUsers.signedIn(((Number) developer.get("id")).longValue(),
				(String) developer.get("email"), "Plan Dev", Role.DEVELOPER))));
		problems.addAll(plans("/my/tickets", user(TestUsers.signedIn(((Number) submitter.get("submitter_id")).longValue(),
				"plan-submitter@test.example", "Plan Submitter", Role.SUBMITTER))));

		assertThat(problems).isEmpty();
	}

	/** Requests the page and explains every statement it sent; one line per full scan of a big table. */
	private List<String> plans(String url, RequestPostProcessor who) throws Exception {
		STATEMENTS.clear();
		mvc.perform(get(url).with(who)).andExpect(status().isOk());
		List<Recorded> sent = new ArrayList<>(STATEMENTS);
		assertThat(sent).as("statements of %s", url).isNotEmpty();
		List<String> problems = new ArrayList<>();
		DataSource plain = ((ProxyDataSource) dataSource).getDataSource();
		try (Connection connection = plain.getConnection()) {
			for (Recorded statement : sent) {
				if (!statement.sql().strip().toLowerCase(Locale.ROOT).startsWith("select")) {
					continue;
				}
				try (PreparedStatement explain = connection.prepareStatement("explain (format json) " + statement.sql())) {
					for (int i = 0; i < statement.params().size(); i++) {
						explain.setObject(i + 1, statement.params().get(i));
					}
					try (ResultSet rs = explain.executeQuery()) {
						rs.next();
						Matcher seqScan = SEQ_SCAN.matcher(rs.getString(1));
						while (seqScan.find()) {
							if (BIG_TABLES.contains(seqScan.group(1))) {
								problems.add(url + ": Seq Scan on " + seqScan.group(1) + " in " + statement.sql());
							}
						}
					}
				}
			}
		}
		System.out.printf("[queuedesk] %s: %d statements explained%n", url, sent.size());
		return problems;
	}

	private static String nextLink(String html) {
		Matcher matcher = Pattern.compile("href=\"([^\"]*)\" class=\"[^\"]*\" rel=\"next\"").matcher(html);
		assertThat(matcher.find()).as("a next link").isTrue();
		return matcher.group(1).replace("&amp;", "&");
	}

	record Recorded(String sql, List<Object> params) {
	}

	/** Wraps the data source so every statement is recorded with its parameters, in order. */
	@TestConfiguration(proxyBeanMethods = false)
	static class Recorder {

		@Bean
		static BeanPostProcessor recordingDataSource() {
			return new BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String beanName) {
					if (bean instanceof DataSource dataSource && !(bean instanceof ProxyDataSource)) {
						return ProxyDataSourceBuilder.create(dataSource).name("plans").afterQuery((execution, queries) -> {
							queries.forEach(query -> {
								List<Object> params = new ArrayList<>();
								if (!query.getParametersList().isEmpty()) {
									List<ParameterSetOperation> set = new ArrayList<>(query.getParametersList().get(0));
									set.sort((a, b) -> Integer.compare((Integer) a.getArgs()[0], (Integer) b.getArgs()[0]));
									set.forEach(op -> params.add(op.getArgs()[1]));
								}
								STATEMENTS.add(new Recorded(query.getQuery(), params));
							});
						}).build();
					}
					return bean;
				}
			};
		}

	}

}
