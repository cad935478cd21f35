package io.queuedesk.system;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The answer to an upload the servlet container refused as too large (more bytes or parts
 * than its bounds, see attachment/MultipartLimits): back to the form it came from, with
 * {@code ?upload=too-large}, which the layout shows as a message saying what the limits
 * are and that nothing was saved. Not a bare 413 or 400: the user sees why, on the page
 * they were on. The body was never parsed, so nothing of it can be kept, and no parameter
 * (not even the CSRF token) was read: a redirect changes nothing.
 */
final class UploadTooLarge {

	static final String MARK = "upload=too-large";

	private static final Pattern TICKET_FORM = Pattern.compile("^/tickets/(\\d{1,18})/(comments|attachments)$");

	private UploadTooLarge() {
	}

	/** Whether Tomcat's multipart parser failed on one of its size or count limits. */
	static boolean isTooLarge(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			String name = cause.getClass().getName();
			if (name.startsWith("org.apache.tomcat.util.http.fileupload.")
					&& (name.endsWith("LimitExceededException") || name.endsWith("SizeException"))) {
				return true;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

	/** Sends the browser back to the form the upload came from. */
	static void answer(HttpServletRequest request, HttpServletResponse response) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		String target;
		Matcher ticketForm = TICKET_FORM.matcher(path);
		if (path.equals("/tickets/new")) {
			target = "/tickets/new?" + MARK;
		}
		else if (ticketForm.matches()) {
			String anchor = ticketForm.group(2).equals("comments") ? "#comment-form" : "#files";
			target = "/tickets/" + ticketForm.group(1) + "?" + MARK + anchor;
		}
		else {
			response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
			return;
		}
		response.setStatus(HttpServletResponse.SC_SEE_OTHER);
		response.setHeader("Location", request.getContextPath() + target);
	}

}
