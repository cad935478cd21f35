package io.queuedesk.user;

/** Roles are additive: one user may hold several (SPEC §1). */
public enum Role {

	ADMIN, DEVELOPER, SUBMITTER;

	/** The authority Spring Security checks with hasRole(...). */
	public String authority() {
		return "ROLE_" + name();
	}

}
