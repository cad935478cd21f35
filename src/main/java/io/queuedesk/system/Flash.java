package io.queuedesk.system;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Flash messages shown by the layout after a redirect, with their text from
 * messages.properties.
 */
@Component
public class Flash {

	private final MessageSource messages;

	Flash(MessageSource messages) {
		this.messages = messages;
	}

	public void success(RedirectAttributes redirect, String code, Object... args) {
		redirect.addFlashAttribute("flashSuccess", text(code, args));
	}

	/** The message of a refused action. */
	public void error(RedirectAttributes redirect, RefusedException refusal) {
		error(redirect, refusal.code(), refusal.args());
	}

	public void error(RedirectAttributes redirect, String code, Object... args) {
		redirect.addFlashAttribute("flashError", text(code, args));
	}

	/**
	 * A validation error as the page's message (issue 12: a comment with control
	 * characters).
	 */
	public void error(RedirectAttributes redirect, MessageSourceResolvable error) {
		redirect.addFlashAttribute("flashError", text(error));
	}

	/** The text of a validation or binding error. */
	public String text(MessageSourceResolvable error) {
		return messages.getMessage(error, LocaleContextHolder.getLocale());
	}

	public String text(String code, Object... args) {
		return messages.getMessage(code, args, LocaleContextHolder.getLocale());
	}

}
