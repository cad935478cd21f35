package io.queuedesk.user;

import io.queuedesk.system.RefusedException;

/**
 * An admin's change to an account broke a rule (SPEC §4: nobody deactivates themselves or removes
 * the last active admin; roles never empty); nothing was changed.
 */
public class UserChangeRefusedException extends RefusedException {

	UserChangeRefusedException(String code, Object... args) {
		super(code, args);
	}

}
