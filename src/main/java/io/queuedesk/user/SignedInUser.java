package io.queuedesk.user;

import java.io.Serial;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The security principal: who is signed in, with the id services need for ownership
 * checks. Serializable because it lives in the HTTP session.
 */
public final class SignedInUser implements UserDetails, CredentialsContainer {

	@Serial
	private static final long serialVersionUID = 1L;

	private final Long id;

	private final String email;

	private final String displayName;

	private final Set<Role> roles;

	private final boolean enabled;

	private final boolean locked;

	/**
	 * Signs in through the directory or single sign-on, not with a password kept here.
	 * Negative, so that a session saved before the field existed reads as local.
	 */
	private final boolean external;

	private String passwordHash;

	/**
	 * The colour mode stored when the user signed in ({@code users.color_mode}), so the
	 * layout needs no query for it; a change later in the session is kept in the session
	 * ({@link ColorModeSession}). Null (AUTO) in a session saved before the field
	 * existed.
	 */
	private final String colorMode;

	/**
	 * The language chosen at sign-in ({@code de}), or null: the browser's. A session
	 * saved before the field existed reads null. Put into the session at sign-in
	 * ({@link LanguageOnSignIn}); a later change is kept there.
	 */
	private final String language;

	SignedInUser(User user, boolean locked) {
		this.id = user.getId();
		this.email = user.getEmail();
		this.displayName = user.getDisplayName();
		this.roles = user.getRoles();
		this.enabled = user.isActive() && user.isConfirmed();
		this.locked = locked;
		this.external = !user.getSignInSource().hasLocalPassword();
		this.passwordHash = user.getPasswordHash();
		this.colorMode = user.getColorMode();
		this.language = user.getLanguage();
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

	/** The user's language as it was at sign-in, or null for the browser's. */
	public String getLanguage() {
		return language;
	}

	public Set<Role> getRoles() {
		return roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
	}

	/**
	 * Whether the user signs in with a password kept by Queuedesk (two-factor
	 * authentication is for these accounts; the directory's accounts get it there).
	 */
	public boolean signsInLocally() {
		return !external;
	}

	/** The colour mode the user had chosen when signing in. */
	public ColorMode getColorMode() {
		return ColorMode.fromStored(colorMode);
	}

	public boolean hasRole(Role role) {
		return roles.contains(role);
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return roles.stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList();
	}

	@Override
	public String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return email;
	}

	@Override
	public boolean isEnabled() {
		return enabled;
	}

	@Override
	public boolean isAccountNonLocked() {
		return !locked;
	}

	@Override
	public void eraseCredentials() {
		passwordHash = null;
	}

	/** Principals are the same user when their ids match (session registry, audit). */
	@Override
	public boolean equals(Object other) {
		return other instanceof SignedInUser that && id.equals(that.id);
	}

	@Override
	public int hashCode() {
		return id.hashCode();
	}

	@Override
	public String toString() {
		return "SignedInUser[" + id + ", " + email + ", " + List.copyOf(roles) + "]";
	}

}
