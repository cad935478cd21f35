package io.queuedesk.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.StringReader;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import io.queuedesk.StatementCounter;
import io.queuedesk.system.DateRange;
import io.queuedesk.user.Role;
import io.queuedesk.user.TestUsers;

/**
 * /admin/activity and its CSV export against the real database. Entries are written with
 * SQL under emails and ticket numbers unique to each test (the database is shared), on
 * days long past so that date ranges see only this test's entries.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(StatementCounter.class)
@WithMockUser(roles = "ADMIN")
class ActivityTrailTest {

	@Autowired
	ActivityTrail trail;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MockMvc mvc;

	final String tag = UUID.randomUUID().toString().substring(0, 8);

	/** A day in the 1900s nobody else writes entries on (random per test). */
	final LocalDate day = LocalDate.of(1900, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(36_000));

	@Test
	void eachFilterNarrowsTheResult() {
		String ann = email("ann");
		String bob = email("bob");
		long t1 = ticketNumber();
		long t2 = ticketNumber();
		long e1 = insert(at(day, 10), ann, ActivityAction.TICKET_CREATED, t1, bob, "created");
		long e2 = insert(at(day.plusDays(2), 10), ann, ActivityAction.TICKET_UPDATED, t2, null, "edited");
		long e3 = insert(at(day.plusDays(2), 11), email("carl"), ActivityAction.USER_CREATED, null, bob, "created bob");
		long e4 = insert(at(day.plusDays(4), 9), bob, ActivityAction.STATUS_CHANGED, t1, null, "OPEN → ACCEPTED");

		// user: actor or affected user, the whole email ignoring case
		assertThat(ids(query(ann.toUpperCase(), null, null, DateRange.ALL))).containsExactly(e2, e1);
		assertThat(ids(query(bob, null, null, DateRange.ALL))).containsExactly(e4, e3, e1);
		assertThat(ids(query(ann.substring(0, 5), null, null, DateRange.ALL))).isEmpty();
		// ticket
		assertThat(ids(query(null, t1, null, DateRange.ALL))).containsExactly(e4, e1);
		// action
		assertThat(ids(query(bob, null, ActivityAction.USER_CREATED, DateRange.ALL))).containsExactly(e3);
		assertThat(ids(query(null, null, ActivityAction.STATUS_CHANGED, DateRange.ALL))).contains(e4)
			.doesNotContain(e1, e2, e3);
		// days, both ends included, in the server's time zone
		assertThat(ids(query(null, null, null, new DateRange(day.plusDays(2), day.plusDays(2))))).containsExactly(e3,
				e2);
		assertThat(ids(query(null, null, null, new DateRange(day, day.plusDays(4))))).containsExactly(e4, e3, e2, e1);
		assertThat(ids(query(bob, null, null, new DateRange(day.plusDays(1), null)))).containsExactly(e4, e3);
		assertThat(ids(query(bob, null, null, new DateRange(null, day.plusDays(3))))).containsExactly(e3, e1);
	}

	@Test
	void pagesAreNewestFirstAndCostTwoStatements() throws Exception {
		String ann = email("ann");
		List<Long> written = new ArrayList<>();
		for (int i = 0; i < 60; i++) {
			written
				.add(insert(at(day, 0).plusSeconds(i * 60L), ann, ActivityAction.TICKET_UPDATED, null, null, "n" + i));
		}
		ActivityQuery mine = query(ann, null, null, DateRange.ALL);
		List<Long> newestFirst = new ArrayList<>(written);
		Collections.reverse(newestFirst);

		StatementCounter.reset();
		ActivitySlice first = trail.page(mine, null, null, 0);
		assertThat(StatementCounter.count()).isLessThanOrEqualTo(2);
		ActivitySlice second = trail.page(mine, null, null, 1);

		assertThat(first.total()).isEqualTo(60);
		assertThat(first.capped()).isFalse();
		assertThat(ids(first.entries())).containsExactlyElementsOf(newestFirst.subList(0, 50));
		assertThat(ids(second.entries())).containsExactlyElementsOf(newestFirst.subList(50, 60));
		assertThat(trail.page(mine, null, null, 9).entries()).isEmpty();

		// By cursor: "next" after the first page's last entry, "previous" before the
		// second's first.
		StatementCounter.reset();
		ActivitySlice next = trail.page(mine, first.next(), null, 1);
		assertThat(StatementCounter.count()).isLessThanOrEqualTo(2);
		assertThat(ids(next.entries())).containsExactlyElementsOf(newestFirst.subList(50, 60));
		assertThat(next.next()).isNull();
		assertThat(next.previous()).isNotNull();
		ActivitySlice back = trail.page(mine, null, next.previous(), 0);
		assertThat(ids(back.entries())).containsExactlyElementsOf(newestFirst.subList(0, 50));
		assertThat(back.next()).isNotNull();
		// The same through the links of the page.
		String viaCursor = mvc
			.perform(get("/admin/activity").param("user", ann)
				.param("after", first.next().toString())
				.param("page", "1")
				.with(admin()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(viaCursor).contains(">n9<").doesNotContain(">n10<").contains("rel=\"prev\"");

		String html = mvc.perform(get("/admin/activity").param("user", ann).param("page", "1").with(admin()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("60 entries").contains("Page 2 of 2").contains(">n9<").doesNotContain(">n10<");
	}

	@Test
	void theCsvHoldsTheFilteredEntriesQuotedAndWithoutFormulas() throws Exception {
		String ann = email("ann");
		long ticket = ticketNumber();
		List<String> details = List.of("plain", "with, comma", "with \"quotes\"", "two\nlines", "=HYPERLINK(\"x\")",
				"+1", "-2", "@SUM(A1)", "\tTab", "\rCR");
		for (int i = 0; i < details.size(); i++) {
			insert(at(day, 8).plusSeconds(i), ann, ActivityAction.COMMENT_ADDED, ticket, null, details.get(i));
		}
		insert(at(day, 9), ann, ActivityAction.COMMENT_DELETED, ticket, null, "other action");
		jdbc.update("update activity_log set ticket_title = ? where ticket_id = ?", "=cmd|' /C calc'!A0, \"quoted\"",
				ticket);

		List<CSVRecord> rows = csv("?user=" + ann + "&action=COMMENT_ADDED");

		assertThat(rows).hasSize(details.size());
		assertThat(rows).extracting(row -> row.get("details"))
			.containsExactly("'\rCR", "'\tTab", "'@SUM(A1)", "'-2", "'+1", "'=HYPERLINK(\"x\")", "two\nlines",
					"with \"quotes\"", "with, comma", "plain");
		assertThat(rows).allSatisfy(row -> {
			assertThat(row.get("actor_email")).isEqualTo(ann);
			assertThat(row.get("action")).isEqualTo("COMMENT_ADDED");
			assertThat(row.get("ticket_id")).isEqualTo(Long.toString(ticket));
			assertThat(row.get("ticket_title")).isEqualTo("'=cmd|' /C calc'!A0, \"quoted\"");
			assertThat(row.get("target_user_email")).isEmpty();
		});
		assertThat(rows.get(0).get("occurred_at"))
			.isEqualTo(at(day, 8).plusSeconds(9).atZone(ZoneId.systemDefault()).toOffsetDateTime().toString());
	}

	@Test
	void twentyThousandRowsStreamInOneStatement() throws Exception {
		String bulk = email("bulk");
		Timestamp start = Timestamp.from(at(day, 0));
		List<Object[]> rows = new ArrayList<>();
		for (int i = 0; i < 20_000; i++) {
			rows.add(new Object[] { new Timestamp(start.getTime() + i * 1000L), bulk, "TICKET_UPDATED", "row " + i });
		}
		jdbc.batchUpdate(
				"insert into activity_log (occurred_at, actor_email, action, details, internal) values (?, ?, ?, ?, false)",
				rows);

		// The count stops past 10,000; page numbers stop there too, cursors go on.
		ActivityQuery all = query(bulk, null, null, DateRange.ALL);
		ActivitySlice page = trail.page(all, null, null, 0);
		assertThat(page.capped()).isTrue();
		assertThat(page.shownTotal()).isEqualTo(ActivityTrail.COUNT_CAP);
		assertThat(trail.page(all, null, null, ActivityTrail.MAX_OFFSET / ActivityTrail.PAGE_SIZE).tooDeep()).isTrue();
		// A cursor at the entry written 100 s after the first: row 100 (same time,
		// smaller id) down to 51.
		assertThat(trail.page(all, new ActivityCursor(start.toInstant().plusSeconds(100), Long.MAX_VALUE), null, 300)
			.entries()).extracting(ActivityEntry::details)
			.containsExactlyElementsOf(
					IntStream.rangeClosed(51, 100).map(i -> 151 - i).mapToObj(i -> "row " + i).toList());
		StatementCounter.reset();
		long began = System.nanoTime();
		List<CSVRecord> exported = csv("?user=" + bulk);
		int statements = StatementCounter.count();
		System.out.printf("[queuedesk] CSV export of 20,000 activity rows: %d ms, %d statement(s)%n",
				(System.nanoTime() - began) / 1_000_000, statements);

		assertThat(exported).hasSize(20_000);
		assertThat(exported.get(0).get("details")).isEqualTo("row 19999");
		assertThat(exported.get(19_999).get("details")).isEqualTo("row 0");
		assertThat(statements).isLessThanOrEqualTo(1);

		String html = mvc.perform(get("/admin/activity").param("user", bulk).with(admin()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("More than 10,000 entries").contains("Page 1<");
	}

	private List<CSVRecord> csv(String query) throws Exception {
		var response = mvc.perform(get("/admin/activity/export.csv" + query).with(admin()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();
		assertThat(response.getContentType()).isEqualTo("text/csv;charset=UTF-8");
		assertThat(response.getHeader("Content-Disposition"))
			.matches("attachment; filename=\"activity-[0-9-]+\\.csv\"");
		CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
		try (var parser = format.parse(new StringReader(response.getContentAsString()))) {
			assertThat(parser.getHeaderNames()).containsExactly(ActivityCsv.HEADER);
			return parser.getRecords();
		}
	}

	private long insert(Instant at, String actor, ActivityAction action, Long ticketId, String targetEmail,
			String details) {
		jdbc.update("""
				insert into activity_log (occurred_at, actor_email, action, ticket_id, ticket_title, target_user_email,
				  details, internal) values (?, ?, ?, ?, ?, ?, ?, false)
				""", Timestamp.from(at), actor, action.name(), ticketId, ticketId == null ? null : "Ticket " + ticketId,
				targetEmail, details);
		return jdbc.queryForObject("select max(id) from activity_log where actor_email = ?", Long.class, actor);
	}

	private static ActivityQuery query(String email, Long ticket, ActivityAction action, DateRange range) {
		return new ActivityQuery(email, ticket, action, range);
	}

	private List<Long> ids(ActivityQuery query) {
		return ids(trail.page(query, null, null, 0).entries());
	}

	private static List<Long> ids(List<ActivityEntry> entries) {
		return entries.stream().map(ActivityEntry::id).toList();
	}

	private String email(String name) {
		return name + "-" + tag + "@test.example";
	}

	private static long ticketNumber() {
		return 1_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L);
	}

	private static Instant at(LocalDate day, int hour) {
		return ZonedDateTime.of(day, LocalTime.of(hour, 0), ZoneId.systemDefault()).toInstant();
	}

	private static RequestPostProcessor admin() {
		return user(TestUsers.signedIn(1, "a@test.example", "Ada", Role.ADMIN));
	}

}
