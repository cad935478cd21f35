package io.queuedesk.system;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * No form of any controller binds a request parameter named {@code id}: identifiers come
 * from the path, never from a posted field that a visitor could add to the form (mass
 * assignment).
 */
@ControllerAdvice
class IdNeverBound {

	@InitBinder
	void disallowId(WebDataBinder binder) {
		binder.setDisallowedFields("id");
	}

}
