package io.queuedesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.hibernate.Hibernate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jpa.test.autoconfigure.TestEntityManager;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;

import io.queuedesk.reference.Client;
import io.queuedesk.reference.ProductArea;
import io.queuedesk.user.Role;
import io.queuedesk.user.User;

/**
 * The role home queries: a developer's open work by client then rank, and what a user
 * raised, newest first.
 */
@DataJpaTest
class TicketRepositoryTest {

	@Autowired
	TicketRepository tickets;

	@Autowired
	TestEntityManager em;

	final String tag = UUID.randomUUID().toString().substring(0, 8);

	final Instant now = Instant.now();

	User me;

	User other;

	Client alpha;

	Client zulu;

	ProductArea area;

	@BeforeEach
	void setUp() {
		me = em.persist(new User("me-" + tag + "@test.example", "Me", "x", Set.of(Role.DEVELOPER), now));
		other = em.persist(new User("other-" + tag + "@test.example", "Other", "x", Set.of(Role.SUBMITTER), now));
		// Names sort before and after every demo client; the test's tickets are only in
		// these two.
		alpha = em.persist(new Client("AAA " + tag, now));
		zulu = em.persist(new Client("zzz " + tag, now));
		area = em.persist(new ProductArea("Area " + tag, now));
	}

	@Test
	void raisedTicketsComeNewestFirstWhateverTheirState() {
		Ticket oldest = ticket(alpha, 1, me, other, 0);
		Ticket newest = ticket(zulu, 1, me, null, 2);
		Ticket middle = ticket(alpha, 2, me, null, 1);
		ticket(alpha, 3, other, me, 3); // assigned to me, raised by someone else
		em.clear();

		Page<Ticket> page = tickets.findRaisedBy(me.getId(), PageRequest.of(0, 10));

		assertThat(page.getContent()).extracting(Ticket::getId)
			.containsExactly(newest.getId(), middle.getId(), oldest.getId());
		assertFetched(page.getContent());
	}

	@Test
	void findsNothingForAUserWithoutTickets() {
		ticket(alpha, 1, other, other, 0);

		assertThat(tickets.findRaisedBy(me.getId(), PageRequest.of(0, 10))).isEmpty();
	}

	private static void assertFetched(List<Ticket> found) {
		assertThat(found).allSatisfy(ticket -> {
			assertThat(Hibernate.isInitialized(ticket.getClient())).as("client fetched").isTrue();
			assertThat(Hibernate.isInitialized(ticket.getProductArea())).as("product area fetched").isTrue();
			assertThat(Hibernate.isInitialized(ticket.getSubmitter())).as("submitter fetched").isTrue();
		});
	}

	private Ticket ticket(Client client, int priority, User submitter, User assignee, int minutesLater) {
		// Not placed in a queue: these queries do not read ranks.
		Ticket ticket = new Ticket("T " + UUID.randomUUID(), "Description " + priority, client, area, null, submitter,
				now.plusSeconds(60L * minutesLater));
		if (assignee != null) {
			ticket.assignTo(assignee, now);
		}
		return em.persistAndFlush(ticket);
	}

}
