package io.queuedesk.account;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.queuedesk.account.AccountLinkIssued.Kind;
import io.queuedesk.user.User;
import io.queuedesk.user.UserEvents;

/**
 * Issues a token and asks for the mail that carries its link, in the caller's
 * transaction.
 */
@Component
class AccountLinks {

	static final String CONFIRM_PATH = "/register/confirm?token=";

	static final String RESET_PATH = "/password/reset?token=";

	private final AccountTokens tokens;

	private final ApplicationEventPublisher events;

	AccountLinks(AccountTokens tokens, ApplicationEventPublisher events) {
		this.tokens = tokens;
		this.events = events;
	}

	void confirmEmail(User user) {
		send(user, Kind.CONFIRM_EMAIL, CONFIRM_PATH + tokens.issue(user.getId(), TokenPurpose.CONFIRM_EMAIL));
	}

	/**
	 * The owner learns that someone tried to register their email; still unconfirmed,
	 * they get a fresh link.
	 */
	void alreadyRegistered(User user) {
		String path = user.isConfirmed() ? null : CONFIRM_PATH + tokens.issue(user.getId(), TokenPurpose.CONFIRM_EMAIL);
		send(user, Kind.ALREADY_REGISTERED, path);
	}

	void resetPassword(User user) {
		send(user, Kind.RESET_PASSWORD, RESET_PATH + tokens.issue(user.getId(), TokenPurpose.RESET_PASSWORD));
	}

	/**
	 * An admin created an account: its owner chooses the password through a link, never
	 * gets one by mail.
	 */
	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void accountCreated(UserEvents.AccountCreated event) {
		send(event.email(), event.displayName(), Kind.SET_PASSWORD,
				RESET_PATH + tokens.issue(event.userId(), TokenPurpose.SET_PASSWORD), null);
	}

	private void send(User user, Kind kind, String path) {
		send(user.getEmail(), user.getDisplayName(), kind, path, user.getLanguage());
	}

	private void send(String email, String displayName, Kind kind, String path, String language) {
		events.publishEvent(new AccountLinkIssued(email, displayName, kind, path, language));
	}

}
