package io.queuedesk.demo;

import static io.queuedesk.demo.DataGenerator.CLIENT_PREFIX;
import static io.queuedesk.demo.DataGenerator.EMAIL_DOMAIN;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The statements of one {@code generate-data} run ({@link DataGenerator}). Only numbers
 * computed here and the pools' constant text are inlined into the SQL; nothing comes from
 * input.
 * <p>
 * H2 and PostgreSQL share one SQL. MariaDB gets its own forms of the few constructs it
 * lacks ({@link #mariaDb}), computing the same values, so a seed gives the same data
 * there too: the Sequence engine's {@code seq_1_to_N} tables for {@code generate_series},
 * {@code ELT} for array subscripts, {@code DIV} for integer division (its {@code /}
 * divides exactly), {@code + INTERVAL (n) unit} for interval arithmetic, {@code SIGNED},
 * {@code DOUBLE} and {@code CHAR} in casts, {@code DATETIME} literals in UTC (the
 * session's zone). {@code ||} concatenates there too (PIPES_AS_CONCAT,
 * system/MariaDbSettings).
 */
final class GenerationSql {

	/**
	 * Queue rank of queued ticket n: sparse, increasing with n, unique per client (see
	 * queue/Ranks).
	 */
	static final long RANK_GAP = 1L << 32;

	/** Tickets were created over the three years before the run. */
	private static final long SPAN_SECONDS = Duration.ofDays(3 * 365).toSeconds();

	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'+00'")
		.withZone(ZoneOffset.UTC);

	private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
		.withZone(ZoneOffset.UTC);

	final GenerationPlan plan;

	final LoadText text;

	final long userBase;

	final long clientBase;

	final long ticketBase;

	final long commentBase;

	final List<Long> areaIds;

	final String now;

	final String start;

	/** MariaDB's forms instead of the SQL of H2 and PostgreSQL. */
	final boolean mariaDb;

	/**
	 * The pools the tickets pick from, as a cross-joined row of arrays (none on MariaDB,
	 * where each pick lists its pool's values).
	 */
	private final String ticketPools;

	GenerationSql(GenerationPlan plan, LoadText text, Instant now, long userBase, long clientBase, long ticketBase,
			long commentBase, List<Long> areaIds) {
		this(plan, text, now, userBase, clientBase, ticketBase, commentBase, areaIds, false);
	}

	GenerationSql(GenerationPlan plan, LoadText text, Instant now, long userBase, long clientBase, long ticketBase,
			long commentBase, List<Long> areaIds, boolean mariaDb) {
		this.mariaDb = mariaDb;
		this.plan = plan;
		this.text = text;
		this.userBase = userBase;
		this.clientBase = clientBase;
		this.ticketBase = ticketBase;
		this.commentBase = commentBase;
		this.areaIds = areaIds;
		this.now = timestamp(now, mariaDb);
		this.start = timestamp(now.minusSeconds(SPAN_SECONDS + Duration.ofDays(1).toSeconds()), mariaDb);
		this.ticketPools = mariaDb ? ""
				: " cross join (select %s as ts, %s as tp, %s as tf, %s as d, %s as a) p".formatted(
						LoadText.array(text.titleSubjects), LoadText.array(text.titlePredicates),
						LoadText.array(LoadText.FREQUENT_PHRASES), LoadText.array(text.sentences), areaArray());
	}

	/**
	 * A pseudo-random non-negative int from a row key and the seed: the product of two
	 * linear congruences modulo primes, in BIGINT arithmetic that cannot overflow (keys
	 * stay below 2^40, each factor below 2^31). Each use passes its own slot, so the
	 * choices of one row are independent of each other.
	 */
	String hash(String n, int slot) {
		String key = "(" + bigint(n) + " * 32 + " + slot + ")";
		// H2 types mod(bigint, int) as INT: the cast keeps the product in BIGINT.
		return "mod(" + bigint("mod(" + key + " * 48271 + " + plan.seed() + ", 2147483647)") + " * mod(" + key
				+ " * 16807 + 7, 2147483629), 2147483587)";
	}

	/**
	 * Index 1..size into a pool, chosen by hash: a subscript of the cross-joined array
	 * {@code column}; on MariaDB, which has no arrays, {@code ELT} over the pool's
	 * values.
	 */
	String pick(String column, List<String> pool, String n, int slot) {
		String index = "1 + mod(" + hash(n, slot) + ", " + pool.size() + ")";
		return mariaDb ? "elt(" + index + ", " + LoadText.values(pool) + ")" : column + "[" + index + "]";
	}

	private String bigint(String value) {
		return "cast(" + value + (mariaDb ? " as signed)" : " as bigint)");
	}

	/** Integer division (MariaDB's {@code /} divides exactly). */
	private String div(String dividend, Object divisor) {
		return dividend + (mariaDb ? " div " : " / ") + divisor;
	}

	/** {@code time} plus {@code amount} (an expression) days, hours, …. */
	private String plus(String time, String amount, String unit) {
		return mariaDb ? time + " + interval (" + amount + ") " + unit
				: time + " + " + amount + " * interval '1' " + unit;
	}

	/** The rows k = from..to of a FROM clause, named {@code alias(k)}. */
	private String series(Object from, Object to, String alias, String k) {
		return mariaDb ? "(select seq as " + k + " from seq_" + from + "_to_" + to + ") " + alias
				: "generate_series(" + from + ", " + to + ") as " + alias + "(" + k + ")";
	}

	private int firstDeveloper() {
		return plan.admins() + 1;
	}

	private int firstSubmitter() {
		return plan.admins() + plan.developers() + 1;
	}

	String users() {
		return """
				insert into users (id, email, display_name, password_hash, active, confirmed, failed_login_count,
				  created_at, version)
				select %d + k,
				  case when k < %d then 'admin' || k when k < %d then 'developer' || (k - %d)
				    else 'user' || (k - %d) end || '%s',
				  %s || ' ' || %s, ?, true, true, 0, %s, 0
				from %s%s
				""".formatted(userBase, firstDeveloper(), firstSubmitter(), plan.admins(), firstSubmitter() - 1,
				EMAIL_DOMAIN, pick("p.f", LoadText.FIRST_NAMES, "k", 1), pick("p.l", LoadText.LAST_NAMES, "k", 2),
				start, series(1, plan.users(), "g", "k"), mariaDb ? "" : " cross join (select %s as f, %s as l) p"
					.formatted(LoadText.array(LoadText.FIRST_NAMES), LoadText.array(LoadText.LAST_NAMES)));
	}

	String userRoles() {
		return """
				insert into user_roles (user_id, role)
				select %d + k, case when k < %d then 'ADMIN' when k < %d then 'DEVELOPER' else 'SUBMITTER' end
				from %s
				""".formatted(userBase, firstDeveloper(), firstSubmitter(), series(1, plan.users(), "g", "k"));
	}

	String clients() {
		int digits = Math.max(3, String.valueOf(plan.clients()).length());
		return """
				insert into clients (id, name, active, created_at, version)
				select %d + k, '%s' || lpad(cast(k as %s), %d, '0'), true, %s, 0
				from %s
				""".formatted(clientBase, CLIENT_PREFIX, mariaDb ? "char" : "varchar", digits, start,
				series(1, plan.clients(), "g", "k"));
	}

	/**
	 * Tickets first..last. Inner query: kind, creation time and the row's hashes; middle:
	 * the choices made from them; outer: the columns. Client 1 is the big client (all
	 * kind-0 tickets); the others follow a skewed spread: index floor(C·u³) for uniform
	 * u, so the first clients hold most tickets and the last ones a few hundred (at 1M).
	 */
	String tickets(long first, long last) {
		int c = plan.clients();
		String uniform = "(cast(mod(h2, 1000000) as " + (mariaDb ? "double" : "double precision") + ") / 1000000)";
		String integer = mariaDb ? "signed" : "int";
		return """
				insert into tickets (id, title, description, client_id, product_area_id, queue_rank, target_date,
				  status, assignee_id, submitter_id, created_at, updated_at, completed_at, version)
				select %1$d + n, title, description, %2$d + client, area,
				  case when status <> 'COMPLETED' then n * %3$d end,
				  case when assignee is null or mod(h7, 10) >= 3
				    then cast(%30$s as date) end,
				  status, assignee, submitter, created,
				  case when status = 'COMPLETED' then completed else least(%31$s, %4$s) end,
				  case when status = 'COMPLETED' then completed end, 0
				from (
				  select n, created, h7, h8,
				    case when kind >= 5 then 'COMPLETED' when mod(h1, 20) < 8 then 'OPEN' when mod(h1, 20) < 13 then 'ACCEPTED'
				      when mod(h1, 20) < 18 then 'IN_PROGRESS' else 'ON_HOLD' end as status,
				    case when kind = 0 then 1
				      when kind < 5 then 2 + cast(floor(%5$d * %6$s * %6$s * %6$s) as %32$s)
				      else 1 + cast(floor(%7$d * %6$s * %6$s * %6$s) as %32$s) end as client,
				    case when kind < 5 and mod(h1, 20) < 8 and mod(h3, 2) = 0 then null else %8$d + mod(%33$s, %9$d) end as assignee,
				    %10$d + mod(h4, %11$d) as submitter,
				    %12$s as area,
				    least(%34$s, %4$s) as completed,
				    case when mod(n, %13$d) = mod(%35$s, 20) + 1 then %14$s || ' %15$s'
				      when mod(h5, 1000) < 17 then %14$s || ' ' || %16$s
				      else %14$s || ' ' || %17$s end as title,
				    %18$s as description
				  from (
				    select n, mod(n * 7 + %19$d, 20) as kind,
				      %20$s as created,
				      %21$s as h1, %22$s as h2, %23$s as h3, %24$s as h4, %25$s as h5, %26$s as h7, %27$s as h8
				    from %28$s) r
				 %29$s) t
				"""
			.formatted(ticketBase, clientBase, RANK_GAP, now, c - 1, uniform, c, userBase + firstDeveloper(),
					plan.developers(), userBase + firstSubmitter(), plan.submitters(), area(), plan.rareStep(),
					pick("p.ts", text.titleSubjects, "n", 9), LoadText.RARE_PHRASE,
					pick("p.tf", LoadText.FREQUENT_PHRASES, "n", 10), pick("p.tp", text.titlePredicates, "n", 10),
					description(), plan.seed(),
					plus(start, "(" + div("(n - 1) * " + SPAN_SECONDS, plan.tickets()) + ")", "second"), hash("n", 1),
					hash("n", 2), hash("n", 3), hash("n", 4), hash("n", 5), hash("n", 7), hash("n", 8),
					mariaDb ? series(first, last, "g", "n")
							: series("cast(" + first + " as bigint)", "cast(" + last + " as bigint)", "g", "n"),
					ticketPools, plus("created", "(7 + mod(" + div("h7", 10) + ", 60))", "day"),
					plus("created", "(1 + mod(h8, 72))", "hour"), integer, div("h3", 2),
					plus("created", "(1 + mod(" + div("h8", 72) + ", 720))", "hour"), div("n", plan.rareStep()));
	}

	private String description() {
		StringBuilder sql = new StringBuilder();
		for (int s = 0; s < 5; s++) {
			sql.append(s == 0 ? "" : " || ' ' || ").append(pick("p.d", text.sentences, "n", 11 + s));
		}
		return sql.toString();
	}

	/**
	 * The ticket's product area; ELT gives a string on MariaDB, cast back to a number.
	 */
	private String area() {
		List<String> ids = areaIds.stream().map(String::valueOf).toList();
		String index = "1 + mod(" + hash("n", 6) + ", " + ids.size() + ")";
		return mariaDb ? "cast(elt(" + index + ", " + String.join(", ", ids) + ") as signed)" : "p.a[" + index + "]";
	}

	private String areaArray() {
		return "array[" + String.join(", ", areaIds.stream().map(String::valueOf).toList()) + "]";
	}

	/**
	 * One to three comments per ticket (two on average): the submitter asks, a developer
	 * (the assignee, or any for an unassigned ticket) answers, one answer in five an
	 * internal note.
	 */
	String comments(long first, long last) {
		String n = "(t.id - " + ticketBase + ")";
		return """
				insert into comments (id, ticket_id, author_id, body, internal, system_comment, created_at)
				select %1$d + %2$s * 3 - 3 + j, t.id,
				  case when j = 2 then coalesce(t.assignee_id, %3$d + mod(%4$s, %5$d)) else t.submitter_id end,
				  %6$s || ' ' || %7$s, j = 2 and mod(%4$s, 5) = 0, false,
				  least(%8$s, coalesce(t.completed_at, %9$s))
				from tickets t cross join %10$s
				where t.id between %11$d and %12$d and j <= 1 + mod(%13$s, 3)
				""".formatted(commentBase, n, userBase + firstDeveloper(), hash(n, 20), plan.developers(),
				pick("p.c", text.commentSentences, n + " * 3 + j", 21),
				pick("p.c", text.commentSentences, n + " * 3 + j", 22),
				plus("t.created_at", "j * (1 + mod(" + hash(n, 23) + ", 24))", "hour"), now,
				series(1, 3, "k", "j")
						+ (mariaDb ? "" : " cross join (select " + LoadText.array(text.commentSentences) + " as c) p"),
				ticketBase + first, ticketBase + last, hash(n, 24));
	}

	/**
	 * The three audit entries of each ticket, as the application would have written them:
	 * 1 created (by the submitter); 2 assigned (by an admin) or, for an unassigned
	 * ticket, its target date set (by the submitter); 3 the last status change (by the
	 * assignee) or, for an open ticket, its first comment. Names, emails and titles come
	 * from the rows themselves.
	 */
	String activity(int entry, long first, long last) {
		String columns = """
				insert into activity_log (occurred_at, actor_id, actor_email, action, ticket_id, ticket_title,
				  target_user_id, target_user_email, details, internal)
				""";
		String range = " where t.id between " + (ticketBase + first) + " and " + (ticketBase + last);
		String select = switch (entry) {
			case 1 -> """
					select t.created_at, s.id, s.email, 'TICKET_CREATED', t.id, t.title, null, null,
					  'client: ' || c.name, false
					from tickets t join users s on s.id = t.submitter_id join clients c on c.id = t.client_id
					""" + range;
			case 2 -> """
					select t.created_at + interval '10' minute,
					  case when t.assignee_id is null then s.id else a.id end,
					  case when t.assignee_id is null then s.email else a.email end,
					  case when t.assignee_id is null then 'TICKET_UPDATED' else 'TICKET_ASSIGNED' end,
					  t.id, t.title, null, null,
					  case when t.assignee_id is null then 'targetDate: — → "' || cast(t.target_date as %s) || '"'
					    else 'assignee: — → ' || d.display_name end, false
					from tickets t join users s on s.id = t.submitter_id left join users d on d.id = t.assignee_id
					join users a on a.id = %d + mod(t.id - %d, %d)
					""".formatted(mariaDb ? "char" : "varchar", userBase + 1, ticketBase, plan.admins()) + range;
			case 3 -> """
					select case when t.status = 'OPEN' then m.created_at else t.updated_at end,
					  case when t.status = 'OPEN' then s.id else d.id end,
					  case when t.status = 'OPEN' then s.email else d.email end,
					  case when t.status = 'OPEN' then 'COMMENT_ADDED' else 'STATUS_CHANGED' end,
					  t.id, t.title, null, null,
					  case t.status when 'OPEN' then 'comment #' || m.id
					    when 'ACCEPTED' then 'status: OPEN → ACCEPTED'
					    when 'IN_PROGRESS' then 'status: ACCEPTED → IN_PROGRESS'
					    else 'status: IN_PROGRESS → ' || t.status end, false
					from tickets t join users s on s.id = t.submitter_id left join users d on d.id = t.assignee_id
					join comments m on m.id = %d + (t.id - %d) * 3 - 2
					""".formatted(commentBase, ticketBase) + range;
			default -> throw new IllegalArgumentException("entry " + entry);
		};
		// MariaDB, planning on the statistics of before the run, would read the chunk
		// through every user's (or client's) tickets: each chunk more, the last ones
		// most.
		// STRAIGHT_JOIN keeps the FROM order: the chunk's id range first, then a key
		// lookup
		// per row.
		return columns + (mariaDb ? select.replaceFirst("^select ", "select straight_join ") : select);
	}

	/** A UTC literal; MariaDB's DATETIME columns hold UTC (the session's time zone). */
	static String timestamp(Instant instant, boolean mariaDb) {
		return mariaDb ? "cast('" + DATETIME.format(instant) + "' as datetime)"
				: "cast('" + TIMESTAMP.format(instant) + "' as timestamp with time zone)";
	}

}
