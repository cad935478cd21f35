package io.queuedesk.ticket.files;

import static io.queuedesk.ticket.files.FileTestData.ADMIN;
import static io.queuedesk.ticket.files.FileTestData.DEV_ONE;
import static io.queuedesk.ticket.files.FileTestData.DEV_TWO;
import static io.queuedesk.ticket.files.FileTestData.OTHER_SUBMITTER;
import static io.queuedesk.ticket.files.FileTestData.SUBMITTER;
import static io.queuedesk.ticket.files.FileTestData.apiFileIds;
import static io.queuedesk.ticket.files.FileTestData.apiListFileIds;
import static io.queuedesk.ticket.files.FileTestData.link;
import static io.queuedesk.ticket.files.FileTestData.part;
import static io.queuedesk.ticket.files.FileTestData.png;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Who sees which file (docs/RULES.md#attachments), role × file kind × ownership: a file
 * is as visible as its ticket (ticket/TicketAccess), a file of an internal note as hidden
 * as the note. Every cell is judged on all five ways to reach a file, which must agree:
 * the download, the thumbnail, the ticket page, {@code /api/tickets/{id}} and the
 * {@code /api/tickets} page. SEEN: 200 and listed; NOT_FOUND: 404 for the file (and for
 * the ticket, or absent from its page and API answers when the ticket is visible).
 */
class AttachmentVisibilityTest extends FileTestCase {

	enum Who {

		ADMIN, ASSIGNED_DEVELOPER, OTHER_DEVELOPER, SUBMITTER, OTHER_SUBMITTER

	}

	enum Kind {

		TICKET, COMMENT, INTERNAL_NOTE

	}

	enum Outcome {

		SEEN, NOT_FOUND

	}

	/**
	 * The ticket is SUBMITTER's. "assigned": assigned to Dev One (the assigned developer;
	 * Dev Two is the other). "unassigned": no assignee, so every developer may see it and
	 * pick it up; the assigned-developer column is Dev One all the same.
	 */
	private static final String MATRIX = """
			# ticket     who                  ticket     comment    internal-note
			assigned     ADMIN                SEEN       SEEN       SEEN
			assigned     ASSIGNED_DEVELOPER   SEEN       SEEN       SEEN
			assigned     OTHER_DEVELOPER      NOT_FOUND  NOT_FOUND  NOT_FOUND
			assigned     SUBMITTER            SEEN       SEEN       NOT_FOUND
			assigned     OTHER_SUBMITTER      NOT_FOUND  NOT_FOUND  NOT_FOUND
			unassigned   ADMIN                SEEN       SEEN       SEEN
			unassigned   ASSIGNED_DEVELOPER   SEEN       SEEN       SEEN
			unassigned   OTHER_DEVELOPER      SEEN       SEEN       SEEN
			unassigned   SUBMITTER            SEEN       SEEN       NOT_FOUND
			unassigned   OTHER_SUBMITTER      NOT_FOUND  NOT_FOUND  NOT_FOUND
			""";

	@ParameterizedTest(name = "{0} ticket, {1}")
	@MethodSource("rows")
	void row(String situation, Who who, Map<Kind, Outcome> expected) throws Exception {
		boolean assigned = situation.equals("assigned");
		long ticket = data.ticket(SUBMITTER, assigned ? DEV_ONE : null);
		// The submitter adds a file to the ticket; whoever works it comments and notes.
		String staff = assigned ? DEV_ONE : ADMIN;
		Map<Kind, Long> files = new LinkedHashMap<>();
		files.put(Kind.TICKET,
				data.addFiles(ticket, SUBMITTER, part("ticket-" + data.tag + ".png", png(12, 9))).get(0));
		long comment = data.comment(ticket, staff, "Public " + data.tag, false,
				part("comment-" + data.tag + ".png", png(10, 10)));
		files.put(Kind.COMMENT, data.filesOfComment(comment).get(0));
		long note = data.comment(ticket, staff, "Internal " + data.tag, true,
				part("note-" + data.tag + ".png", png(11, 7)));
		files.put(Kind.INTERNAL_NOTE, data.filesOfComment(note).get(0));

		String email = email(who);
		MockHttpServletResponse page = get("/tickets/" + ticket, email);
		MockHttpServletResponse one = get("/api/tickets/" + ticket, email);
		MockHttpServletResponse list = get("/api/tickets?client=" + data.client, email);
		assertThat(list.getStatus()).isEqualTo(200);

		List<String> disagreements = new ArrayList<>();
		for (Map.Entry<Kind, Long> file : files.entrySet()) {
			long id = file.getValue();
			Outcome want = expected.get(file.getKey());
			Map<String, Outcome> seen = new LinkedHashMap<>();
			seen.put("download", byStatus(get("/attachments/" + id, email)));
			seen.put("thumbnail", byStatus(get("/attachments/" + id + "/thumbnail", email)));
			seen.put("page", page.getStatus() == 200 && page.getContentAsString().contains(link(id)) ? Outcome.SEEN
					: Outcome.NOT_FOUND);
			seen.put("api", one.getStatus() == 200 && apiFileIds(one.getContentAsString()).contains(id) ? Outcome.SEEN
					: Outcome.NOT_FOUND);
			seen.put("api list",
					apiListFileIds(list.getContentAsString(), ticket).contains(id) ? Outcome.SEEN : Outcome.NOT_FOUND);
			seen.forEach((channel, outcome) -> {
				if (outcome != want) {
					disagreements.add(file.getKey() + " file by " + channel + ": " + outcome + ", expected " + want);
				}
			});
			if (want == Outcome.NOT_FOUND && page.getStatus() == 200) {
				// Not even its name may show (files section, thread or history).
				String name = data.row(id).get("file_name").toString();
				if (page.getContentAsString().contains(name)) {
					disagreements.add(file.getKey() + " file's name is on the page");
				}
			}
		}
		// Where the ticket itself is hidden, its page and API answer are 404 too.
		boolean ticketVisible = expected.get(Kind.TICKET) == Outcome.SEEN;
		assertThat(page.getStatus()).as("ticket page").isEqualTo(ticketVisible ? 200 : 404);
		assertThat(one.getStatus()).as("/api/tickets/{id}").isEqualTo(ticketVisible ? 200 : 404);
		assertThat(disagreements).as("%s on the %s ticket", who, situation).isEmpty();
	}

	static Stream<Arguments> rows() {
		List<Arguments> rows = new ArrayList<>();
		for (String line : MATRIX.strip().split("\n")) {
			if (line.startsWith("#")) {
				continue;
			}
			String[] columns = line.trim().split("\\s+");
			Map<Kind, Outcome> expected = new LinkedHashMap<>();
			for (Kind kind : Kind.values()) {
				expected.put(kind, Outcome.valueOf(columns[kind.ordinal() + 2]));
			}
			rows.add(Arguments.of(columns[0], Who.valueOf(columns[1]), expected));
		}
		return rows.stream();
	}

	private MockHttpServletResponse get(String url, String email) throws Exception {
		return mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(url)
				.with(user(data.account(email))))
			.andReturn()
			.getResponse();
	}

	private static Outcome byStatus(MockHttpServletResponse response) {
		return switch (response.getStatus()) {
			case 200 -> Outcome.SEEN;
			case 404 -> Outcome.NOT_FOUND;
			default -> throw new AssertionError("HTTP " + response.getStatus());
		};
	}

	private static String email(Who who) {
		return switch (who) {
			case ADMIN -> ADMIN;
			case ASSIGNED_DEVELOPER -> DEV_ONE;
			case OTHER_DEVELOPER -> DEV_TWO;
			case SUBMITTER -> SUBMITTER;
			case OTHER_SUBMITTER -> OTHER_SUBMITTER;
		};
	}

}
