package dev.triage.domain.ticket;

import java.util.Optional;

/** What kind of value a custom ticket field holds (ADR 20); fixed once the field exists. */
public enum FieldType {
  /** One line of text, 1 to {@value FieldDefinition#MAX_TEXT_LENGTH} characters. */
  TEXT,
  /** Text of 1 to {@value FieldDefinition#MAX_LONG_TEXT_LENGTH} characters. */
  LONG_TEXT,
  /** A whole number within 64 bits. */
  INTEGER,
  /** A decimal number, kept exactly as written (its digits and scale). */
  DECIMAL,
  /** A calendar date, {@code YYYY-MM-DD}. */
  DATE,
  /** True or false. */
  CHECKBOX,
  /** One of the field's options. */
  DROPDOWN,
  /** Distinct options of the field's, in the order given. */
  MULTI_SELECT;

  /** Whether fields of this type list options (and must). */
  public boolean hasOptions() {
    return this == DROPDOWN || this == MULTI_SELECT;
  }

  /** The type of this name, exactly as spelled; empty for any other text. */
  public static Optional<FieldType> named(String name) {
    for (FieldType t : values()) {
      if (t.name().equals(name)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }
}
