package io.queuedesk.system;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/**
 * Checks {@link CleanText}: one violation per value, the first problem found, with its
 * own message. Public because Bean Validation outside Spring (the plain provider)
 * instantiates it.
 */
public class CleanTextValidator implements ConstraintValidator<CleanText, String> {

	private boolean multiline;

	@Override
	public void initialize(CleanText annotation) {
		multiline = annotation.multiline();
	}

	@Override
	public boolean isValid(String value, ConstraintValidatorContext context) {
		String problem = problem(value, multiline);
		if (problem == null) {
			return true;
		}
		context.disableDefaultConstraintViolation();
		context.buildConstraintViolationWithTemplate("{" + problem + "}").addConstraintViolation();
		return false;
	}

	/** The message key of what is wrong with the value, or null when nothing is. */
	static String problem(String value, boolean multiline) {
		if (value == null) {
			return null;
		}
		if (TypedText.hasControlCharacter(value, multiline)) {
			return multiline ? "text.control.multiline" : "text.control.singleLine";
		}
		if (!multiline && TypedText.hasDirectionControl(value)) {
			return "text.direction";
		}
		if (!value.isBlank() && TypedText.isInvisible(value)) {
			return "text.invisible";
		}
		return null;
	}

}
