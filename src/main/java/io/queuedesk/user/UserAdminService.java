package io.queuedesk.user;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.queuedesk.activity.ActivityAction;
import io.queuedesk.activity.ActivityService;
import io.queuedesk.activity.ActivitySubject;
import io.queuedesk.activity.Actor;
import io.queuedesk.system.AdminOnly;
import io.queuedesk.system.DatabaseDialect;
import io.queuedesk.system.Keyset;
import io.queuedesk.system.NotFoundException;

/**
 * User management by admins (docs/RULES.md#accounts): list, create, (de)activate, change
 * roles. The rules that keep the desk manageable are enforced here, not only in the
 * pages: nobody deactivates themselves or drops their own ADMIN role, the last active
 * admin stays, roles are never empty.
 */
@Service
@AdminOnly
@Transactional(readOnly = true)
class UserAdminService {

	/** Matches are counted up to this many; beyond, the list says "more than …". */
	static final int COUNT_CAP = 10_000;

	/** Deepest row a page number alone may reach. */
	static final int MAX_OFFSET = 10_000;

	private final UserRepository users;

	private final UserService accounts;

	private final ActivityService activity;

	private final UserSessions sessions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final JdbcClient jdbc;

	private final TwoFactorStore twoFactor;

	private final DatabaseDialect dialect;

	UserAdminService(UserRepository users, UserService accounts, ActivityService activity, UserSessions sessions,
			ApplicationEventPublisher events, Clock clock, JdbcClient jdbc, TwoFactorStore twoFactor,
			DatabaseDialect dialect) {
		this.dialect = dialect;
		this.jdbc = jdbc;
		this.twoFactor = twoFactor;
		this.users = users;
		this.accounts = accounts;
		this.activity = activity;
		this.sessions = sessions;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * One page by display name in three statements: a capped count, the page (keyset from
	 * the cursor's user, or an offset for a page number within the first
	 * {@link #MAX_OFFSET}), and the roles of its users. The search ({@code q}: any part
	 * of the email or display name) is a LIKE that trigram indexes serve on PostgreSQL
	 * (migration V10); the order is the display-name index.
	 */
	public UserSlice list(UserFilter filter) {
		Map<String, Object> params = new LinkedHashMap<>();
		List<String> conditions = new ArrayList<>();
		String pattern = filter.containsPattern();
		if (pattern != null) {
			// Emails are stored lower-case; the name index is on lower(display_name).
			conditions.add("(u.email like :q escape '\\' or lower(u.display_name) like :q escape '\\')");
			params.put("q", pattern);
		}
		if (filter.getRole() != null) {
			conditions.add("exists (select 1 from user_roles r where r.user_id = u.id and r.role = :role)");
			params.put("role", filter.getRole().name());
		}
		if (filter.getActive() != null) {
			conditions.add("u.active = :active");
			params.put("active", filter.getActive());
		}
		String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
		// Counted without an order: the planner may then stop a scan or merge join at the
		// cap (an order
		// by name made it sort every match of a role filter first).
		long total = jdbc
			.sql("select count(*) from (select 1 from users u" + where + " limit " + (COUNT_CAP + 1) + ") matches")
			.params(params)
			.query(Long.class)
			.single();
		int size = filter.safeSize();
		int page = filter.safePage();
		Long after = filter.afterId();
		Long before = filter.beforeId();
		boolean forward = after != null || before == null;
		Long cursor = after != null ? after : before;
		long offset = cursor == null ? (long) page * size : 0;
		if (offset >= MAX_OFFSET) {
			return new UserSlice(List.of(), page, size, total, total > COUNT_CAP, null, null, true);
		}
		List<String> pageConditions = new ArrayList<>(conditions);
		Map<String, Object> pageParams = new LinkedHashMap<>(params);
		if (cursor != null) {
			pageConditions.add(Keyset
				.of(Keyset.rowValues(dialect), List.of("u.display_name", "u.id"), forward ? ">" : "<",
						List.of("(select c.display_name from users c where c.id = :cursor)", ":cursor"), List.of())
				.sql());
			pageParams.put("cursor", cursor);
		}
		String direction = forward ? "" : " desc";
		Instant now = Instant.now(clock);
		List<UserRow> rows = new ArrayList<>(jdbc
			.sql("select u.id, u.email, u.display_name, u.active, u.locked_until from users u"
					+ (pageConditions.isEmpty() ? "" : " where " + String.join(" and ", pageConditions))
					+ " order by u.display_name" + direction + ", u.id" + direction + " limit " + (size + 1)
					+ (offset > 0 ? " offset " + offset : ""))
			.params(pageParams)
			.query((rs, n) -> {
				OffsetDateTime locked = rs.getObject("locked_until", OffsetDateTime.class);
				Instant lockedUntil = locked == null ? null : locked.toInstant();
				return new UserRow(rs.getLong("id"), rs.getString("email"), rs.getString("display_name"),
						EnumSet.noneOf(Role.class), rs.getBoolean("active"), lockedUntil,
						lockedUntil != null && lockedUntil.isAfter(now));
			})
			.list());
		boolean more = rows.size() > size;
		if (more) {
			rows.remove(size);
		}
		if (!forward) {
			Collections.reverse(rows);
		}
		if (!rows.isEmpty()) {
			for (Object[] row : users.findRolesOf(rows.stream().map(UserRow::id).toList())) {
				rows.stream()
					.filter(r -> r.id() == (Long) row[0])
					.findFirst()
					.ifPresent(r -> r.roles().add((Role) row[1]));
			}
		}
		Long first = rows.isEmpty() ? null : rows.get(0).id();
		Long last = rows.isEmpty() ? null : rows.get(rows.size() - 1).id();
		boolean hasPrevious = forward ? cursor != null || page > 0 : more;
		boolean hasNext = forward ? more : true;
		return new UserSlice(rows, page, size, total, total > COUNT_CAP, hasPrevious ? first : null,
				hasNext ? last : null, false);
	}

	public User get(long id) {
		return users.findWithRoles(id).orElseThrow(() -> new NotFoundException("User", id));
	}

	/** Whether sign-in is locked for the account right now (too many wrong passwords). */
	public boolean isLocked(User user) {
		return user.isLockedAt(Instant.now(clock));
	}

	public boolean hasTwoFactor(User user) {
		return twoFactor.isEnabled(user.getId());
	}

	/**
	 * Takes away a user's two-factor authentication (lost phone and recovery codes): the
	 * secret and the codes are deleted, recorded; they sign in with the password alone
	 * until they set it up again (at once, if their role requires it). False when there
	 * was nothing to reset.
	 */
	@Transactional
	public boolean resetTwoFactor(long id, SignedInUser admin) {
		User user = get(id);
		if (!twoFactor.delete(user.getId())) {
			return false;
		}
		activity.record(UserService.actor(admin), ActivityAction.TWO_FACTOR_RESET, subject(user), "reset by an admin");
		return true;
	}

	/**
	 * An admin's new account: who, with which roles, and the password the admin typed, or
	 * null when the admin asked for a generated one.
	 */
	public record NewAccount(String email, String displayName, Set<Role> roles, @Nullable String typedPassword) {
	}

	/**
	 * A created account and, when it was generated, its password: the admin sees it once;
	 * it is never stored in clear, mailed or logged.
	 */
	public record Created(User user, @Nullable String generatedPassword) {
	}

	/**
	 * Creates an active account and announces it, in the same transaction, so the owner
	 * is mailed a link to choose their own password. The account starts with the typed
	 * password (the caller checked it against {@link PasswordPolicy}) or, without one, a
	 * generated one ({@link PasswordGenerator}) that the result carries.
	 */
	@Transactional
	public Created create(NewAccount account, SignedInUser admin) {
		String generated = account.typedPassword() == null ? PasswordGenerator.generate() : null;
		String password = generated == null ? account.typedPassword() : generated;
		User user = accounts.createAccount(
				new NewUser(account.email(), account.displayName(), password, account.roles()),
				UserService.actor(admin));
		events.publishEvent(new UserEvents.AccountCreated(user.getId(), user.getEmail(), user.getDisplayName()));
		return new Created(user, generated);
	}

	/**
	 * Deactivating ends the user's sessions at once; a deactivated user cannot sign in.
	 */
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
		activity.record(UserService.actor(admin),
				active ? ActivityAction.USER_ACTIVATED : ActivityAction.USER_DEACTIVATED, subject(user), null);
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
	 * Must run after {@link UserRepository#lockActiveAdmins()}: the count is a statement
	 * of its own, so it sees what a competing admin committed while this transaction
	 * waited for the lock.
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
