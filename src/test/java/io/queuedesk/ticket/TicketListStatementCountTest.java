package io.queuedesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithUserDetails;

import io.queuedesk.DatabaseRun;
import io.queuedesk.StatementCounter;
import io.queuedesk.user.SignedInUser;

/**
 * A page of the ticket list costs the same few statements whether it shows 1 ticket or 12
 * with their clients, product areas, assignees and submitters: no query per row (N+1).
 */
@SpringBootTest
@Import(StatementCounter.class)
@WithUserDetails("admin@example.com")
class TicketListStatementCountTest {

	@Autowired
	TicketQueries queries;

	@Autowired
	UserDetailsService accounts;

	@Test
	void aListPageIsAConstantNumberOfStatements() {
		SignedInUser admin = (SignedInUser) accounts.loadUserByUsername("admin@example.com");

		int one = statementsForPage(admin, 1);
		int many = statementsForPage(admin, 12);

		// A capped count, the page, the queue positions of its rows. MariaDB: the clients
		// of the all-queues order first, and the positions in two statements
		// (QueuesInTurn, SegmentPositions).
		int most = DatabaseRun.isMariaDbRun() ? 5 : 3;
		assertThat(one).isLessThanOrEqualTo(most);
		assertThat(many).isLessThanOrEqualTo(most);
	}

	@Test
	void theQueuePageIsAConstantNumberOfStatements() {
		long client = queries.list(new TicketFilter(), (SignedInUser) accounts.loadUserByUsername("admin@example.com"))
			.rows()
			.get(0)
			.client()
			.id();
		StatementCounter.reset();
		queries.queue(client, 0, 1).getContent().forEach(TicketRow::title);
		int one = StatementCounter.count();
		StatementCounter.reset();
		queries.queue(client, 0, 100).getContent().forEach(TicketRow::title);
		// The queue's segments, the rank at the page's first position, the page, the
		// queue's size.
		assertThat(one).isLessThanOrEqualTo(4);
		assertThat(StatementCounter.count()).isLessThanOrEqualTo(4);
	}

	private int statementsForPage(SignedInUser admin, int size) {
		TicketFilter filter = new TicketFilter();
		filter.setSize(size);
		StatementCounter.reset();
		var page = queries.list(filter, admin);
		page.rows().forEach(row -> {
			// Touch what the page shows; the rows are plain records, so this must cost
			// nothing.
			row.client().name();
			row.productArea().name();
			if (row.assignee() != null) {
				row.assignee().name();
			}
			row.submitter().name();
		});
		assertThat(page.rows()).hasSizeGreaterThanOrEqualTo(Math.min(size, 1));
		return StatementCounter.count();
	}

}
