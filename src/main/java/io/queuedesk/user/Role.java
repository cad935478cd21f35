package io.queuedesk.user;

/** Roles are additive: one user may hold several (docs/RULES.md#roles-and-visibility). */
public enum Role {

	ADMIN, DEVELOPER, SUBMITTER;

	/** The authority Spring Security checks with hasRole(...). */
	public String authority() {
		return "ROLE_" + name();
	}

}
