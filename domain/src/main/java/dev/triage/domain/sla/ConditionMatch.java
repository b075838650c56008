package dev.triage.domain.sla;

import java.util.Locale;
import java.util.Objects;

/**
 * Why a policy applies, for the explanation: one condition list of the policy ({@code field}, as
 * named in the JSON contract under {@code conditions}) and the ticket's value that matched it (for
 * tags, the shared tag).
 */
public record ConditionMatch(Field field, String value) {

  /** The condition lists of a policy, by their JSON names. */
  public enum Field {
    PRIORITIES("priorities"),
    CATEGORIES("categories"),
    TAGS("tags"),
    REQUESTER_IDS("requesterIds");

    private final String key;

    Field(String key) {
      this.key = key;
    }

    public String key() {
      return key;
    }
  }

  public ConditionMatch {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(value, "value");
  }

  /** For example {@code "category is billing"}. */
  public String describe() {
    return switch (field) {
      case PRIORITIES -> "priority is " + value;
      case CATEGORIES -> "category is " + value;
      case TAGS -> "tagged " + value;
      case REQUESTER_IDS -> "requester is " + value;
    };
  }

  @Override
  public String toString() {
    return field.name().toLowerCase(Locale.ROOT) + "=" + value;
  }
}
