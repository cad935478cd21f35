package io.queuedesk.ticket;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.criteria.Predicate;

import org.springframework.data.jpa.domain.Specification;

import io.queuedesk.user.Role;
import io.queuedesk.user.SignedInUser;

/** The list filters and the visibility rule of SPEC §1 as one SQL WHERE clause. */
final class TicketSpecifications {

	private TicketSpecifications() {
	}

	static Specification<Ticket> matching(TicketFilter filter, SignedInUser viewer, LocalDate today) {
		return (root, query, cb) -> {
			List<Predicate> where = new ArrayList<>();
			where.add(visibleTo(viewer).toPredicate(root, query, cb));
			if (filter.getClient() != null) {
				where.add(cb.equal(root.get("client").get("id"), filter.getClient()));
			}
			if (filter.getStatus() != null) {
				where.add(cb.equal(root.get("status"), filter.getStatus()));
			}
			else {
				// Completed tickets live in the archive unless asked for by status.
				where.add(cb.notEqual(root.get("status"), TicketStatus.COMPLETED));
			}
			if (filter.unassignedOnly()) {
				where.add(cb.isNull(root.get("assignee")));
			}
			else if (filter.assigneeId() != null) {
				where.add(cb.equal(root.get("assignee").get("id"), filter.assigneeId()));
			}
			if (filter.getProductArea() != null) {
				where.add(cb.equal(root.get("productArea").get("id"), filter.getProductArea()));
			}
			if (filter.isOverdue()) {
				where.add(cb.lessThan(root.get("targetDate"), today));
				where.add(cb.notEqual(root.get("status"), TicketStatus.COMPLETED));
			}
			String pattern = filter.containsPattern();
			if (pattern != null) {
				where.add(cb.or(cb.like(cb.lower(root.get("title")), pattern, '\\'),
						cb.like(cb.lower(root.get("description")), pattern, '\\')));
			}
			return cb.and(where.toArray(Predicate[]::new));
		};
	}

	/** Admins: all. Developers: own, assigned to them, or unassigned and not completed. Others: own. */
	static Specification<Ticket> visibleTo(SignedInUser viewer) {
		return (root, query, cb) -> {
			if (viewer.hasRole(Role.ADMIN)) {
				return cb.conjunction();
			}
			Predicate own = cb.equal(root.get("submitter").get("id"), viewer.getId());
			if (!viewer.hasRole(Role.DEVELOPER)) {
				return own;
			}
			Predicate assigned = cb.equal(root.get("assignee").get("id"), viewer.getId());
			Predicate pickable = cb.and(cb.isNull(root.get("assignee")),
					cb.notEqual(root.get("status"), TicketStatus.COMPLETED));
			return cb.or(own, assigned, pickable);
		};
	}

}
