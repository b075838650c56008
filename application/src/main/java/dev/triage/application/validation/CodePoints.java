package dev.triage.application.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * A text's length in characters as a person counts them (Unicode code points, as the domain counts
 * them), between {@link #min} and {@link #max}; null is valid. Use the domain's own constants for
 * the bounds ({@code Title.MAX_LENGTH}), so a limit is written once, and {@code {min}}/{@code
 * {max}} in the message.
 */
@Documented
@Constraint(validatedBy = CodePointsValidator.class)
@Target({FIELD, METHOD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
@Retention(RUNTIME)
public @interface CodePoints {

  String message() default "must be {min} to {max} characters";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  int min() default 0;

  int max() default Integer.MAX_VALUE;
}
