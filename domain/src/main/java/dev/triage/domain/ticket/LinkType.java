package dev.triage.domain.ticket;

import java.util.Locale;
import java.util.Optional;

/**
 * How one ticket relates to another (ADR 25). A link is made in one of the three forward kinds and
 * read from the other ticket as its inverse: a duplicate's original reads {@code DUPLICATED_BY},
 * the cause reads {@code CAUSES}; {@code RELATED} reads the same both ways.
 */
public enum LinkType {
  RELATED,
  DUPLICATE_OF,
  DUPLICATED_BY,
  CAUSED_BY,
  CAUSES,
  /** Made by a merge only (ADR 30), never through the links API. */
  MERGED_INTO,
  MERGED_FROM;

  /** The link as the other ticket reads it. */
  public LinkType inverse() {
    return switch (this) {
      case RELATED -> RELATED;
      case DUPLICATE_OF -> DUPLICATED_BY;
      case DUPLICATED_BY -> DUPLICATE_OF;
      case CAUSED_BY -> CAUSES;
      case CAUSES -> CAUSED_BY;
      case MERGED_INTO -> MERGED_FROM;
      case MERGED_FROM -> MERGED_INTO;
    };
  }

  /**
   * Whether a link is made in this kind through the links API (the inverses are how the other
   * ticket reads it; a merge makes its own).
   */
  public boolean forward() {
    return this == RELATED || this == DUPLICATE_OF || this == CAUSED_BY;
  }

  /** A forward kind by its name, as the API sends it. */
  public static Optional<LinkType> parseForward(String text) {
    if (text == null) {
      return Optional.empty();
    }
    try {
      LinkType type = valueOf(text.strip().toUpperCase(Locale.ROOT));
      return type.forward() && text.strip().equals(type.name())
          ? Optional.of(type)
          : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
