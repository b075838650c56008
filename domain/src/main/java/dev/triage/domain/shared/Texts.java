package dev.triage.domain.shared;

/**
 * Length rules counted the way a user counts: in characters (Unicode code points), not in UTF-16
 * units, so an emoji is one character.
 */
public final class Texts {

  private Texts() {}

  /** The number of characters a user sees in {@code text}. */
  public static int length(String text) {
    return text.codePointCount(0, text.length());
  }

  /** True when {@code text} is null or holds only white space. */
  public static boolean isBlank(String text) {
    return text == null || text.isBlank();
  }
}
