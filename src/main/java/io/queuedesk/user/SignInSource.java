package io.queuedesk.user;

/**
 * How a user signs in (SPEC §11, docs/RULES.md#accounts): with a password kept here, or
 * through the company directory or single sign-on, which then decide the password.
 */
public enum SignInSource {

	/** A password stored (hashed) in Queuedesk; the break-glass path. */
	LOCAL,

	/**
	 * LDAP / Active Directory bind: the directory checks the password; none is kept here.
	 */
	LDAP,

	/** OpenID Connect single sign-on: the provider checks who it is; no password here. */
	OIDC;

	/** Whether the account has a password kept by Queuedesk (reset and change apply). */
	public boolean hasLocalPassword() {
		return this == LOCAL;
	}

}
