package io.queuedesk.activity;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.queuedesk.system.DateRange;

/**
 * The audit trail's filters, already checked, and the SQL they make. Every condition is
 * one an index serves together with the order (occurred_at desc, id desc; migration V9):
 * emails (exact, stored lower-case) on actor_email and target_user_email, ticket_id,
 * action, and occurred_at for the range and the order.
 * <p>
 * The email filter matches the actor <em>or</em> the affected user. An OR of two indexed
 * columns cannot be read in one index's order, so the query is made of two branches, one
 * per index, each read in order and limited, and merged ({@link #branches}).
 *
 * @param email actor or target user, exact and ignoring case; null for anyone
 */
record ActivityQuery(String email, Long ticketId, ActivityAction action, DateRange range) {

	static final ActivityQuery ALL = new ActivityQuery(null, null, null, DateRange.ALL);

	static final String COLUMNS = "id, occurred_at, actor_email, action, ticket_id, ticket_title, target_user_email, details";

	ActivityQuery {
		email = email == null || email.isBlank() ? null : email.strip().toLowerCase(Locale.ROOT);
		range = range == null ? DateRange.ALL : range;
	}

	/**
	 * " where …" (or "") with its parameters in {@code params}: the whole filter in one
	 * clause.
	 */
	String where(ZoneId zone, List<Object> params) {
		List<String> conditions = new ArrayList<>();
		if (email != null) {
			conditions.add("(actor_email = ? or target_user_email = ?)");
			params.add(email);
			params.add(email);
		}
		conditions.addAll(others(zone, params));
		return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
	}

	/**
	 * The matching entries as one or two ordered, limited selects (one per email column,
	 * the second leaving out what the first has), as a UNION ALL to select from.
	 * @param columns the select list
	 * @param extra a further condition (a keyset), or null
	 * @param extraParams its parameters
	 * @param newestFirst the order of each branch: occurred_at and id descending, else
	 * ascending
	 * @param limit rows each branch reads at most
	 */
	String branches(String columns, ZoneId zone, String extra, List<Object> extraParams, boolean newestFirst,
			long limit, List<Object> params) {
		String order = newestFirst ? " order by occurred_at desc, id desc" : " order by occurred_at, id";
		if (email == null) {
			return "select " + columns + " from activity_log"
					+ where(List.of(), List.of(), zone, extra, extraParams, params) + order + " limit " + limit;
		}
		String actor = "select " + columns + " from activity_log"
				+ where(List.of("actor_email = ?"), List.of(email), zone, extra, extraParams, params) + order
				+ " limit " + limit;
		String target = "select " + columns + " from activity_log"
				+ where(List.of("target_user_email = ?", "actor_email <> ?"), List.of(email, email), zone, extra,
						extraParams, params)
				+ order + " limit " + limit;
		return "(" + actor + ") union all (" + target + ")";
	}

	private String where(List<String> first, List<Object> firstParams, ZoneId zone, String extra,
			List<Object> extraParams, List<Object> params) {
		List<String> conditions = new ArrayList<>(first);
		params.addAll(firstParams);
		conditions.addAll(others(zone, params));
		if (extra != null) {
			conditions.add(extra);
			params.addAll(extraParams);
		}
		return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
	}

	private List<String> others(ZoneId zone, List<Object> params) {
		List<String> conditions = new ArrayList<>();
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
		return conditions;
	}

}
