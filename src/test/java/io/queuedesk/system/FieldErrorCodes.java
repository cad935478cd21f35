package io.queuedesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/**
 * MockMvc's {@code attributeHasFieldErrorCode} looks at a field's first error only, and
 * Bean Validation reports a field's violations in no fixed order: an email with a NUL
 * fails both {@code @Email} and {@code @CleanText}. This matches any of the field's
 * errors.
 */
public final class FieldErrorCodes {

	private FieldErrorCodes() {
	}

	public static ResultMatcher anyFieldErrorCode(String attribute, String field, String code) {
		return result -> {
			BindingResult errors = (BindingResult) result.getModelAndView()
				.getModel()
				.get(BindingResult.MODEL_KEY_PREFIX + attribute);
			assertThat(errors).as("errors of " + attribute).isNotNull();
			assertThat(errors.getFieldErrors(field)).extracting(FieldError::getCode).as(field).contains(code);
		};
	}

}
