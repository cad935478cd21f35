package io.queuedesk.user;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.queuedesk.activity.ActivityAction;
import io.queuedesk.activity.ActivityService;
import io.queuedesk.activity.ActivitySubject;
import io.queuedesk.activity.Actor;
import io.queuedesk.system.TypedText;
import io.queuedesk.system.UniqueKeyViolation;

/** Accounts: creation and look-ups. Every change is recorded in the activity log. */
@Service
public class UserService {

	private static final Set<Role> STAFF = EnumSet.of(Role.ADMIN, Role.DEVELOPER);

	private final UserRepository users;

	private final PasswordEncoder passwordEncoder;

	private final ActivityService activity;

	private final Clock clock;

	UserService(UserRepository users, PasswordEncoder passwordEncoder, ActivityService activity, Clock clock) {
		this.users = users;
		this.passwordEncoder = passwordEncoder;
		this.activity = activity;
		this.clock = clock;
	}

	/**
	 * Creates an active account and records it. Without method security: the operator's
	 * create-user command has no session; admins create accounts through
	 * UserAdminService.
	 */
	@Transactional
	User createAccount(NewUser newUser, Actor actor) {
		String email = User.normalizeEmail(newUser.email());
		if (users.existsByEmail(email)) {
			throw new DuplicateEmailException(email);
		}
		User user;
		try {
			user = users.saveAndFlush(new User(email, newUser.displayName(), passwordEncoder.encode(newUser.password()),
					newUser.roles(), Instant.now(clock)));
		}
		catch (DataIntegrityViolationException ex) {
			// Someone created the same email between the check and the insert: the unique
			// key answered.
			if (!UniqueKeyViolation.is(ex)) {
				throw ex; // not a taken email: a value the database refuses (too long,
							// NUL on PostgreSQL, …)
			}
			throw new DuplicateEmailException(email);
		}
		activity.record(actor, ActivityAction.USER_CREATED, ActivitySubject.user(user.getId(), user.getEmail()),
				"roles: " + user.getRoles());
		return user;
	}

	/** Active developers and admins, the people a ticket may be assigned to. */
	@Transactional(readOnly = true)
	public List<User> assignableStaff() {
		return users.findActiveWithAnyRole(STAFF.stream().map(Role::name).toList());
	}

	/**
	 * The user if tickets may be assigned to them: active, with the DEVELOPER or ADMIN
	 * role.
	 */
	@Transactional(readOnly = true)
	public Optional<User> findAssignable(Long userId) {
		return userId == null ? Optional.empty()
				: users.findWithRoles(userId).filter(user -> user.isActive() && STAFF.stream().anyMatch(user::hasRole));
	}

	@Transactional(readOnly = true)
	public Optional<User> findByEmail(String email) {
		return users.findByEmail(User.normalizeEmail(email));
	}

	/**
	 * The principal of the account with this email, to act as its user where nobody signs
	 * in (mail in, SPEC §10): empty for an unknown address; the caller checks
	 * {@link SignedInUser#isEnabled()} (deactivated or unconfirmed accounts are not).
	 */
	@Transactional(readOnly = true)
	public Optional<SignedInUser> principalFor(String email) {
		if (email == null || TypedText.hasControlCharacter(email, false)) {
			return Optional.empty();
		}
		return users.findByEmail(User.normalizeEmail(email)).map(user -> new SignedInUser(user, false));
	}

	/**
	 * The email of an active user, for mail; empty when the user is unknown or
	 * deactivated.
	 */
	@Transactional(readOnly = true)
	public Optional<String> activeEmailOf(long userId) {
		return users.findById(userId).filter(User::isActive).map(User::getEmail);
	}

	/** The emails of the active admins, for mail (the daily overdue digest). */
	@Transactional(readOnly = true)
	public List<String> activeAdminEmails() {
		return activeAdmins().stream().map(MailRecipient::email).toList();
	}

	/**
	 * Whom a mail goes to: the address and the language to write it in
	 * ({@code users.language}, null for none: English).
	 */
	public record MailRecipient(String email, String language) {

		static MailRecipient of(User user) {
			return new MailRecipient(user.getEmail(), user.getLanguage());
		}

	}

	/** {@link #activeEmailOf}, with the user's language. */
	@Transactional(readOnly = true)
	public Optional<MailRecipient> activeRecipient(long userId) {
		return users.findById(userId).filter(User::isActive).map(MailRecipient::of);
	}

	/** The active admins with their languages, in one query (the overdue digest). */
	@Transactional(readOnly = true)
	public List<MailRecipient> activeAdmins() {
		return users.findActiveWithAnyRole(List.of(Role.ADMIN.name())).stream().map(MailRecipient::of).toList();
	}

	/** The actor snapshot that audit entries need for a signed-in user. */
	public static Actor actor(SignedInUser user) {
		return new Actor(user.getId(), user.getEmail());
	}

}
