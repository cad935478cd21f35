package io.queuedesk.user;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Ends every session of an account (docs/RULES.md#accounts: a deactivated user's open
 * sessions end; after a role change the new roles apply at the next sign-in; a new
 * password ends the sessions that the old one opened, issue 12). Sessions live in the
 * database (Spring Session JDBC), so this reaches the user's sessions on every instance.
 * The jar's commands run without a web server and have no session store: there is nothing
 * to end then.
 */
@Component
class UserSessions {

	private final ObjectProvider<FindByIndexNameSessionRepository<?>> repositories;

	UserSessions(ObjectProvider<FindByIndexNameSessionRepository<?>> repositories) {
		this.repositories = repositories;
	}

	/**
	 * Ends the sessions once the current transaction commits: a change that rolls back
	 * signs nobody out, and a sign-in racing the change cannot survive it (it happens
	 * before the commit's sessions are looked up, or it sees the committed change).
	 */
	void endAfterCommit(String email) {
		endOthersAfterCommit(email, null);
	}

	/**
	 * The same, but the session {@code keepSessionId} goes on (the one that changed the
	 * password itself); null ends them all.
	 */
	void endOthersAfterCommit(String email, @Nullable String keepSessionId) {
		FindByIndexNameSessionRepository<?> sessions = repositories.getIfAvailable();
		if (sessions == null) {
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				sessions.findByPrincipalName(email)
					.keySet()
					.stream()
					.filter(id -> !id.equals(keepSessionId))
					.forEach(sessions::deleteById);
			}
		});
	}

}
