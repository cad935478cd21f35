package io.queuedesk.ticket;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.queuedesk.system.ConflictPages;
import io.queuedesk.system.Flash;

/**
 * A ticket change that lost a race (the lock order of TicketLocks leaves only rare
 * deadlocks and lock timeouts, and any optimistic lock failure that slips through) saved
 * nothing: back to the ticket page, which shows the ticket as it is now, with "changed by
 * someone else meanwhile". A ticket deleted meanwhile answers 404 there. Without a ticket
 * in the path, the 409 page.
 */
@ControllerAdvice(annotations = TicketPages.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class TicketRaceAnswers {

	private static final Log log = LogFactory.getLog(TicketRaceAnswers.class);

	/**
	 * Looked up when needed: controller slice tests load this advice without the Flash
	 * component.
	 */
	private final ObjectProvider<Flash> flash;

	TicketRaceAnswers(ObjectProvider<Flash> flash) {
		this.flash = flash;
	}

	@ExceptionHandler(ConcurrencyFailureException.class)
	ModelAndView changedMeanwhile(ConcurrencyFailureException ex, HttpServletRequest request,
			RedirectAttributes redirect) throws IOException {
		Object id = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> path
				? path.get("id") : null;
		if (id == null || !id.toString().matches("\\d{1,19}")) {
			return ConflictPages.answer(ex);
		}
		log.info("Lost a race on ticket " + id + ": " + request.getMethod() + " " + request.getRequestURI() + " ("
				+ ex.getClass().getSimpleName() + ")");
		flash.getObject().error(redirect, "ticket.changedByOthers");
		return new ModelAndView("redirect:/tickets/" + id);
	}

}
