package io.queuedesk.ticket;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface TicketRepository extends JpaRepository<Ticket, Long> {

	/** One query: tickets with their client and product area, for the role home lists. */
	@Query("""
			select t from Ticket t join fetch t.client join fetch t.productArea
			where t.submitter.id = :userId or t.assignee.id = :userId
			order by t.client.name, t.priority nulls last, t.id
			""")
	List<Ticket> findInvolving(Long userId);

	@Query("select t.status, count(t) from Ticket t group by t.status")
	List<Object[]> countByStatus();

}
