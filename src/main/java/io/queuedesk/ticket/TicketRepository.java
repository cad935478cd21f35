package io.queuedesk.ticket;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

interface TicketRepository extends JpaRepository<Ticket, Long>, JpaSpecificationExecutor<Ticket> {

	/** Lists load the ticket's to-one associations in the same query: no N+1. */
	@Override
	@EntityGraph(attributePaths = { "client", "productArea", "assignee", "submitter" })
	Page<Ticket> findAll(Specification<Ticket> spec, Pageable pageable);

	@EntityGraph(attributePaths = { "client", "productArea", "assignee", "submitter" })
	@Query("select t from Ticket t where t.id = :id")
	Optional<Ticket> findDetailed(Long id);

	/** One client's queue in order. */
	@EntityGraph(attributePaths = { "client", "productArea", "assignee", "submitter" })
	@Query(value = "select t from Ticket t where t.client.id = :clientId and t.priority is not null order by t.priority",
			countQuery = "select count(t) from Ticket t where t.client.id = :clientId and t.priority is not null")
	Page<Ticket> findQueue(Long clientId, Pageable pageable);

	/** A developer's work: open tickets assigned to them, by client and rank. */
	@EntityGraph(attributePaths = { "client", "productArea", "assignee", "submitter" })
	@Query(value = """
			select t from Ticket t where t.assignee.id = :userId and t.status <> io.queuedesk.ticket.TicketStatus.COMPLETED
			order by t.client.name, t.priority, t.id
			""", countQuery = """
			select count(t) from Ticket t where t.assignee.id = :userId and t.status <> io.queuedesk.ticket.TicketStatus.COMPLETED
			""")
	Page<Ticket> findAssignedOpen(Long userId, Pageable pageable);

	/** What a user raised, newest first. */
	@EntityGraph(attributePaths = { "client", "productArea", "assignee", "submitter" })
	@Query(value = "select t from Ticket t where t.submitter.id = :userId order by t.createdAt desc, t.id desc",
			countQuery = "select count(t) from Ticket t where t.submitter.id = :userId")
	Page<Ticket> findRaisedBy(Long userId, Pageable pageable);

	/** Every overdue ticket (target date before today, not completed) by client and rank: one query. */
	@EntityGraph(attributePaths = { "client", "productArea", "assignee", "submitter" })
	@Query("""
			select t from Ticket t where t.targetDate < :today and t.status <> io.queuedesk.ticket.TicketStatus.COMPLETED
			order by t.client.name, t.priority, t.id
			""")
	List<Ticket> findOverdue(LocalDate today);

}
