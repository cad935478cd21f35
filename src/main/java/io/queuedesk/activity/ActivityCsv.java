package io.queuedesk.activity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.ZoneId;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The audit trail as CSV (RFC 4180: commas, quotes and line breaks quoted by Commons
 * CSV), one record written per call. Text cells that a spreadsheet would run as a formula
 * get a leading apostrophe, so an email or title like {@code =HYPERLINK(…)} stays text
 * when opened in Excel.
 */
final class ActivityCsv {

	static final String[] HEADER = { "id", "occurred_at", "actor_email", "action", "ticket_id", "ticket_title",
			"target_user_email", "details" };

	private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader(HEADER).get();

	private final CSVPrinter printer;

	private final ZoneId zone;

	ActivityCsv(Writer out, ZoneId zone) {
		this.zone = zone;
		try {
			this.printer = new CSVPrinter(out, FORMAT);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	void write(ActivityEntry entry) {
		try {
			printer.printRecord(entry.id(), entry.occurredAt().atZone(zone).toOffsetDateTime(),
					text(entry.actorEmail()), entry.action().name(), entry.ticketId(), text(entry.ticketTitle()),
					text(entry.targetUserEmail()), text(entry.details()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	void flush() {
		try {
			printer.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Neutralises spreadsheet formulas (OWASP "CSV injection"): = + - @ tab and CR lead
	 * them.
	 */
	static String text(String value) {
		if (value == null || value.isEmpty()) {
			return value;
		}
		return "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
	}

}
