package io.queuedesk.user;

import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** An account. The email is the login, unique ignoring case and stored lower-case. */
@Entity
@Table(name = "users")
public class User {

	/**
	 * What the email fields accept: something@something.tld. An empty value passes here
	 * on purpose, so that an empty field reports only "fill in this field" (NotBlank),
	 * not two errors at once in an order that Bean Validation does not fix.
	 */
	public static final String EMAIL_REGEXP = "\\s*|.+@.+\\..+";

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false, unique = true)
	private String email;

	@Column(name = "display_name", nullable = false)
	private String displayName;

	/**
	 * Null for accounts that sign in elsewhere ({@link SignInSource#hasLocalPassword()}).
	 */
	@Column(name = "password_hash")
	private String passwordHash;

	@Enumerated(EnumType.STRING)
	@Column(name = "sign_in_source", nullable = false)
	private SignInSource signInSource = SignInSource.LOCAL;

	/**
	 * The name the user signs in with at {@link #signInSource} when it is not the email
	 * (the directory login name), lower-case; null for local accounts.
	 */
	@Column(name = "external_id")
	private String externalId;

	@Column(nullable = false)
	private boolean active = true;

	/** False until a self-registered user follows the confirmation link. */
	@Column(nullable = false)
	private boolean confirmed = true;

	@Column(name = "failed_login_count", nullable = false)
	private int failedLoginCount;

	@Column(name = "first_failed_login_at")
	private Instant firstFailedLoginAt;

	@Column(name = "locked_until")
	private Instant lockedUntil;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	/**
	 * Lazy, so ticket lists that show assignees do not load role sets; logins fetch them.
	 */
	@ElementCollection(fetch = FetchType.LAZY)
	@CollectionTable(name = "user_roles", joinColumns = @JoinColumn(name = "user_id"))
	@Enumerated(EnumType.STRING)
	@Column(name = "role", nullable = false)
	private Set<Role> roles = new HashSet<>();

	/** A language tag the app offers ({@code de}), or null: the browser's choice. */
	@Column(name = "language")
	private String language;

	/** {@code LIGHT} or {@code DARK}, or null: the operating system's choice. */
	@Column(name = "color_mode")
	private String colorMode;

	@Version
	private long version;

	protected User() {
	}

	public User(String email, String displayName, String passwordHash, Set<Role> roles, Instant createdAt) {
		this.email = normalizeEmail(email);
		this.displayName = displayName.strip();
		this.passwordHash = passwordHash;
		this.roles = new HashSet<>(roles);
		this.createdAt = createdAt;
	}

	/**
	 * The one place that decides how emails compare: trimmed, lower-case (ROOT locale).
	 */
	public static String normalizeEmail(String email) {
		return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
	}

	public boolean hasRole(Role role) {
		return roles.contains(role);
	}

	/**
	 * Replaces the roles; changing the set also bumps the version, like any change of the
	 * user.
	 */
	void replaceRoles(Set<Role> newRoles) {
		roles.clear();
		roles.addAll(newRoles);
	}

	public boolean isLockedAt(Instant now) {
		return lockedUntil != null && lockedUntil.isAfter(now);
	}

	public Long getId() {
		return id;
	}

	public String getEmail() {
		return email;
	}

	public String getDisplayName() {
		return displayName;
	}

	public String getPasswordHash() {
		return passwordHash;
	}

	public boolean isActive() {
		return active;
	}

	public boolean isConfirmed() {
		return confirmed;
	}

	public int getFailedLoginCount() {
		return failedLoginCount;
	}

	public Instant getFirstFailedLoginAt() {
		return firstFailedLoginAt;
	}

	public Instant getLockedUntil() {
		return lockedUntil;
	}

	public SignInSource getSignInSource() {
		return signInSource;
	}

	public String getExternalId() {
		return externalId;
	}

	public Instant getCreatedAt() {
		return createdAt;
	}

	public Set<Role> getRoles() {
		return roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
	}

	public long getVersion() {
		return version;
	}

	public String getLanguage() {
		return language;
	}

	void setLanguage(String language) {
		this.language = language;
	}

	public String getColorMode() {
		return colorMode;
	}

	void setColorMode(String colorMode) {
		this.colorMode = colorMode;
	}

	void setActive(boolean active) {
		this.active = active;
	}

	void setConfirmed(boolean confirmed) {
		this.confirmed = confirmed;
	}

	/**
	 * From now on the user signs in at {@code source} only: the local password is gone,
	 * so neither it nor a reset link opens the account any more.
	 */
	void signInThrough(SignInSource source, String externalId) {
		this.signInSource = source;
		this.externalId = externalId;
		if (!source.hasLocalPassword()) {
			this.passwordHash = null;
		}
	}

	void setDisplayName(String displayName) {
		this.displayName = displayName.strip();
	}

	void setEmail(String email) {
		this.email = normalizeEmail(email);
	}

	void setPasswordHash(String passwordHash) {
		this.passwordHash = passwordHash;
	}

	/**
	 * Lifts a login lock and forgets counted failures (the owner proved who they are).
	 */
	void clearLoginLock() {
		this.lockedUntil = null;
		this.failedLoginCount = 0;
		this.firstFailedLoginAt = null;
	}

}
