package io.queuedesk.dashboard;

import java.util.ArrayList;
import java.util.List;

/**
 * The geometry of a horizontal bar chart drawn as inline SVG by the template: one row per
 * bar, its length proportional to the largest value. Only SVG attributes carry sizes (no
 * style attributes: the CSP forbids inline styles). Labels are shortened in the chart;
 * the table next to it has the full names and the numbers.
 */
record BarChart(String id, int height, List<Bar> bars) {

	static final int ROW = 28;

	static final int LABEL_WIDTH = 130;

	static final int BAR_MAX = 210;

	private static final int LABEL_MAX_CHARS = 18;

	static BarChart of(String id, List<Bar> rows) {
		long max = rows.stream().mapToLong(Bar::value).max().orElse(0);
		List<Bar> bars = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			Bar row = rows.get(i);
			int length = max == 0 ? 0
					: (int) Math.max(row.value() == 0 ? 0 : 2, Math.round(BAR_MAX * (double) row.value() / max));
			bars.add(new Bar(shorten(row.label()), row.value(), length, i * ROW));
		}
		return new BarChart(id, Math.max(ROW, rows.size() * ROW), bars);
	}

	static Bar bar(String label, long value) {
		return new Bar(label, value, 0, 0);
	}

	private static String shorten(String label) {
		return label.length() <= LABEL_MAX_CHARS ? label : label.substring(0, LABEL_MAX_CHARS - 1) + "…";
	}

	/** One row: {@code y} is its top, {@code length} its bar's width in SVG units. */
	record Bar(String label, long value, int length, int y) {

		public int labelX() {
			return LABEL_WIDTH - 6;
		}

		public int barX() {
			return LABEL_WIDTH;
		}

		public int valueX() {
			return LABEL_WIDTH + length + 6;
		}

		public int textY() {
			return y + ROW / 2 + 5;
		}

		public int barY() {
			return y + 4;
		}

		public int barHeight() {
			return ROW - 8;
		}

	}

}
