package io.queuedesk.system;

import java.util.ArrayList;
import java.util.List;

/**
 * A keyset condition: the rows after (or before) a cursor in an order of several columns,
 * {@code (a, b) > (x, y)}. PostgreSQL and H2 seek a row-value comparison in the index of
 * those columns. MariaDB (10.x) and MySQL do not make a range of it: they walk the index
 * from its start and filter, reading every row before the cursor. For them the condition
 * is written out, {@code a >= x and (a > x or b > y)}, whose first part is a range.
 *
 * @param sql the condition
 * @param values the cursor's values in the order of the condition's placeholders
 */
public record Keyset(String sql, List<Object> values) {

	/**
	 * @param rowValue a row-value comparison (PostgreSQL, H2), else written out
	 * @param columns the order's columns
	 * @param operator {@code >} or {@code <}
	 * @param keys the cursor's values, as SQL (a placeholder, a named parameter, a
	 * subquery)
	 * @param values what the keys stand for, to bind positionally; empty for named
	 * parameters
	 */
	public static Keyset of(boolean rowValue, List<String> columns, String operator, List<String> keys,
			List<Object> values) {
		if (rowValue) {
			return new Keyset("(" + String.join(", ", columns) + ") " + operator + " (" + String.join(", ", keys) + ")",
					values);
		}
		List<Object> bound = new ArrayList<>();
		String sql = writtenOut(columns, operator, keys, values, 0, bound);
		return new Keyset(sql, values.isEmpty() ? values : bound);
	}

	/** Positional placeholders ({@code ?}) for these values. */
	public static Keyset of(boolean rowValue, List<String> columns, String operator, List<Object> values) {
		return of(rowValue, columns, operator, values.stream().map(v -> "?").toList(), values);
	}

	/**
	 * Row-value comparisons are sought in an index everywhere but on MariaDB and MySQL.
	 */
	public static boolean rowValues(DatabaseDialect dialect) {
		return !dialect.isMariaDb();
	}

	private static String writtenOut(List<String> columns, String operator, List<String> keys, List<Object> values,
			int i, List<Object> bound) {
		String column = columns.get(i);
		String key = keys.get(i);
		if (i == columns.size() - 1) {
			bind(values, i, bound);
			return column + " " + operator + " " + key;
		}
		bind(values, i, bound);
		bind(values, i, bound);
		return column + " " + operator + "= " + key + " and (" + column + " " + operator + " " + key + " or ("
				+ writtenOut(columns, operator, keys, values, i + 1, bound) + "))";
	}

	private static void bind(List<Object> values, int i, List<Object> bound) {
		if (!values.isEmpty()) {
			bound.add(values.get(i));
		}
	}

}
