package io.queuedesk.ticket;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.queuedesk.user.Role;
import io.queuedesk.user.SignedInUser;

/**
 * The list filters and the visibility rule (docs/RULES.md#roles-and-visibility) as one
 * SQL WHERE clause over {@code tickets t} with named parameters. Each condition has the
 * shape an index of V8 serves: the queued/completed split is always written literally
 * ({@code t.queue_rank is [not] null}, the predicate of the partial indexes), so that the
 * planner can use them whatever the parameters.
 */
final class TicketConditions {

	/** At most this many words of a search are used. */
	static final int MAX_SEARCH_TERMS = 8;

	/**
	 * Search words shorter than this match whole words only: a one-letter prefix matches
	 * nearly everything.
	 */
	static final int MIN_PREFIX_LENGTH = 3;

	/** What a developer sees of the queued tickets. */
	private static final String DEVELOPER_QUEUED = "(t.assignee_id = :me or t.assignee_id is null or t.submitter_id = :me)";

	private final List<String> conditions = new ArrayList<>();

	private final Map<String, Object> params = new LinkedHashMap<>();

	private final boolean queued;

	private final Long clientId;

	private boolean searches;

	private boolean overdue;

	private TicketConditions(TicketFilter filter) {
		TicketStatus status = filter.getStatus();
		this.queued = status == null || status.isQueued();
		this.clientId = filter.getClient();
	}

	/** How a database matches the search words: the index it has for them. */
	enum TextSearch {

		/** The embedded H2: text that contains each word (no index). */
		CONTAINS,

		/** PostgreSQL's full-text search on the GIN indexes of V8. */
		POSTGRES,

		/** InnoDB full-text search on the FULLTEXT index of MariaDB's V8. */
		MARIADB

	}

	static TicketConditions of(TicketFilter filter, SignedInUser viewer, LocalDate today, TextSearch textSearch) {
		TicketConditions where = new TicketConditions(filter);
		where.add(where.queued ? "t.queue_rank is not null" : "t.queue_rank is null");
		if (filter.getStatus() != null && where.queued) {
			// Completed needs no condition of its own: it is "queue_rank is null", which
			// the
			// archive's indexes hold without reading the table.
			where.add("t.status = :status", "status", filter.getStatus().name());
		}
		if (filter.getClient() != null) {
			where.add("t.client_id = :client", "client", filter.getClient());
		}
		if (filter.unassignedOnly()) {
			where.add("t.assignee_id is null");
		}
		else if (filter.assigneeId() != null) {
			where.add("t.assignee_id = :assignee", "assignee", filter.assigneeId());
		}
		if (filter.getProductArea() != null) {
			where.add("t.product_area_id = :area", "area", filter.getProductArea());
		}
		where.overdue = filter.isOverdue() && where.queued;
		if (filter.isOverdue()) {
			// Completed tickets are never overdue; queued ones use the target-date index.
			where.add(where.queued ? targetKey(textSearch) + " < :today" : "1 = 0", "today", today);
		}
		where.search(filter.text(), textSearch);
		// A developer sees what is assigned to them and, while queued, what nobody has: a
		// filter
		// to exactly that needs no visibility condition, whose OR would keep the planner
		// from
		// reading the filter's index in queue order ("to pick up" read every unassigned
		// ticket).
		boolean ownOrFreeWork = filter.assigneeId() != null && filter.assigneeId().equals(viewer.getId())
				|| filter.unassignedOnly() && where.queued;
		if (!(ownOrFreeWork && viewer.hasRole(Role.DEVELOPER))) {
			where.visibleTo(viewer);
		}
		return where;
	}

	/**
	 * The target date order's key as this database indexes it: MariaDB has no expression
	 * indexes, its V8 has the same expression as the virtual column queued_target (NULL
	 * for completed tickets).
	 */
	static String targetKey(TextSearch database) {
		return database == TextSearch.MARIADB ? "t.queued_target" : ListOrder.TARGET_KEY;
	}

	/**
	 * For a developer's queued tickets, the visibility rule as three conditions that
	 * never hold for the same ticket, each served by an index (assigned to them, nobody,
	 * raised by them for someone else); otherwise empty. For {@link QueuesInTurn}, where
	 * MariaDB would merge three indexes for each client.
	 */
	List<String> visibilityParts() {
		return conditions.contains(DEVELOPER_QUEUED) ? List.of("t.assignee_id = :me", "t.assignee_id is null",
				"t.submitter_id = :me and t.assignee_id <> :me") : List.of();
	}

	/**
	 * {@link #sql()} without the developer's visibility rule of
	 * {@link #visibilityParts()}.
	 */
	String sqlWithoutVisibility() {
		return String.join(" and ", conditions.stream().filter(c -> !c.equals(DEVELOPER_QUEUED)).toList());
	}

	/** Only queued tickets past their target date. */
	boolean overdue() {
		return overdue;
	}

	/** Every queued ticket, no filter and no visibility condition (an admin's list). */
	boolean allQueued() {
		return queued && conditions.size() == 1;
	}

	boolean queued() {
		return queued;
	}

	boolean oneClient() {
		return clientId != null;
	}

	/**
	 * Whether a text search narrows the list (then its index, not the order's, finds the
	 * rows).
	 */
	boolean searches() {
		return searches;
	}

	String sql() {
		return String.join(" and ", conditions);
	}

	Map<String, Object> params() {
		return params;
	}

	/**
	 * Admins: all. Developers: own, assigned to them, or unassigned and not completed.
	 * Others: own.
	 */
	private void visibleTo(SignedInUser viewer) {
		if (viewer.hasRole(Role.ADMIN)) {
			return;
		}
		params.put("me", viewer.getId());
		if (!viewer.hasRole(Role.DEVELOPER)) {
			add("t.submitter_id = :me");
		}
		else if (queued) {
			add(DEVELOPER_QUEUED);
		}
		else {
			add("(t.assignee_id = :me or t.submitter_id = :me)");
		}
	}

	/**
	 * Every word of the search must occur. On PostgreSQL and MariaDB a word matches the
	 * words of title and description that start with it (a full-text query on the indexes
	 * of V8); on the embedded H2 without such an index, text that contains it.
	 */
	private void search(String text, TextSearch textSearch) {
		if (text == null) {
			return;
		}
		List<String> words = List.of(text.split("\\s+"))
			.stream()
			.filter(w -> !w.isEmpty())
			.limit(MAX_SEARCH_TERMS)
			.toList();
		searches = !words.isEmpty();
		if (textSearch == TextSearch.MARIADB) {
			String terms = InnoDbSearchTerms.of(words);
			// No word InnoDB could find (all too short, or only punctuation): no match,
			// as PostgreSQL finds nothing for a query without a lexeme.
			add(terms.isEmpty() ? "1 = 0" : "match (t.title, t.description) against (:search in boolean mode)",
					"search", terms);
			return;
		}
		if (textSearch == TextSearch.POSTGRES) {
			add("to_tsvector('simple', t.title || ' ' || t.description) @@ to_tsquery('simple', :search)", "search",
					String.join(" & ", words.stream().map(TicketConditions::prefixTerm).toList()));
			return;
		}
		for (int i = 0; i < words.size(); i++) {
			String name = "search" + i;
			add("(lower(t.title) like :" + name + " escape '\\' or lower(t.description) like :" + name
					+ " escape '\\')", name,
					"%" + words.get(i).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
		}
	}

	/**
	 * A quoted tsquery term: PostgreSQL's parser then splits it the way it split the text
	 * (so "e-mail" or "x.y@z.com" match as they were written), and {@code :*} makes it a
	 * prefix.
	 */
	private static String prefixTerm(String word) {
		String quoted = "'" + word.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("'", "''") + "'";
		return word.length() >= MIN_PREFIX_LENGTH ? quoted + ":*" : quoted;
	}

	private void add(String condition) {
		conditions.add(condition);
	}

	private void add(String condition, String param, Object value) {
		conditions.add(condition);
		params.put(param, value);
	}

}
