package dev.triage.adapters.in.rest;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code If-Match}: absent or {@code *} means any version; {@code "3"} (or {@code W/"3"}, or
 * a bare 3) means version 3. Anything else can match no version (the outer empty).
 */
public final class IfMatch {

  private static final Pattern TAG = Pattern.compile("\\s*(?:W/)?\"?(\\d{1,18})\"?\\s*");

  private IfMatch() {}

  public static Optional<Optional<Long>> parse(String header) {
    if (header == null || header.isBlank() || header.strip().equals("*")) {
      return Optional.of(Optional.empty());
    }
    Matcher m = TAG.matcher(header);
    return m.matches() ? Optional.of(Optional.of(Long.parseLong(m.group(1)))) : Optional.empty();
  }
}
