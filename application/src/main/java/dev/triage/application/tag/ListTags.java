package dev.triage.application.tag;

import dev.triage.application.bus.Access;
import dev.triage.application.bus.Query;
import java.util.List;

/**
 * The tags in use, the most used first (then by name), at most {@code limit} (1 to {@value
 * #MAX_LIMIT}, {@value #DEFAULT_LIMIT} when null).
 */
public record ListTags(String limit) implements Query<List<TagCount>> {

  public static final int DEFAULT_LIMIT = 100;
  public static final int MAX_LIMIT = 100;

  @Override
  public Access requiredAccess() {
    return Access.STAFF;
  }
}
