package io.queuedesk.system;

import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.json.JacksonJsonView;

/**
 * Errors under /api are always JSON, even for a browser whose Accept header prefers HTML.
 * The body is Boot's error attributes (timestamp, status, error, path): never a stack
 * trace.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiErrorViewResolver implements ErrorViewResolver {

	@Override
	public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		if (uri instanceof String path && path.startsWith(request.getContextPath() + "/api/")) {
			JacksonJsonView view = new JacksonJsonView();
			view.setExtractValueFromSingleKeyModel(false);
			ModelAndView json = new ModelAndView(view, model);
			json.setStatus(status);
			return json;
		}
		return null;
	}

}
