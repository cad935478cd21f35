package io.queuedesk.activity;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.queuedesk.system.DateRange;

/**
 * The audit trail's filters, already checked, and the SQL WHERE clause they make. Every
 * condition is one an index serves: emails (exact, stored lower-case) on actor_email and
 * target_user_email, ticket_id, action, and occurred_at for the range and the order.
 * @param email actor or target user, exact and ignoring case; null for anyone
 */
record ActivityQuery(String email, Long ticketId, ActivityAction action, DateRange range) {

	static final ActivityQuery ALL = new ActivityQuery(null, null, null, DateRange.ALL);

	static final String COLUMNS = "id, occurred_at, actor_email, action, ticket_id, ticket_title, target_user_email, details";

	ActivityQuery {
		email = email == null || email.isBlank() ? null : email.strip().toLowerCase(Locale.ROOT);
		range = range == null ? DateRange.ALL : range;
	}

	/** " where …" (or "") with its parameters in {@code params}. */
	String where(ZoneId zone, List<Object> params) {
		List<String> conditions = new ArrayList<>();
		if (email != null) {
			conditions.add("(actor_email = ? or target_user_email = ?)");
			params.add(email);
			params.add(email);
		}
		if (ticketId != null) {
			conditions.add("ticket_id = ?");
			params.add(ticketId);
		}
		if (action != null) {
			conditions.add("action = ?");
			params.add(action.name());
		}
		if (range.from() != null) {
			conditions.add("occurred_at >= ?");
			params.add(range.start(zone).atOffset(ZoneOffset.UTC));
		}
		if (range.to() != null) {
			conditions.add("occurred_at < ?");
			params.add(range.end(zone).atOffset(ZoneOffset.UTC));
		}
		return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
	}

}
