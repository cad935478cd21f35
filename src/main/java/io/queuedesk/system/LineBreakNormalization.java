package io.queuedesk.system;

import java.beans.PropertyEditorSupport;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Browsers submit textarea line breaks as CR LF. Every form field is bound with plain LF,
 * so a 20,000-character description with line breaks is not refused as too long, and text
 * compares equal however it was typed.
 */
@ControllerAdvice
class LineBreakNormalization {

	@InitBinder
	void normalizeLineBreaks(WebDataBinder binder) {
		binder.registerCustomEditor(String.class, new PropertyEditorSupport() {
			@Override
			public void setAsText(String text) {
				setValue(text == null ? null : text.replace("\r\n", "\n").replace('\r', '\n'));
			}
		});
	}

}
