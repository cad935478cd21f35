package io.queuedesk.comment;

import static io.queuedesk.comment.CommentTestData.DEV_ONE;
import static io.queuedesk.comment.CommentTestData.SUBMITTER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.queuedesk.ticket.TicketActions;
import io.queuedesk.ticket.TicketQueries;
import io.queuedesk.ticket.TicketStatus;
import io.queuedesk.user.SignedInUser;

/**
 * Every workflow step adds one system comment, in the same transaction as the step
 * (docs/RULES.md#workflow).
 */
@SpringBootTest
class StatusChangeCommentsTest {

	TicketActions workflow;

	@Autowired
	void workflow(ApplicationContext context) {
		workflow = TicketActions.of(context);
	}

	@Autowired
	TicketQueries tickets;

	@Autowired
	CommentService comments;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService accounts;

	@Autowired
	PlatformTransactionManager transactionManager;

	CommentTestData data;

	long ticket;

	@BeforeEach
	void ticket() {
		data = new CommentTestData(jdbc);
		ticket = data.ticket(SUBMITTER, DEV_ONE);
	}

	@Test
	@WithUserDetails(DEV_ONE)
	void aStatusChangeAddsExactlyOneSystemComment() {
		workflow.transition(ticket, TicketStatus.ACCEPTED, null, me());

		assertThat(data.commentRows(ticket))
			.containsExactly(DEV_ONE + "|Status changed from Open to Accepted by Dev One|false|true");

		workflow.transition(ticket, TicketStatus.IN_PROGRESS, null, me());
		assertThat(data.commentRows(ticket)).hasSize(2)
			.last()
			.isEqualTo(DEV_ONE + "|Status changed from Accepted to In progress by Dev One|false|true");
	}

	/**
	 * Stored text that everyone on the ticket reads: in English, whatever the language of
	 * the page the change came from (issue 18).
	 */
	@Test
	@WithUserDetails(DEV_ONE)
	void theSystemCommentIsEnglishWhateverTheActorsLanguage() {
		LocaleContextHolder.setLocale(Locale.GERMAN);
		try {
			workflow.transition(ticket, TicketStatus.ACCEPTED, null, me());
		}
		finally {
			LocaleContextHolder.resetLocaleContext();
		}
		assertThat(data.commentRows(ticket))
			.containsExactly(DEV_ONE + "|Status changed from Open to Accepted by Dev One|false|true");
	}

	@Test
	@WithUserDetails(DEV_ONE)
	void theSubmitterSeesSystemCommentsMarkedAsSuch() {
		workflow.transition(ticket, TicketStatus.ACCEPTED, null, me());

		SignedInUser submitter = (SignedInUser) accounts.loadUserByUsername(SUBMITTER);
		SecurityContextHolder.getContext()
			.setAuthentication(
					UsernamePasswordAuthenticationToken.authenticated(submitter, null, submitter.getAuthorities()));
		List<CommentView> thread = comments.thread(tickets.access(ticket, submitter));

		assertThat(thread).singleElement().satisfies(view -> {
			assertThat(view.system()).isTrue();
			assertThat(view.internal()).isFalse();
			assertThat(view.authorName()).isEqualTo("Dev One");
			assertThat(view.body()).isEqualTo("Status changed from Open to Accepted by Dev One");
		});
	}

	@Test
	@WithUserDetails(DEV_ONE)
	void aRolledBackStatusChangeLeavesNoSystemComment() {
		TransactionTemplate transaction = new TransactionTemplate(transactionManager);

		assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
			workflow.transition(ticket, TicketStatus.ACCEPTED, null, me());
			// Same transaction: the comment is already there, uncommitted.
			assertThat(data.comments(ticket)).isEqualTo(1);
			throw new IllegalStateException("something later in the request failed");
		})).isInstanceOf(IllegalStateException.class).hasMessageContaining("later in the request");

		assertThat(data.comments(ticket)).isZero();
		assertThat(data.status(ticket)).isEqualTo("OPEN");
	}

	private static SignedInUser me() {
		return (SignedInUser) SecurityContextHolder.getContext().getAuthentication().getPrincipal();
	}

}
