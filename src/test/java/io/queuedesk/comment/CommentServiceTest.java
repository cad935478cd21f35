package io.queuedesk.comment;

import static io.queuedesk.comment.CommentTestData.ADMIN;
import static io.queuedesk.comment.CommentTestData.DEV_ONE;
import static io.queuedesk.comment.CommentTestData.DEV_TWO;
import static io.queuedesk.comment.CommentTestData.SUBMITTER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.Supplier;

import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import io.queuedesk.StatementCounter;
import io.queuedesk.system.NotFoundException;
import io.queuedesk.ticket.TicketAccessInfo;
import io.queuedesk.ticket.TicketEvents.Person;
import io.queuedesk.ticket.TicketQueries;
import io.queuedesk.user.SignedInUser;

/**
 * Who may comment and write internal notes where (docs/RULES.md#roles-and-visibility),
 * the text rules (docs/RULES.md#comments), the activity entries and the event of every
 * comment, and deletion by admins; on H2 and PostgreSQL.
 */
@SpringBootTest
@Import(StatementCounter.class)
@RecordApplicationEvents
class CommentServiceTest {

	@Autowired
	CommentService service;

	@Autowired
	TicketQueries tickets;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEvents events;

	@Autowired
	UserDetailsService accounts;

	CommentTestData data;

	/** Raised by Sam, assigned to Dev One. */
	long samsTicket;

	/** Raised by Ada, assigned to Dev Two: Sam and Dev One may not see it. */
	long adasTicket;

	/** Raised by Ada, unassigned: developers see it, but only admins may comment. */
	long unassigned;

	@BeforeEach
	void tickets() {
		data = new CommentTestData(jdbc);
		samsTicket = data.ticket(SUBMITTER, DEV_ONE);
		adasTicket = data.ticket(ADMIN, DEV_TWO);
		unassigned = data.ticket(ADMIN, null);
	}

	@Test
	@WithUserDetails(SUBMITTER)
	void submitterCommentsOnOwnTicket() {
		long id = service.add(samsTicket, "  Any news?\r\nThanks  ", false, me());

		assertThat(data.commentRows(samsTicket)).containsExactly(SUBMITTER + "|Any news?\nThanks|false|false");
		assertThat(data.activity(samsTicket))
			.containsExactly("COMMENT_ADDED|" + SUBMITTER + "|comment #" + id + "|false");
		assertThat(events.stream(CommentEvents.CommentAdded.class)).containsExactly(new CommentEvents.CommentAdded(
				samsTicket, title(samsTicket), id, false, new Person(data.userId(SUBMITTER), "Sam Submitter"),
				data.userId(SUBMITTER), data.userId(DEV_ONE), "Any news?\nThanks", 0));
	}

	@Test
	@WithUserDetails(SUBMITTER)
	void submitterCannotCommentOnSomeoneElsesTicket() {
		assertThatThrownBy(() -> service.add(adasTicket, "Let me in", false, me()))
			.isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> service.add(unassigned, "Let me in", false, me()))
			.isInstanceOf(NotFoundException.class);

		assertNothingWritten(adasTicket, unassigned);
	}

	@Test
	@WithUserDetails(SUBMITTER)
	void submitterCannotWriteInternalNotes() {
		assertRefused(() -> service.add(samsTicket, "Secret", true, me()), "comment.internal.refused");

		assertNothingWritten(samsTicket);
	}

	@Test
	@WithUserDetails(DEV_ONE)
	void developerCommentsAndWritesInternalNotesOnTicketsAssignedToThem() {
		long comment = service.add(samsTicket, "Looking into it", false, me());
		long note = service.add(samsTicket, "Probably the billing job", true, me());

		assertThat(data.commentRows(samsTicket)).containsExactly(DEV_ONE + "|Looking into it|false|false",
				DEV_ONE + "|Probably the billing job|true|false");
		assertThat(data.activity(samsTicket)).containsExactly(
				"COMMENT_ADDED|" + DEV_ONE + "|comment #" + comment + "|false",
				"COMMENT_ADDED|" + DEV_ONE + "|internal note #" + note + "|true");
		assertThat(events.stream(CommentEvents.CommentAdded.class).map(CommentEvents.CommentAdded::internal))
			.containsExactly(false, true);
	}

	@Test
	@WithUserDetails(DEV_ONE)
	void developerCannotCommentOnATicketAssignedToSomeoneElse() {
		assertThatThrownBy(() -> service.add(adasTicket, "Mine now", false, me()))
			.isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> service.add(adasTicket, "Mine now", true, me())).isInstanceOf(NotFoundException.class);

		assertNothingWritten(adasTicket);
	}

	@Test
	@WithUserDetails(DEV_ONE)
	void developerCannotCommentOnAnUnassignedTicketTheyCanSee() {
		tickets.access(unassigned, me()); // visible: no 404

		assertRefused(() -> service.add(unassigned, "Drive-by", false, me()), "comment.refused");
		assertRefused(() -> service.add(unassigned, "Drive-by", true, me()), "comment.refused");

		assertNothingWritten(unassigned);
	}

	@Test
	@WithUserDetails(ADMIN)
	void adminCommentsAndWritesInternalNotesAnywhere() {
		for (long ticket : new long[] { samsTicket, adasTicket, unassigned }) {
			service.add(ticket, "Admin comment", false, me());
			service.add(ticket, "Admin note", true, me());

			assertThat(data.commentRows(ticket)).containsExactly(ADMIN + "|Admin comment|false|false",
					ADMIN + "|Admin note|true|false");
		}
	}

	@Test
	@WithUserDetails(ADMIN)
	void blankAndTooLongBodiesAreRefusedAndWriteNothing() {
		for (String blank : new String[] { null, "", "   ", " \r\n\t " }) {
			assertRefused(() -> service.add(samsTicket, blank, false, me()), "comment.body.blank");
		}
		assertRefused(() -> service.add(samsTicket, "x".repeat(Comment.MAX_BODY + 1), false, me()),
				"comment.body.tooLong");

		assertNothingWritten(samsTicket);
		assertThat(events.stream(CommentEvents.CommentAdded.class)).isEmpty();
	}

	@Test
	@WithUserDetails(ADMIN)
	void longestBodyIsAcceptedWithBrowserLineBreaksCountedOnce() {
		String longest = "x".repeat(Comment.MAX_BODY);
		String withCrLf = ("y".repeat(98) + "\r\n").repeat(100) + "end"; // 10,003 sent,
																			// 9,903 kept

		service.add(samsTicket, longest, false, me());
		service.add(samsTicket, withCrLf, false, me());

		assertThat(data.comments(samsTicket)).isEqualTo(2);
		assertThat(data.count("select max(length(body)) from comments where ticket_id = ?", samsTicket))
			.isEqualTo(Comment.MAX_BODY);
	}

	@Test
	@WithUserDetails(ADMIN)
	void threadIsOldestFirstAndLeavesInternalNotesOutForSubmitters() {
		SignedInUser admin = me();
		long first = service.add(samsTicket, "First", false, admin);
		long note = service.add(samsTicket, "Staff only", true, admin);
		long last = service.add(samsTicket, "Last", false, admin);

		List<CommentView> forStaff = service.thread(tickets.access(samsTicket, admin));
		assertThat(forStaff).extracting(CommentView::id).containsExactly(first, note, last);
		assertThat(forStaff.get(1)).satisfies(view -> {
			assertThat(view.authorName()).isEqualTo("Ada Admin");
			assertThat(view.body()).isEqualTo("Staff only");
			assertThat(view.internal()).isTrue();
			assertThat(view.system()).isFalse();
			assertThat(view.createdAt()).isNotNull();
		});

		TicketAccessInfo asSubmitter = as(SUBMITTER, () -> tickets.access(samsTicket, me()));
		TicketAccessInfo asDeveloper = as(DEV_ONE, () -> tickets.access(samsTicket, me()));
		assertThat(as(SUBMITTER, () -> service.thread(asSubmitter))).extracting(CommentView::body)
			.containsExactly("First", "Last");
		assertThat(as(DEV_ONE, () -> service.thread(asDeveloper))).extracting(CommentView::body)
			.containsExactly("First", "Staff only", "Last");
	}

	@Test
	@WithUserDetails(ADMIN)
	void theThreadWithItsAuthorsIsOneStatement() {
		service.add(samsTicket, "By Ada", false, me());
		TicketAccessInfo ticket = tickets.access(samsTicket, me());
		StatementCounter.reset();
		assertThat(service.thread(ticket)).extracting(CommentView::authorName).containsExactly("Ada Admin");
		assertThat(StatementCounter.count()).isEqualTo(1);

		as(DEV_ONE, () -> service.add(samsTicket, "By Dev One", true, me()));
		as(SUBMITTER, () -> service.add(samsTicket, "By Sam", false, me()));
		StatementCounter.reset();
		assertThat(service.thread(ticket)).extracting(CommentView::authorName)
			.containsExactly("Ada Admin", "Dev One", "Sam Submitter");
		assertThat(StatementCounter.count()).isEqualTo(1);
	}

	@Test
	@WithUserDetails(ADMIN)
	void adminDeletesACommentAndTheDeletionIsRecordedWithASnapshot() {
		long comment = as(DEV_ONE,
				() -> service.add(samsTicket, "Wrong ticket, sorry " + "z".repeat(300), false, me()));
		long note = as(DEV_ONE, () -> service.add(samsTicket, "Internal typo", true, me()));

		service.delete(samsTicket, comment, me());
		service.delete(samsTicket, note, me());

		assertThat(data.comments(samsTicket)).isZero();
		List<String> entries = data.activity(samsTicket);
		assertThat(entries).hasSize(4);
		assertThat(entries.get(2)).isEqualTo("COMMENT_DELETED|" + ADMIN + "|comment #" + comment
				+ " by Dev One: Wrong ticket, sorry " + "z".repeat(200 - "Wrong ticket, sorry ".length()) + "…|false");
		assertThat(entries.get(3))
			.isEqualTo("COMMENT_DELETED|" + ADMIN + "|internal note #" + note + " by Dev One: Internal typo|true");
	}

	@Test
	@WithUserDetails(ADMIN)
	void deletingACommentThroughAnotherTicketIsNotFound() {
		long comment = service.add(samsTicket, "Stays", false, me());

		assertThatThrownBy(() -> service.delete(adasTicket, comment, me())).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> service.delete(samsTicket, Long.MAX_VALUE, me()))
			.isInstanceOf(NotFoundException.class);

		assertThat(data.comments(samsTicket)).isEqualTo(1);
		assertThat(data.activity(adasTicket)).isEmpty();
	}

	@Test
	@WithUserDetails(ADMIN)
	void onlyAdminsDeleteComments() {
		long comment = service.add(samsTicket, "Stays", false, me());

		for (String user : new String[] { SUBMITTER, DEV_ONE }) {
			as(user, () -> {
				assertThatThrownBy(() -> service.delete(samsTicket, comment, me()))
					.isInstanceOf(AccessDeniedException.class);
				return null;
			});
		}

		assertThat(data.comments(samsTicket)).isEqualTo(1);
		assertThat(data.activity(samsTicket)).noneMatch(entry -> entry.startsWith("COMMENT_DELETED"));
	}

	private static SignedInUser me() {
		return (SignedInUser) SecurityContextHolder.getContext().getAuthentication().getPrincipal();
	}

	/** Runs the call signed in as another demo user, then restores the test's user. */
	private <T> T as(String email, Supplier<T> call) {
		Authentication before = SecurityContextHolder.getContext().getAuthentication();
		UserDetails user = accounts.loadUserByUsername(email);
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
		try {
			return call.get();
		}
		finally {
			SecurityContextHolder.getContext().setAuthentication(before);
		}
	}

	private String title(long ticket) {
		return jdbc.sql("select title from tickets where id = ?").param(ticket).query(String.class).single();
	}

	private void assertNothingWritten(long... ticketIds) {
		for (long ticket : ticketIds) {
			assertThat(data.comments(ticket)).as("comments of %d", ticket).isZero();
			assertThat(data.activity(ticket)).as("activity of %d", ticket).isEmpty();
		}
		assertThat(events.stream(CommentEvents.CommentAdded.class)).isEmpty();
	}

	private static void assertRefused(ThrowableAssert.ThrowingCallable call, String code) {
		assertThatThrownBy(call).isInstanceOfSatisfying(CommentRefusedException.class,
				ex -> assertThat(ex.code()).isEqualTo(code));
	}

}
