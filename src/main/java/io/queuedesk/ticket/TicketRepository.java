package io.queuedesk.ticket;

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

	/** Tickets the user raised or is assigned to, for the role home lists. */
	@Query("""
			select t from Ticket t join fetch t.client join fetch t.productArea
			where t.submitter.id = :userId or t.assignee.id = :userId
			order by t.client.name, t.priority nulls last, t.id
			""")
	List<Ticket> findInvolving(Long userId);

	@Query("select t.status, count(t) from Ticket t group by t.status")
	List<Object[]> countByStatus();

}
