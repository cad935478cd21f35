package io.queuedesk.system;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import org.springframework.validation.Errors;

/**
 * An inclusive range of days ({@code from}/{@code to}, either may be open) as the
 * dashboard and the audit trail filter by it. Days are those of the server's time zone.
 */
public record DateRange(LocalDate from, LocalDate to) {

	public static final DateRange ALL = new DateRange(null, null);

	/**
	 * The range typed into the fields {@code from} and {@code to} (yyyy-MM-dd). A value
	 * that is no date, or a {@code from} after {@code to}, is rejected on its field and
	 * the range is then left open, so the page shows the unfiltered figures next to the
	 * message.
	 */
	public static DateRange parse(String from, String to, Errors errors) {
		LocalDate start = day(from, "from", errors);
		LocalDate end = day(to, "to", errors);
		if (errors.hasFieldErrors("from") || errors.hasFieldErrors("to")) {
			return ALL;
		}
		if (start != null && end != null && start.isAfter(end)) {
			errors.rejectValue("to", "dateRange.toBeforeFrom");
			return ALL;
		}
		return new DateRange(start, end);
	}

	private static LocalDate day(String text, String field, Errors errors) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			LocalDate day = LocalDate.parse(text.strip());
			// Years beyond 9999 parse ("+10000-01-01") but no database column or calendar
			// needs them.
			if (day.getYear() >= 1 && day.getYear() <= 9999) {
				return day;
			}
		}
		catch (DateTimeParseException ex) {
			// reported below
		}
		errors.rejectValue(field, "dateRange.invalid");
		return null;
	}

	public boolean isOpen() {
		return from == null && to == null;
	}

	/** The first instant of {@code from}, or null when open. */
	public Instant start(ZoneId zone) {
		return from == null ? null : from.atStartOfDay(zone).toInstant();
	}

	/** The first instant after {@code to} (exclusive end), or null when open. */
	public Instant end(ZoneId zone) {
		return to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant();
	}

}
