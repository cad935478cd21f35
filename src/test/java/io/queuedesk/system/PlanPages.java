package io.queuedesk.system;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The pages the plan tests request ({@link QueryPlanTest} on PostgreSQL,
 * {@link MariaDbQueryPlanTest} on MariaDB), on the generated data set of either: the
 * clients with the longest and the shortest (non-empty) queue and the ticket with the
 * longest conversation, whatever the generator calls them.
 */
record PlanPages(long bigClient, long smallClient, long longConversation, long bigQueueLength) {

	record Page(String user, String url, long maxRowsRead) {
	}

	static PlanPages of(JdbcClient jdbc) {
		long big = jdbc.sql("""
				select client_id from tickets where queue_rank is not null
				group by client_id order by count(*) desc, client_id limit 1""").query(Long.class).single();
		long small = jdbc.sql("""
				select client_id from tickets where queue_rank is not null
				group by client_id order by count(*), client_id limit 1""").query(Long.class).single();
		long conversation = jdbc
			.sql("select ticket_id from comments group by ticket_id order by count(*) desc, ticket_id limit 1")
			.query(Long.class)
			.single();
		long queued = jdbc.sql("select count(*) from tickets where client_id = ? and queue_rank is not null")
			.param(big)
			.query(Long.class)
			.single();
		return new PlanPages(big, small, conversation, queued);
	}

	/** Last page of the big client's queue, 50 a page. */
	int bigQueuePages() {
		return (int) (bigQueueLength / 50);
	}

	/** The pages to check: name → (user, URL, rows a statement may read). */
	Map<String, Page> pages(JdbcClient jdbc, long maxRowsRead) {
		String activityTicket = Long.toString(longConversation);
		LocalDate today = LocalDate.now();
		Map<String, Page> pages = new LinkedHashMap<>();
		add(pages, maxRowsRead, "ticket list", PlanData.ADMIN, "/tickets");
		add(pages, maxRowsRead, "ticket list, big client", PlanData.ADMIN, "/tickets?client=" + bigClient);
		add(pages, maxRowsRead, "ticket list, small client", PlanData.ADMIN, "/tickets?client=" + smallClient);
		add(pages, maxRowsRead, "search, frequent word", PlanData.ADMIN, "/tickets?q=" + PlanData.FREQUENT_WORD);
		add(pages, maxRowsRead, "search, rare word", PlanData.ADMIN, "/tickets?q=" + PlanData.RARE_WORD);
		add(pages, maxRowsRead, "search, two words", PlanData.ADMIN, "/tickets?q=export+" + PlanData.FREQUENT_WORD);
		add(pages, maxRowsRead, "sort by target date", PlanData.ADMIN, "/tickets?sort=TARGET_DATE");
		add(pages, maxRowsRead, "sort newest first", PlanData.ADMIN, "/tickets?sort=CREATED");
		add(pages, maxRowsRead, "sort by completion", PlanData.ADMIN, "/tickets?sort=COMPLETED");
		add(pages, maxRowsRead, "status completed", PlanData.ADMIN, "/tickets?status=COMPLETED");
		add(pages, maxRowsRead, "status open", PlanData.ADMIN, "/tickets?status=OPEN");
		add(pages, maxRowsRead, "overdue", PlanData.ADMIN, "/tickets?overdue=true");
		add(pages, maxRowsRead, "unassigned", PlanData.ADMIN, "/tickets?assignee=none");
		add(pages, maxRowsRead, "big client by target date", PlanData.ADMIN,
				"/tickets?client=" + bigClient + "&sort=TARGET_DATE");
		add(pages, maxRowsRead, "big client completed", PlanData.ADMIN,
				"/tickets?client=" + bigClient + "&status=COMPLETED");
		add(pages, maxRowsRead, "page 150 (offset)", PlanData.ADMIN, "/tickets?page=150");
		add(pages, maxRowsRead, "page 5000 (refused)", PlanData.ADMIN, "/tickets?page=5000");
		add(pages, maxRowsRead, "ticket list, developer", PlanData.DEVELOPER, "/tickets");
		add(pages, maxRowsRead, "ticket list, submitter", PlanData.SUBMITTER, "/tickets");
		add(pages, maxRowsRead, "search, submitter", PlanData.SUBMITTER, "/tickets?q=" + PlanData.FREQUENT_WORD);
		add(pages, maxRowsRead, "queue of the big client", PlanData.ADMIN, "/queues/" + bigClient);
		add(pages, maxRowsRead, "queue of the big client, deep page", PlanData.ADMIN,
				"/queues/" + bigClient + "?page=" + (bigQueuePages() - 1));
		add(pages, maxRowsRead, "queue of a small client", PlanData.ADMIN, "/queues/" + smallClient);
		add(pages, maxRowsRead, "board of the big client", PlanData.ADMIN, "/queues/" + bigClient + "/board");
		add(pages, maxRowsRead, "board of the big client, deep page", PlanData.ADMIN,
				"/queues/" + bigClient + "/board?page=" + (bigQueuePages() - 1));
		add(pages, maxRowsRead, "ticket with 30 comments and 20 files", PlanData.ADMIN, "/tickets/" + longConversation);
		long screenshot = jdbc.sql("select min(id) from attachments where ticket_id = ? and thumbnail is not null")
			.param(longConversation)
			.query(Long.class)
			.single();
		add(pages, maxRowsRead, "file download", PlanData.ADMIN, "/attachments/" + screenshot);
		add(pages, maxRowsRead, "file thumbnail", PlanData.ADMIN, "/attachments/" + screenshot + "/thumbnail");
		add(pages, maxRowsRead, "ticket, its developer", PlanData.DEVELOPER,
				"/tickets/" + ticketOf(jdbc, "assignee_id", PlanData.DEVELOPER));
		add(pages, maxRowsRead, "ticket, its submitter", PlanData.SUBMITTER,
				"/tickets/" + ticketOf(jdbc, "submitter_id", PlanData.SUBMITTER));
		add(pages, maxRowsRead, "archive", PlanData.ADMIN, "/archive");
		add(pages, maxRowsRead, "archive search", PlanData.ADMIN, "/archive?q=" + PlanData.FREQUENT_WORD);
		add(pages, maxRowsRead, "archive, big client", PlanData.ADMIN, "/archive?client=" + bigClient);
		add(pages, maxRowsRead, "my tickets, developer", PlanData.DEVELOPER, "/my/tickets");
		add(pages, maxRowsRead, "my board, developer", PlanData.DEVELOPER, "/my/board");
		add(pages, maxRowsRead, "my tickets, submitter", PlanData.SUBMITTER, "/my/tickets");
		add(pages, maxRowsRead, "API, big client", PlanData.ADMIN, "/api/tickets?client=" + bigClient);
		add(pages, maxRowsRead, "API, search", PlanData.ADMIN, "/api/tickets?q=" + PlanData.RARE_WORD);
		// The dashboard's whole-desk counts read many index entries, but once per TTL in
		// the
		// background (TicketStatistics' cache), never per view: no sequential scan, no
		// row bound.
		pages.put("dashboard", new Page(PlanData.ADMIN, "/admin", Long.MAX_VALUE));
		pages.put("dashboard, last 30 days",
				new Page(PlanData.ADMIN, "/admin?from=" + today.minusDays(30) + "&to=" + today, Long.MAX_VALUE));
		add(pages, maxRowsRead, "activity", PlanData.ADMIN, "/admin/activity");
		add(pages, maxRowsRead, "activity, deep page", PlanData.ADMIN, "/admin/activity?page=2000");
		add(pages, maxRowsRead, "activity by user", PlanData.ADMIN, "/admin/activity?user=" + PlanData.DEVELOPER);
		add(pages, maxRowsRead, "activity by ticket", PlanData.ADMIN, "/admin/activity?ticket=" + activityTicket);
		add(pages, maxRowsRead, "activity by action", PlanData.ADMIN, "/admin/activity?action=STATUS_CHANGED");
		add(pages, maxRowsRead, "activity by date", PlanData.ADMIN,
				"/admin/activity?from=" + today.minusDays(7) + "&to=" + today);
		add(pages, maxRowsRead, "users, search", PlanData.ADMIN, "/admin/users?q=plan-user-12");
		add(pages, maxRowsRead, "users", PlanData.ADMIN, "/admin/users");
		add(pages, maxRowsRead, "users, developers", PlanData.ADMIN, "/admin/users?role=DEVELOPER");
		add(pages, maxRowsRead, "users, active submitters", PlanData.ADMIN, "/admin/users?role=SUBMITTER&active=true");
		return pages;
	}

	/**
	 * The newest queued ticket with this user in this column ("assignee_id",
	 * "submitter_id").
	 */
	private static long ticketOf(JdbcClient jdbc, String column, String email) {
		return jdbc
			.sql("select max(t.id) from tickets t join users u on u.id = t." + column
					+ " where u.email = ? and t.queue_rank is not null")
			.param(email)
			.query(Long.class)
			.single();
	}

	private static void add(Map<String, Page> pages, long maxRowsRead, String name, String user, String url) {
		pages.put(name, new Page(user, url, maxRowsRead));
	}

}
