package dev.triage.domain.user;

import java.util.Locale;
import java.util.Optional;

/** What a caller may touch at all: reading tickets, changing them, or administering Triage. */
public enum Scope {
  TICKETS_READ("tickets:read"),
  TICKETS_WRITE("tickets:write"),
  ADMIN("admin");

  private final String key;

  Scope(String key) {
    this.key = key;
  }

  /** The name used in the API and on tokens ({@code tickets:read}). */
  public String key() {
    return key;
  }

  public static Optional<Scope> parse(String text) {
    if (text != null) {
      String wanted = text.strip().toLowerCase(Locale.ROOT);
      for (Scope s : values()) {
        if (s.key.equals(wanted)) {
          return Optional.of(s);
        }
      }
    }
    return Optional.empty();
  }
}
