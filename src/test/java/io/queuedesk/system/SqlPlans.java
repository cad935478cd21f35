package io.queuedesk.system;

import java.lang.reflect.InvocationTargetException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import net.ttddyy.dsproxy.proxy.ParameterSetOperation;
import net.ttddyy.dsproxy.support.ProxyDataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Records the SQL statements the application sends on the current thread, with their
 * bound parameters (datasource-proxy), and explains them on PostgreSQL: for
 * {@link QueryPlanTest}. Spring Session's statements are left out.
 */
@TestConfiguration(proxyBeanMethods = false)
class SqlPlans {

	/** The tables that must never be read whole by a page. */
	static final Set<String> GUARDED = Set.of("tickets", "comments", "activity_log", "attachments",
			"attachment_chunks");

	/**
	 * One statement as the application ran it: SQL with '?' and the setter calls of its
	 * parameters.
	 */
	record Captured(String sql, List<ParameterSetOperation> parameters, long millis) {

		boolean isQuery() {
			String start = sql.stripLeading().toLowerCase(Locale.ROOT);
			return start.startsWith("select") || start.startsWith("with") || start.startsWith("(");
		}

		String parameterText() {
			return parameters.stream().map(p -> {
				Object[] args = p.getArgs();
				return args.length > 1 ? String.valueOf(args[1]) : "?";
			}).collect(Collectors.joining(", ", "[", "]"));
		}

	}

	private static final ThreadLocal<List<Captured>> RECORDING = new ThreadLocal<>();

	private static final ObjectMapper JSON = JsonMapper.builder().build();

	/** Starts recording the statements of this thread. */
	static void record() {
		RECORDING.set(new ArrayList<>());
	}

	/** Stops recording; returns what the thread ran since {@link #record()}. */
	static List<Captured> stop() {
		List<Captured> captured = RECORDING.get();
		RECORDING.remove();
		return captured == null ? List.of() : captured;
	}

	@Bean
	static BeanPostProcessor recordingDataSource() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof DataSource dataSource && !(bean instanceof ProxyDataSource)) {
					return ProxyDataSourceBuilder.create(dataSource).name("plans").afterQuery((execution, queries) -> {
						List<Captured> into = RECORDING.get();
						if (into == null) {
							return;
						}
						for (var query : queries) {
							if (query.getQuery().toLowerCase(Locale.ROOT).contains("spring_session")) {
								continue;
							}
							List<ParameterSetOperation> parameters = new ArrayList<>();
							if (!query.getParametersList().isEmpty()) {
								for (ParameterSetOperation p : query.getParametersList().get(0)) {
									parameters.add(new ParameterSetOperation(p.getMethod(), p.getArgs().clone()));
								}
							}
							into.add(new Captured(query.getQuery(), parameters, execution.getElapsedTime()));
						}
					}).build();
				}
				return bean;
			}
		};
	}

	/**
	 * A plan of one statement: its JSON, the scans of guarded tables in it, its estimated
	 * cost.
	 */
	record Plan(String kind, JsonNode json, List<String> guardedSeqScans, double cost, long rowsRead,
			String biggestRead) {
	}

	/**
	 * The plan PostgreSQL makes for the statement with these parameter values (a custom
	 * plan), run with EXPLAIN (ANALYZE, BUFFERS, TIMING OFF) through JDBC with the
	 * parameters bound by the very setter calls the application made, in a transaction
	 * that is rolled back. ANALYZE adds what the plan really read (rows per node); TIMING
	 * OFF leaves out the clock.
	 */
	static Plan customPlan(Connection connection, Captured statement) throws SQLException {
		boolean autoCommit = connection.getAutoCommit();
		connection.setAutoCommit(false);
		try (PreparedStatement explain = connection
			.prepareStatement("EXPLAIN (ANALYZE, BUFFERS, TIMING OFF, FORMAT JSON) " + statement.sql())) {
			bind(explain, statement);
			try (ResultSet rs = explain.executeQuery()) {
				rs.next();
				return plan("custom plan", rs.getString(1));
			}
		}
		finally {
			connection.rollback();
			connection.setAutoCommit(autoCommit);
		}
	}

	private static void bind(PreparedStatement explain, Captured statement) throws SQLException {
		for (ParameterSetOperation p : statement.parameters()) {
			try {
				p.getMethod().invoke(explain, p.getArgs());
			}
			catch (IllegalAccessException | InvocationTargetException ex) {
				throw new IllegalStateException("Cannot replay " + p.getMethod(), ex);
			}
		}
	}

	/**
	 * The generic plan, the one a prepared statement runs with once PostgreSQL decides
	 * that planning for each execution does not pay (the JDBC driver prepares a statement
	 * on the server from its 5th execution on, and the server may switch to the generic
	 * plan after 5 more): PREPARE with $n parameters, EXPLAIN EXECUTE under
	 * {@code plan_cache_mode = force_generic_plan}. (PostgreSQL 16 would have EXPLAIN
	 * (GENERIC_PLAN); the servers run 15.)
	 */
	static Plan genericPlan(Connection connection, Captured statement) throws SQLException {
		if (statement.parameters().isEmpty()) {
			return null;
		}
		List<ParameterSetOperation> parameters = statement.parameters();
		String types = parameters.stream().map(SqlPlans::typeOf).collect(Collectors.joining(", "));
		String values = parameters.stream().map(SqlPlans::literalOf).collect(Collectors.joining(", "));
		boolean autoCommit = connection.getAutoCommit();
		connection.setAutoCommit(false);
		try (Statement sql = connection.createStatement()) {
			sql.execute("SET LOCAL plan_cache_mode = force_generic_plan");
			sql.execute("PREPARE qd_plan_check (" + types + ") AS " + numbered(statement.sql()));
			try (ResultSet rs = sql.executeQuery(
					"EXPLAIN (ANALYZE, BUFFERS, TIMING OFF, FORMAT JSON) EXECUTE qd_plan_check (" + values + ")")) {
				rs.next();
				return plan("generic plan", rs.getString(1));
			}
		}
		finally {
			connection.rollback();
			try (Statement sql = connection.createStatement()) {
				sql.execute("DEALLOCATE ALL");
			}
			connection.setAutoCommit(autoCommit);
		}
	}

	/** The same plan as text, for a failure message. */
	static String text(Connection connection, Captured statement, boolean generic) throws SQLException {
		StringBuilder text = new StringBuilder();
		if (generic) {
			String types = statement.parameters().stream().map(SqlPlans::typeOf).collect(Collectors.joining(", "));
			String values = statement.parameters().stream().map(SqlPlans::literalOf).collect(Collectors.joining(", "));
			boolean autoCommit = connection.getAutoCommit();
			connection.setAutoCommit(false);
			try (Statement sql = connection.createStatement()) {
				sql.execute("SET LOCAL plan_cache_mode = force_generic_plan");
				sql.execute("PREPARE qd_plan_text (" + types + ") AS " + numbered(statement.sql()));
				try (ResultSet rs = sql
					.executeQuery("EXPLAIN (ANALYZE, BUFFERS, TIMING OFF) EXECUTE qd_plan_text (" + values + ")")) {
					while (rs.next()) {
						text.append("    ").append(rs.getString(1)).append('\n');
					}
				}
			}
			finally {
				connection.rollback();
				try (Statement sql = connection.createStatement()) {
					sql.execute("DEALLOCATE ALL");
				}
				connection.setAutoCommit(autoCommit);
			}
			return text.toString();
		}
		boolean autoCommit = connection.getAutoCommit();
		connection.setAutoCommit(false);
		try (PreparedStatement explain = connection
			.prepareStatement("EXPLAIN (ANALYZE, BUFFERS, TIMING OFF) " + statement.sql())) {
			bind(explain, statement);
			try (ResultSet rs = explain.executeQuery()) {
				while (rs.next()) {
					text.append("    ").append(rs.getString(1)).append('\n');
				}
			}
		}
		finally {
			connection.rollback();
			connection.setAutoCommit(autoCommit);
		}
		return text.toString();
	}

	private static Plan plan(String kind, String json) {
		JsonNode root = JSON.readTree(json).get(0).get("Plan");
		List<String> scans = new ArrayList<>();
		collectSeqScans(root, scans);
		long[] read = new long[2];
		String[] biggest = { null };
		collectRowsRead(root, read, biggest);
		return new Plan(kind, root, scans, root.get("Total Cost").asDouble(), read[0], biggest[0]);
	}

	private static void collectSeqScans(JsonNode node, List<String> into) {
		String type = node.path("Node Type").asString();
		String relation = node.path("Relation Name").asString();
		if ("Seq Scan".equals(type) && GUARDED.contains(relation)) {
			into.add("Seq Scan on " + relation
					+ (node.has("Filter") ? " (filter: " + node.get("Filter").asString() + ")" : ""));
		}
		for (JsonNode child : node.path("Plans")) {
			collectSeqScans(child, into);
		}
	}

	/**
	 * Rows that scans of the guarded tables looked at (returned plus removed by a filter
	 * or an index recheck, times the node's loops), known only from EXPLAIN ANALYZE:
	 * read[0] the sum, read[1] and biggest[0] the node that read most.
	 */
	private static void collectRowsRead(JsonNode node, long[] read, String[] biggest) {
		String relation = node.path("Relation Name").asString();
		if (node.has("Actual Rows") && GUARDED.contains(relation)) {
			long rows = (node.path("Actual Rows").asLong() + node.path("Rows Removed by Filter").asLong()
					+ node.path("Rows Removed by Index Recheck").asLong())
					* Math.max(1, node.path("Actual Loops").asLong());
			read[0] += rows;
			if (rows > read[1]) {
				read[1] = rows;
				biggest[0] = node.path("Node Type").asString() + " on " + relation
						+ (node.has("Index Name") ? " using " + node.get("Index Name").asString() : "") + ": " + rows
						+ " rows in " + Math.max(1, node.path("Actual Loops").asLong()) + " loop(s)";
			}
		}
		for (JsonNode child : node.path("Plans")) {
			collectRowsRead(child, read, biggest);
		}
	}

	/** '?' placeholders (outside quotes) as $1, $2, … for PREPARE. */
	static String numbered(String sql) {
		StringBuilder out = new StringBuilder();
		boolean quoted = false;
		int n = 0;
		for (int i = 0; i < sql.length(); i++) {
			char c = sql.charAt(i);
			if (c == '\'') {
				quoted = !quoted;
			}
			if (c == '?' && !quoted) {
				out.append('$').append(++n);
			}
			else {
				out.append(c);
			}
		}
		return out.toString();
	}

	/**
	 * The type the JDBC driver sends for a setter call; "unknown" lets the server infer
	 * it.
	 */
	private static String typeOf(ParameterSetOperation p) {
		String method = p.getMethod().getName();
		Object[] args = p.getArgs();
		Object value = args.length > 1 ? args[1] : null;
		return switch (method) {
			case "setLong" -> "bigint";
			case "setInt" -> "integer";
			case "setShort" -> "smallint";
			case "setBoolean" -> "boolean";
			case "setString", "setNString" -> "varchar";
			case "setDouble" -> "double precision";
			case "setFloat" -> "real";
			case "setBigDecimal" -> "numeric";
			case "setDate" -> "date";
			case "setNull" -> switch ((Integer) args[1]) {
				case Types.BIGINT -> "bigint";
				case Types.INTEGER -> "integer";
				case Types.VARCHAR -> "varchar";
				case Types.BOOLEAN -> "boolean";
				case Types.DATE -> "date";
				default -> "unknown";
			};
			case "setObject" -> objectType(value);
			default -> "unknown";
		};
	}

	private static String objectType(Object value) {
		if (value instanceof Long) {
			return "bigint";
		}
		if (value instanceof Integer) {
			return "integer";
		}
		if (value instanceof String) {
			return "varchar";
		}
		if (value instanceof Boolean) {
			return "boolean";
		}
		if (value instanceof OffsetDateTime || value instanceof Instant) {
			return "timestamptz";
		}
		if (value instanceof LocalDateTime) {
			return "timestamp";
		}
		if (value instanceof LocalDate || value instanceof Date) {
			return "date";
		}
		if (value instanceof BigDecimal) {
			return "numeric";
		}
		return "unknown";
	}

	private static String literalOf(ParameterSetOperation p) {
		Object[] args = p.getArgs();
		if ("setNull".equals(p.getMethod().getName()) || args.length < 2 || args[1] == null) {
			return "NULL";
		}
		return "'" + args[1].toString().replace("'", "''") + "'";
	}

}
