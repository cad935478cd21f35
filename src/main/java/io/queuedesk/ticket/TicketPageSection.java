package io.queuedesk.ticket;

import org.springframework.ui.Model;

import io.queuedesk.user.SignedInUser;

/**
 * A section another feature adds to the ticket page (the comment thread, for instance).
 * The ticket page renders every section bean in order, so the ticket feature need not
 * know the features that build on it, and dependencies keep pointing one way.
 */
public interface TicketPageSection {

	/**
	 * The Thymeleaf fragment to render, for example {@code "comments/thread :: thread"}.
	 */
	String fragment();

	/**
	 * Adds what the fragment needs to the model; called only for a viewer who may see the
	 * ticket.
	 */
	void contribute(TicketAccessInfo ticket, SignedInUser viewer, Model model);

}
