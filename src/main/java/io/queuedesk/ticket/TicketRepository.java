package io.queuedesk.ticket;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import io.queuedesk.system.NotFoundException;
import io.queuedesk.user.SignedInUser;

/**
 * Tickets as entities, for the ticket page and the write paths; lists read with SQL
 * (TicketListing).
 */
interface TicketRepository extends JpaRepository<Ticket, Long> {

	@EntityGraph(attributePaths = { "client", "productArea", "assignee", "submitter" })
	@Query("select t from Ticket t where t.id = :id")
	Optional<Ticket> findDetailed(Long id);

	/**
	 * The one way to load a ticket for a user, to show or to change it: with its names,
	 * or 404 when it does not exist or the user may not see it (ids do not leak). Write
	 * paths lock it first ({@link TicketLocks}).
	 */
	default Ticket findVisible(long id, SignedInUser viewer) {
		return findDetailed(id).filter(ticket -> TicketAccess.canView(ticket, viewer))
			.orElseThrow(() -> new NotFoundException("Ticket", id));
	}

	/**
	 * Tickets by id with their names (a page whose ids were read from an index), in any
	 * order.
	 */
	@EntityGraph(attributePaths = { "client", "productArea", "assignee", "submitter" })
	@Query("select t from Ticket t where t.id in :ids")
	List<Ticket> findDetailedIn(Collection<Long> ids);

	/** What a user raised, newest first (index ix_tickets_submitter_created). */
	@EntityGraph(attributePaths = { "client", "productArea", "assignee", "submitter" })
	@Query(value = "select t from Ticket t where t.submitter.id = :userId order by t.createdAt desc, t.id desc",
			countQuery = "select count(t) from Ticket t where t.submitter.id = :userId")
	Page<Ticket> findRaisedBy(Long userId, Pageable pageable);

	/**
	 * Every overdue ticket (target date before today, not completed) by client and rank:
	 * one query.
	 */
	@EntityGraph(attributePaths = { "client", "productArea", "assignee", "submitter" })
	@Query("""
			select t from Ticket t where t.targetDate < :today and t.status <> io.queuedesk.ticket.TicketStatus.COMPLETED
			order by t.client.name, t.queueRank, t.id
			""")
	List<Ticket> findOverdue(LocalDate today);

}
