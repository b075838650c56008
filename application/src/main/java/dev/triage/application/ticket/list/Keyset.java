package dev.triage.application.ticket.list;

import dev.triage.domain.shared.Uuids;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Where a page ends: the sort key of its last item and that item's id. As text it is {@code
 * tag|key|id}; the REST adapter makes it opaque. The tag names the order, so a cursor of one sort
 * or list is refused by another.
 *
 * @param key the sort key as text, in the form the read side reads back (an ISO instant, a number)
 */
public record Keyset(String key, UUID id) {

  /** The position text of this keyset in the order {@code tag}. */
  public String position(String tag) {
    return tag + "|" + key + "|" + id;
  }

  /**
   * The keyset in {@code position}, when it belongs to {@code tag} and its key passes {@code
   * valid}.
   */
  public static Optional<Keyset> parse(String position, String tag, Predicate<String> valid) {
    if (position == null) {
      return Optional.empty();
    }
    String[] parts = position.split("\\|", -1);
    if (parts.length != 3 || !parts[0].equals(tag) || !valid.test(parts[1])) {
      return Optional.empty();
    }
    return Uuids.parse(parts[2]).map(id -> new Keyset(parts[1], id));
  }

  /** Whether {@code key} is an ISO-8601 instant, the key of the lists in time order. */
  public static boolean isInstant(String key) {
    try {
      Instant.parse(key);
      return true;
    } catch (DateTimeException e) {
      return false;
    }
  }
}
