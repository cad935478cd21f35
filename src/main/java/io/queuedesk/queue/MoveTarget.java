package io.queuedesk.queue;

import java.util.Locale;

/**
 * Where a move sends a ticket: top, up one, down one, bottom, or an explicit position.
 */
public sealed interface MoveTarget {

	/** The wanted rank, before clamping to 1..N. */
	int resolve(int current, int size);

	static MoveTarget top() {
		return new Position(1);
	}

	static MoveTarget bottom() {
		return new Bottom();
	}

	/**
	 * Parses the {@code to} field of the move form: top, up, down or bottom.
	 * @throws IllegalArgumentException for anything else
	 */
	static MoveTarget parse(String to) {
		return switch (to == null ? "" : to.strip().toLowerCase(Locale.ROOT)) {
			case "top" -> top();
			case "up" -> new Relative(-1);
			case "down" -> new Relative(+1);
			case "bottom" -> bottom();
			default -> throw new IllegalArgumentException("Unknown move target: " + to);
		};
	}

	record Position(int position) implements MoveTarget {

		@Override
		public int resolve(int current, int size) {
			return position;
		}

	}

	record Relative(int steps) implements MoveTarget {

		@Override
		public int resolve(int current, int size) {
			return current + steps;
		}

	}

	record Bottom() implements MoveTarget {

		@Override
		public int resolve(int current, int size) {
			return size;
		}

	}

}
