package io.queuedesk.system;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * Text a person typed into a form field, as it may be stored and shown (issue 12).
 * Refused:
 * <ul>
 * <li>control characters (NUL, BEL, ESC, DEL, C1, …): PostgreSQL cannot store NUL at all,
 * and none of them means anything in a ticket desk. A {@link #multiline() multi-line}
 * field (description, comment) keeps line breaks and tabs; a single-line one (title,
 * names, email) refuses those too;</li>
 * <li>in single-line fields, the Unicode direction controls U+202A–U+202E and
 * U+2066–U+2069: in a name or title they only serve to make it read as something else
 * ("spoofing"); a description or comment keeps them, as right-to-left writing may need
 * them there;</li>
 * <li>text that is not blank but shows nothing: only spaces, format characters such as
 * U+200B (zero width space), U+FEFF or U+202E, and other invisible characters. Such a
 * title or name looks empty, so it is refused as an empty field is. Blank text is left to
 * {@code @NotBlank}.</li>
 * </ul>
 * Null is valid. Each problem has its own message ({@code text.control.singleLine},
 * {@code text.control.multiline}, {@code text.direction}, {@code text.invisible} in
 * messages.properties), chosen by the validator as the violation's template and resolved
 * by Spring's validator from the application's messages. The field error's code is
 * {@code CleanText} for all four, so messages.properties must have no {@code CleanText…}
 * key: it would hide the difference.
 */
@Documented
@Constraint(validatedBy = CleanTextValidator.class)
@Target({ FIELD, PARAMETER, RECORD_COMPONENT })
@Retention(RUNTIME)
public @interface CleanText {

	/** Whether line breaks and tabs are allowed (descriptions, comments). */
	boolean multiline() default false;

	String message() default "{text.control.singleLine}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
