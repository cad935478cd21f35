package io.queuedesk.system;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.ModelAndView;

/**
 * The safety net for a change that lost a race and that its feature did not answer itself
 * ({@link ConcurrencyFailureException}: an optimistic or pessimistic lock failure, a
 * deadlock, a lock timeout). Nothing was saved, so it is a 409 with the app's error page
 * ("Someone else changed this in the meantime"), not a 500; under /api the JSON problem
 * of {@link ApiExceptionHandler}. Features with a better page to go back to answer first
 * (the ticket pages: a message on the ticket as it is now).
 */
@ControllerAdvice
// Early, so that a broader DataAccessException handler elsewhere does not take these;
// after the
// ticket pages' own answer and the REST controllers' JSON (both HIGHEST_PRECEDENCE).
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class ConflictPages {

	private static final Log log = LogFactory.getLog(ConflictPages.class);

	@ExceptionHandler(ConcurrencyFailureException.class)
	ModelAndView conflict(ConcurrencyFailureException ex) throws IOException {
		return answer(ex);
	}

	/**
	 * Sends 409, which the servlet error page renders (JSON under /api); answers the
	 * empty view that tells Spring MVC the response is done. For other exception handlers
	 * to fall back on.
	 */
	public static ModelAndView answer(ConcurrencyFailureException ex) throws IOException {
		ServletRequestAttributes current = (ServletRequestAttributes) RequestContextHolder.currentRequestAttributes();
		HttpServletRequest request = current.getRequest();
		log.info("Lost a race with a concurrent change: 409 for " + request.getMethod() + " " + request.getRequestURI()
				+ " (" + ex.getClass().getSimpleName() + ")");
		HttpServletResponse response = current.getResponse();
		if (response == null) {
			throw ex;
		}
		response.sendError(HttpStatus.CONFLICT.value());
		return null;
	}

}
