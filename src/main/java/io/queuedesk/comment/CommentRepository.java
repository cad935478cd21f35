package io.queuedesk.comment;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CommentRepository extends JpaRepository<Comment, Long> {

	/**
	 * The whole thread with authors, oldest first: one statement, no query per comment.
	 */
	@Query("""
			select c from Comment c left join fetch c.author
			where c.ticketId = :ticketId order by c.createdAt asc, c.id asc
			""")
	List<Comment> findThread(Long ticketId);

	/**
	 * The thread without internal notes, for viewers who may not read them (submitters).
	 */
	@Query("""
			select c from Comment c left join fetch c.author
			where c.ticketId = :ticketId and c.internal = false order by c.createdAt asc, c.id asc
			""")
	List<Comment> findPublicThread(Long ticketId);

	/**
	 * One comment of one ticket, with its author; empty when the comment belongs to
	 * another ticket.
	 */
	@Query("select c from Comment c left join fetch c.author where c.id = :id and c.ticketId = :ticketId")
	Optional<Comment> findOfTicket(Long id, Long ticketId);

}
