package io.queuedesk.user;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface UserRepository extends JpaRepository<User, Long> {

	/** Callers pass an email already normalised with {@link User#normalizeEmail}. */
	@EntityGraph(attributePaths = "roles")
	Optional<User> findByEmail(String email);

	boolean existsByEmail(String email);

	/** Active users holding any of the roles, by name: the people tickets can be assigned to. */
	@Query("select distinct u from User u join u.roles r where u.active = true and r in :roles order by u.displayName, u.id")
	List<User> findActiveWithAnyRole(Collection<Role> roles);

	@EntityGraph(attributePaths = "roles")
	@Query("select u from User u where u.id = :id")
	Optional<User> findWithRoles(Long id);

}
