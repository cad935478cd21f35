package io.queuedesk.mail;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.queuedesk.account.AccountLinkIssued;
import io.queuedesk.account.AccountLinkIssued.Kind;
import io.queuedesk.system.Languages;

/**
 * The account mails (docs/RULES.md#email): registration confirmation, the note to an
 * owner whose email was registered again, password reset and account created (a
 * set-password link, never a password). Written to the outbox in the transaction that
 * issued the link.
 */
@Component
class AccountMails {

	private final MailOutbox outbox;

	private final MailRenderer renderer;

	AccountMails(MailOutbox outbox, MailRenderer renderer) {
		this.outbox = outbox;
		this.renderer = renderer;
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void linkIssued(AccountLinkIssued event) {
		String key = "mail.account." + event.kind().name();
		Locale locale = Languages.of(event.language());
		Map<String, Object> model = new HashMap<>();
		model.put("title", renderer.message(locale, key + ".subject"));
		model.put("heading", renderer.message(locale, key + ".heading", event.displayName()));
		model.put("link", event.path() == null ? null : renderer.link(event.path()));
		model.put("action", renderer.message(locale, key + ".action"));
		model.put("validity", renderer.message(locale, key + ".validity"));
		boolean alreadyRegistered = event.kind() == Kind.ALREADY_REGISTERED;
		model.put("signInLink", alreadyRegistered ? renderer.link("/login") : null);
		model.put("resetLink", alreadyRegistered ? renderer.link("/password/forgot") : null);
		MailRenderer.Rendered mail = renderer.render(locale, "account-link", model);
		outbox.enqueue(event.email(), renderer.message(locale, key + ".subject"), mail.text(), mail.html());
	}

}
