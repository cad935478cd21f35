package io.queuedesk.user;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.criteria.Predicate;

import org.springframework.data.jpa.domain.Specification;

/** The filters of the admin user list as one SQL WHERE clause. */
final class UserSpecifications {

	private UserSpecifications() {
	}

	static Specification<User> matching(UserFilter filter) {
		return (root, query, cb) -> {
			List<Predicate> where = new ArrayList<>();
			String pattern = filter.containsPattern();
			if (pattern != null) {
				where.add(cb.or(cb.like(cb.lower(root.get("email")), pattern, '\\'),
						cb.like(cb.lower(root.get("displayName")), pattern, '\\')));
			}
			if (filter.getRole() != null) {
				where.add(cb.isMember(filter.getRole(), root.get("roles")));
			}
			if (filter.getActive() != null) {
				where.add(cb.equal(root.get("active"), filter.getActive()));
			}
			return cb.and(where.toArray(Predicate[]::new));
		};
	}

}
