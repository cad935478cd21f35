package io.queuedesk.system;

import java.lang.reflect.InvocationTargetException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import net.ttddyy.dsproxy.proxy.ParameterSetOperation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * What MariaDB did for one recorded statement ({@link SqlPlans.Captured}):
 * {@code ANALYZE FORMAT=JSON} runs it with the parameters bound by the very setter calls
 * the application made (in a transaction that is rolled back) and reports, for every
 * table it read, the access (ALL is a full scan), the index, and the rows read
 * ({@code r_loops × r_rows}).
 */
final class MariaDbPlans {

	private static final ObjectMapper JSON = JsonMapper.builder().build();

	private MariaDbPlans() {
	}

	/**
	 * One table access of a plan; {@code table} is the name or alias the statement gives
	 * it (MariaDB reports aliases), {@code guarded} whether it is one of
	 * {@link SqlPlans#GUARDED}.
	 */
	record Access(String table, String type, String key, double loops, double rows, boolean guarded) {

		long rowsRead() {
			return Math.round(loops * rows);
		}

		@Override
		public String toString() {
			return table + " " + type + (key == null ? "" : " " + key) + ": " + rowsRead() + " rows"
					+ (loops > 1 ? " in " + Math.round(loops) + " loops" : "");
		}

	}

	/** A statement's plan as run: its accesses, and the JSON for a failure message. */
	record Plan(List<Access> accesses, String json, double millis) {

		List<Access> fullScans() {
			return accesses.stream().filter(a -> a.guarded() && "ALL".equals(a.type())).toList();
		}

		long rowsRead() {
			return accesses.stream().filter(Access::guarded).mapToLong(Access::rowsRead).sum();
		}

		String summary() {
			return String.join("; ", accesses.stream().map(Access::toString).toList());
		}

	}

	static Plan analyze(Connection connection, SqlPlans.Captured statement) throws SQLException {
		boolean autoCommit = connection.getAutoCommit();
		connection.setAutoCommit(false);
		try (PreparedStatement explain = connection.prepareStatement("ANALYZE FORMAT=JSON " + statement.sql())) {
			for (ParameterSetOperation p : statement.parameters()) {
				try {
					p.getMethod().invoke(explain, p.getArgs());
				}
				catch (IllegalAccessException | InvocationTargetException ex) {
					throw new IllegalStateException("Cannot replay " + p.getMethod(), ex);
				}
			}
			try (ResultSet rs = explain.executeQuery()) {
				rs.next();
				String json = rs.getString(1);
				JsonNode root = JSON.readTree(json);
				List<Access> accesses = new ArrayList<>();
				collect(root, guardedNames(statement.sql()), accesses);
				return new Plan(accesses, json, root.path("query_block").path("r_total_time_ms").asDouble());
			}
		}
		finally {
			connection.rollback();
			connection.setAutoCommit(autoCommit);
		}
	}

	/** Every "table" object anywhere in the plan (joins, subqueries, derived tables). */
	private static void collect(JsonNode node, Set<String> guarded, List<Access> into) {
		if (node.isObject()) {
			if (node.has("table_name") && node.has("access_type")) {
				String table = node.get("table_name").asString();
				into.add(new Access(table, node.get("access_type").asString(),
						node.has("key") ? node.get("key").asString() : null, node.path("r_loops").asDouble(),
						node.path("r_rows").asDouble(), guarded.contains(table.toLowerCase(Locale.ROOT))));
			}
			for (Map.Entry<String, JsonNode> field : node.properties()) {
				collect(field.getValue(), guarded, into);
			}
		}
		else if (node.isArray()) {
			for (JsonNode child : node) {
				collect(child, guarded, into);
			}
		}
	}

	private static final Pattern TABLE = Pattern.compile("(?i)\\b(?:from|join)\\s+(\\w+)(?:\\s+(?:as\\s+)?(\\w+))?");

	private static final Set<String> KEYWORDS = Set.of("where", "join", "left", "inner", "cross", "on", "order",
			"group", "limit", "union", "having", "straight_join", "natural", "using", "for", "lock", "force", "use");

	/** The guarded tables' names and the aliases the statement gives them. */
	static Set<String> guardedNames(String sql) {
		Set<String> names = new HashSet<>(SqlPlans.GUARDED);
		Matcher table = TABLE.matcher(sql);
		while (table.find()) {
			String alias = table.group(2);
			if (SqlPlans.GUARDED.contains(table.group(1).toLowerCase(Locale.ROOT)) && alias != null
					&& !KEYWORDS.contains(alias.toLowerCase(Locale.ROOT))) {
				names.add(alias.toLowerCase(Locale.ROOT));
			}
		}
		return names;
	}

}
