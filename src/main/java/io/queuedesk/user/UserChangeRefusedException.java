package io.queuedesk.user;

import io.queuedesk.system.RefusedException;

/**
 * An admin's change to an account broke a rule (docs/RULES.md#accounts: nobody
 * deactivates themselves or removes the last active admin; roles never empty); nothing
 * was changed.
 */
class UserChangeRefusedException extends RefusedException {

	UserChangeRefusedException(String code, Object... args) {
		super(code, args);
	}

}
