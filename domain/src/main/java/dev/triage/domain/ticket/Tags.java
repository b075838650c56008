package dev.triage.domain.ticket;

import dev.triage.domain.shared.Result;
import dev.triage.domain.shared.Texts;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Labels for finding tickets: at most 20, each 1 to 40 characters, trimmed, lower case and without
 * duplicates, in the order first given.
 */
public record Tags(List<String> values) {

  public static final int MAX_COUNT = 20;
  public static final int MAX_LENGTH = 40;

  private static final Tags EMPTY = new Tags(List.of());

  public Tags {
    values = List.copyOf(values);
    if (values.size() > MAX_COUNT || Set.copyOf(values).size() != values.size()) {
      throw new IllegalArgumentException("not valid tags: " + values);
    }
    for (String tag : values) {
      if (!tag.equals(normalize(tag)) || tag.isEmpty() || Texts.length(tag) > MAX_LENGTH) {
        throw new IllegalArgumentException("not a valid tag: " + tag);
      }
    }
  }

  public static Tags empty() {
    return EMPTY;
  }

  /**
   * Normalizes and checks {@code raw} (null means none); a rejection names the field {@code tags}.
   */
  public static Result<Tags> of(List<String> raw) {
    if (raw == null) {
      return Result.ok(EMPTY);
    }
    Set<String> unique = new LinkedHashSet<>();
    for (String tag : raw) {
      if (Texts.isBlank(tag)) {
        return Result.invalid("tags", "each tag must not be blank");
      }
      String normalized = normalize(tag);
      if (Texts.length(normalized) > MAX_LENGTH) {
        return Result.invalid("tags", "each tag must be at most " + MAX_LENGTH + " characters");
      }
      unique.add(normalized);
    }
    if (unique.size() > MAX_COUNT) {
      return Result.invalid("tags", "at most " + MAX_COUNT + " tags are allowed");
    }
    return Result.ok(new Tags(new ArrayList<>(unique)));
  }

  public boolean contains(String tag) {
    return values.contains(normalize(Objects.requireNonNull(tag)));
  }

  static String normalize(String tag) {
    return tag.strip().toLowerCase(Locale.ROOT);
  }
}
