package io.queuedesk.user;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.queuedesk.activity.ActivityAction;
import io.queuedesk.activity.ActivityService;
import io.queuedesk.activity.ActivitySubject;
import io.queuedesk.activity.Actor;
import io.queuedesk.system.AdminOnly;
import io.queuedesk.system.NotFoundException;

/**
 * User management by admins (SPEC §4): list, create, (de)activate, change roles. The rules that
 * keep the desk manageable are enforced here, not only in the pages: nobody deactivates themselves
 * or drops their own ADMIN role, the last active admin stays, roles are never empty.
 */
@Service
@AdminOnly
@Transactional(readOnly = true)
class UserAdminService {

	private final UserRepository users;

	private final UserService accounts;

	private final ActivityService activity;

	private final UserSessions sessions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	UserAdminService(UserRepository users, UserService accounts, ActivityService activity, UserSessions sessions,
			ApplicationEventPublisher events, Clock clock) {
		this.users = users;
		this.accounts = accounts;
		this.activity = activity;
		this.sessions = sessions;
		this.events = events;
		this.clock = clock;
	}

	/** One page by display name: the page query, a count when needed and one query for the roles. */
	public Page<UserRow> list(UserFilter filter) {
		Page<User> page = users.findAll(UserSpecifications.matching(filter),
				PageRequest.of(filter.safePage(), filter.safeSize(), Sort.by("displayName", "id")));
		Map<Long, Set<Role>> roles = new HashMap<>();
		if (page.hasContent()) {
			for (Object[] row : users.findRolesOf(page.map(User::getId).getContent())) {
				roles.computeIfAbsent((Long) row[0], id -> EnumSet.noneOf(Role.class)).add((Role) row[1]);
			}
		}
		Instant now = Instant.now(clock);
		return page.map(u -> new UserRow(u.getId(), u.getEmail(), u.getDisplayName(),
				roles.getOrDefault(u.getId(), EnumSet.noneOf(Role.class)), u.isActive(), u.getLockedUntil(),
				u.isLockedAt(now)));
	}

	public User get(long id) {
		return users.findWithRoles(id).orElseThrow(() -> new NotFoundException("User", id));
	}

	/** Whether sign-in is locked for the account right now (too many wrong passwords). */
	public boolean isLocked(User user) {
		return user.isLockedAt(Instant.now(clock));
	}

	/**
	 * Creates an active account with the given (typed or generated) password and announces it, in
	 * the same transaction, so the owner is mailed a link to choose their own password.
	 */
	@Transactional
	public User create(NewUser newUser, SignedInUser admin) {
		User user = accounts.createAccount(newUser, UserService.actor(admin));
		events.publishEvent(new UserEvents.AccountCreated(user.getId(), user.getEmail(), user.getDisplayName()));
		return user;
	}

	/** Deactivating ends the user's sessions at once; a deactivated user cannot sign in. */
	@Transactional
	public User setActive(long id, boolean active, SignedInUser admin) {
		if (!active && isSelf(id, admin)) {
			throw new UserChangeRefusedException("user.deactivate.self");
		}
		if (!active) {
			users.lockActiveAdmins();
		}
		User user = get(id);
		if (user.isActive() == active) {
			return user;
		}
		if (!active) {
			refuseIfLastActiveAdmin(user);
		}
		user.setActive(active);
		activity.record(UserService.actor(admin), active ? ActivityAction.USER_ACTIVATED : ActivityAction.USER_DEACTIVATED,
				subject(user), null);
		if (!active) {
			sessions.endAfterCommit(user.getEmail());
		}
		return user;
	}

	/** Another user's sessions end, so their new roles apply from their next sign-in. */
	@Transactional
	public User changeRoles(long id, Set<Role> roles, SignedInUser admin) {
		if (roles.isEmpty()) {
			throw new UserChangeRefusedException("user.roles.empty");
		}
		boolean self = isSelf(id, admin);
		boolean withoutAdmin = !roles.contains(Role.ADMIN);
		if (withoutAdmin && self) {
			throw new UserChangeRefusedException("user.roles.ownAdmin");
		}
		if (withoutAdmin) {
			users.lockActiveAdmins();
		}
		User user = get(id);
		Set<Role> before = user.getRoles();
		if (before.equals(roles)) {
			return user;
		}
		if (withoutAdmin) {
			refuseIfLastActiveAdmin(user);
		}
		user.replaceRoles(roles);
		activity.record(UserService.actor(admin), ActivityAction.ROLES_CHANGED, subject(user),
				"roles: " + before + " → " + EnumSet.copyOf(roles));
		if (!self) {
			sessions.endAfterCommit(user.getEmail());
		}
		return user;
	}

	/**
	 * Must run after {@link UserRepository#lockActiveAdmins()}: the count is a statement of its
	 * own, so it sees what a competing admin committed while this transaction waited for the lock.
	 */
	private void refuseIfLastActiveAdmin(User user) {
		if (user.isActive() && user.hasRole(Role.ADMIN) && users.countActiveAdmins() <= 1) {
			throw new UserChangeRefusedException("user.lastAdmin", user.getDisplayName());
		}
	}

	private static boolean isSelf(long id, SignedInUser admin) {
		return Objects.equals(admin.getId(), id);
	}

	private static ActivitySubject subject(User user) {
		return ActivitySubject.user(user.getId(), user.getEmail());
	}

}
