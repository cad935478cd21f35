package io.queuedesk.user;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface UserRepository extends JpaRepository<User, Long> {

	/** Callers pass an email already normalised with {@link User#normalizeEmail}. */
	@EntityGraph(attributePaths = "roles")
	Optional<User> findByEmail(String email);

	boolean existsByEmail(String email);

	/**
	 * Accounts signing in at {@code source} under this login name (normally one; see
	 * {@link #releaseExternalId}).
	 */
	@EntityGraph(attributePaths = "roles")
	List<User> findBySignInSourceAndExternalId(SignInSource source, String externalId);

	/**
	 * The account a sign-in name belongs to: the email (the login of every account), else
	 * the login name a directory account signed in with last time
	 * (docs/RULES.md#accounts). {@code name} is normalised with
	 * {@link User#normalizeEmail}.
	 */
	default Optional<User> findForSignIn(String name) {
		Optional<User> byEmail = findByEmail(name);
		if (byEmail.isPresent() || name == null || name.isEmpty()) {
			return byEmail;
		}
		List<User> byLogin = findBySignInSourceAndExternalId(SignInSource.LDAP, name);
		return byLogin.size() == 1 ? Optional.of(byLogin.get(0)) : Optional.empty();
	}

	/**
	 * Takes a login name away from every other account that had it (the directory gave it
	 * to someone else, or the person's entry got a new email): a name then leads to one
	 * account only.
	 */
	@Modifying(flushAutomatically = true)
	@Query("""
			update User u set u.externalId = null
			where u.signInSource = :source and u.externalId = :externalId and u.id <> :keepId""")
	int releaseExternalId(SignInSource source, String externalId, Long keepId);

	/**
	 * Active users holding any of the roles, by name: the people tickets can be assigned
	 * to. From the role index to the few matching users by key, not a scan of every user
	 * with a DISTINCT.
	 */
	@Query(value = """
			select u.* from users u where u.active and u.id in (select r.user_id from user_roles r where r.role in (:roles))
			order by u.display_name, u.id
			""",
			nativeQuery = true)
	List<User> findActiveWithAnyRole(Collection<String> roles);

	@EntityGraph(attributePaths = "roles")
	@Query("select u from User u where u.id = :id")
	Optional<User> findWithRoles(Long id);

	/**
	 * The roles of a page of users in one statement (user id, role), so a list needs no
	 * query per row.
	 */
	@Query("select u.id, r from User u join u.roles r where u.id in :ids")
	List<Object[]> findRolesOf(Collection<Long> ids);

	/**
	 * Locks the rows of the active admins (in id order, so two callers never deadlock)
	 * until the transaction ends. Whoever may take the last admin away locks them first
	 * and only then counts, so two admins demoting each other at once are serialised and
	 * the second one sees the first one's change.
	 */
	@Query(value = """
			select u.id from users u where u.active = true
			and exists (select 1 from user_roles r where r.user_id = u.id and r.role = 'ADMIN')
			order by u.id for update""", nativeQuery = true)
	List<Long> lockActiveAdmins();

	/**
	 * A fresh count (its own statement), meant to run after {@link #lockActiveAdmins()}.
	 */
	@Query(value = """
			select count(*) from users u where u.active = true
			and exists (select 1 from user_roles r where r.user_id = u.id and r.role = 'ADMIN')""", nativeQuery = true)
	long countActiveAdmins();

	/**
	 * Counts one failed sign-in in a single statement, so concurrent failures are never
	 * lost: a failure after the window started at or before {@code windowStart} (or with
	 * no window yet) opens a new window at {@code now} with a count of 1. The row stays
	 * locked until the caller's transaction ends.
	 */
	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query("""
			update User u set
			  u.failedLoginCount = case when u.firstFailedLoginAt is null or u.firstFailedLoginAt <= :windowStart
			    then 1 else u.failedLoginCount + 1 end,
			  u.firstFailedLoginAt = case when u.firstFailedLoginAt is null or u.firstFailedLoginAt <= :windowStart
			    then :now else u.firstFailedLoginAt end
			where u.id = :id""")
	int countFailedLogin(Long id, Instant now, Instant windowStart);

	/**
	 * Locks the account until {@code lockedUntil} if it reached {@code maxFailures}; 1
	 * when it did.
	 */
	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query("""
			update User u set u.lockedUntil = :lockedUntil, u.failedLoginCount = 0, u.firstFailedLoginAt = null
			where u.id = :id and u.failedLoginCount >= :maxFailures""")
	int lockIfTooManyFailures(Long id, int maxFailures, Instant lockedUntil);

	/**
	 * Forgets earlier failures after a successful sign-in; writes nothing when there were
	 * none.
	 */
	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query("""
			update User u set u.failedLoginCount = 0, u.firstFailedLoginAt = null
			where u.id = :id and (u.failedLoginCount <> 0 or u.firstFailedLoginAt is not null)""")
	int resetFailedLogins(Long id);

}
