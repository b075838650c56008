package dev.triage.domain.ticket;

import java.util.Objects;
import java.util.Optional;

/**
 * The fields an edit wants to change; an absent field stays as it is. The category can be set or
 * cleared, which is why it is an optional of an optional.
 */
public record TicketEdit(
    Optional<Title> title,
    Optional<Description> description,
    Optional<Optional<Category>> category,
    Optional<Tags> tags,
    Optional<Priority> priority) {

  private static final TicketEdit NONE =
      new TicketEdit(
          Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

  public TicketEdit {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(tags, "tags");
    Objects.requireNonNull(priority, "priority");
  }

  /** An edit that changes nothing; start here and add fields. */
  public static TicketEdit none() {
    return NONE;
  }

  public TicketEdit withTitle(Title value) {
    return new TicketEdit(Optional.of(value), description, category, tags, priority);
  }

  public TicketEdit withDescription(Description value) {
    return new TicketEdit(title, Optional.of(value), category, tags, priority);
  }

  public TicketEdit withCategory(Category value) {
    return new TicketEdit(title, description, Optional.of(Optional.of(value)), tags, priority);
  }

  public TicketEdit withoutCategory() {
    return new TicketEdit(title, description, Optional.of(Optional.empty()), tags, priority);
  }

  public TicketEdit withTags(Tags value) {
    return new TicketEdit(title, description, category, Optional.of(value), priority);
  }

  public TicketEdit withPriority(Priority value) {
    return new TicketEdit(title, description, category, tags, Optional.of(value));
  }

  /** True when the edit touches a field only staff may change (category, tags, priority). */
  public boolean touchesStaffOnlyFields() {
    return category.isPresent() || tags.isPresent() || priority.isPresent();
  }
}
