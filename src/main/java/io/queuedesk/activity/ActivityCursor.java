package io.queuedesk.activity;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Where a page of the audit trail starts: the sort key (occurred_at, id) of the entry
 * next to it, written into the "next" and "previous" links as
 * {@code <epoch microseconds>.<id>}. Nothing in it is secret; a forged cursor only moves
 * where a page starts.
 */
record ActivityCursor(Instant occurredAt, long id) {

	@Override
	public String toString() {
		return ChronoUnit.MICROS.between(Instant.EPOCH, occurredAt) + "." + id;
	}

	/** The cursor in a link, or empty for anything that is not one. */
	static Optional<ActivityCursor> parse(String text) {
		if (text == null || text.isBlank()) {
			return Optional.empty();
		}
		String[] parts = text.strip().split("\\.");
		if (parts.length != 2) {
			return Optional.empty();
		}
		try {
			long micros = Long.parseLong(parts[0]);
			return Optional
				.of(new ActivityCursor(Instant.EPOCH.plus(micros, ChronoUnit.MICROS), Long.parseLong(parts[1])));
		}
		catch (NumberFormatException | ArithmeticException | DateTimeException ex) {
			return Optional.empty();
		}
	}

}
