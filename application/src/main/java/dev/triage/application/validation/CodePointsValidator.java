package dev.triage.application.validation;

import dev.triage.domain.shared.Texts;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link CodePoints}: counts code points, so an emoji is one character, not two. */
public class CodePointsValidator implements ConstraintValidator<CodePoints, CharSequence> {

  private int min;
  private int max;

  @Override
  public void initialize(CodePoints bounds) {
    this.min = bounds.min();
    this.max = bounds.max();
  }

  @Override
  public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
    if (value == null) {
      return true;
    }
    int length = Texts.length(value.toString());
    return length >= min && length <= max;
  }
}
