package dev.triage.domain.ticket;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The fields an edit wants to change; an absent field stays as it is. The category and the group
 * can be set or cleared, which is why they are optionals of an optional. An assignee given with a
 * group is checked against the group the edit moves the ticket to.
 */
public record TicketEdit(
    Optional<Title> title,
    Optional<Description> description,
    Optional<Optional<Category>> category,
    Optional<Tags> tags,
    Optional<Priority> priority,
    Optional<Optional<UUID>> group,
    Optional<Assignee> assignee) {

  private static final TicketEdit NONE =
      new TicketEdit(
          Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

  public TicketEdit {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(tags, "tags");
    Objects.requireNonNull(priority, "priority");
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(assignee, "assignee");
  }

  /** An edit of the ticket's own fields, neither group nor assignee. */
  public TicketEdit(
      Optional<Title> title,
      Optional<Description> description,
      Optional<Optional<Category>> category,
      Optional<Tags> tags,
      Optional<Priority> priority) {
    this(title, description, category, tags, priority, Optional.empty(), Optional.empty());
  }

  /** An edit that changes nothing; start here and add fields. */
  public static TicketEdit none() {
    return NONE;
  }

  public TicketEdit withTitle(Title value) {
    return new TicketEdit(
        Optional.of(value), description, category, tags, priority, group, assignee);
  }

  public TicketEdit withDescription(Description value) {
    return new TicketEdit(title, Optional.of(value), category, tags, priority, group, assignee);
  }

  public TicketEdit withCategory(Category value) {
    return new TicketEdit(
        title, description, Optional.of(Optional.of(value)), tags, priority, group, assignee);
  }

  public TicketEdit withoutCategory() {
    return new TicketEdit(
        title, description, Optional.of(Optional.empty()), tags, priority, group, assignee);
  }

  public TicketEdit withTags(Tags value) {
    return new TicketEdit(
        title, description, category, Optional.of(value), priority, group, assignee);
  }

  public TicketEdit withPriority(Priority value) {
    return new TicketEdit(title, description, category, tags, Optional.of(value), group, assignee);
  }

  /** Moves the ticket to {@code value} (empty: out of any group). */
  public TicketEdit withGroup(Optional<UUID> value) {
    return new TicketEdit(
        title, description, category, tags, priority, Optional.of(value), assignee);
  }

  /** Assigns the ticket, as the assign command would, but in the group the edit leaves it in. */
  public TicketEdit withAssignee(Assignee value) {
    return new TicketEdit(title, description, category, tags, priority, group, Optional.of(value));
  }

  /**
   * True when the edit touches a field only staff may change (category, tags, priority, group,
   * assignee).
   */
  public boolean touchesStaffOnlyFields() {
    return category.isPresent()
        || tags.isPresent()
        || priority.isPresent()
        || group.isPresent()
        || assignee.isPresent();
  }
}
