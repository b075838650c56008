package dev.triage.domain.ticket;

import dev.triage.domain.shared.ErrorCode;
import dev.triage.domain.shared.Result;
import dev.triage.domain.user.Actor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Several changes of one ticket made as one (a macro, issue 19): each action is the ticket's own
 * operation, run with all its rules (lifecycle, locks, groups, who may) on the ticket the actions
 * before it left, in a fixed order: group, category, priority, custom fields, tags added, tags
 * removed, assignee, the reply or note, status. The group comes before the assignee (who is checked
 * against it) and the comment before the status (a reply can still be written before a ticket is
 * closed). The first refusal refuses the whole; it names the action ({@code errors} keyed by the
 * action's name), keeping the refusal's code.
 *
 * @param group empty: untouched; empty inside: out of any group
 * @param category empty: untouched; empty inside: no category
 * @param fields custom field changes by key, each accepted by {@link FieldValues#accept}
 * @param staffOnly which of {@code fields} customers do not see
 * @param assignee empty: untouched; empty inside: unassigned
 * @param comment the reply or note to write, its text rendered for the ticket as it then is
 */
public record TicketActions(
    Optional<Optional<UUID>> group,
    Optional<Optional<Category>> category,
    Optional<Priority> priority,
    Map<String, Optional<Object>> fields,
    Predicate<String> staffOnly,
    Tags addTags,
    List<String> removeTags,
    Optional<Optional<Assignee>> assignee,
    Optional<Draft> comment,
    Optional<Status> status) {

  /** The action names a refusal is keyed by, as macros spell them. */
  public static final String GROUP = "group";

  public static final String CATEGORY = "category";
  public static final String PRIORITY = "priority";
  public static final String FIELD = "field";
  public static final String ADD_TAGS = "addTags";
  public static final String REMOVE_TAGS = "removeTags";
  public static final String ASSIGNEE = "assignee";
  public static final String REPLY = "reply";
  public static final String NOTE = "note";
  public static final String STATUS = "status";

  public TicketActions {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(priority, "priority");
    fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    Objects.requireNonNull(staffOnly, "staffOnly");
    Objects.requireNonNull(addTags, "addTags");
    removeTags = List.copyOf(removeTags);
    Objects.requireNonNull(assignee, "assignee");
    Objects.requireNonNull(comment, "comment");
    Objects.requireNonNull(status, "status");
  }

  /** No action at all; add some with the {@code with...} copies. */
  public static TicketActions none() {
    return new TicketActions(
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Map.of(),
        k -> false,
        Tags.empty(),
        List.of(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  /**
   * A reply or an internal note to write.
   *
   * @param body its text for the ticket as the actions before it left it
   */
  public record Draft(CommentId id, boolean internal, Function<Ticket, String> body) {
    public Draft {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(body, "body");
    }
  }

  public TicketActions withGroup(Optional<UUID> value) {
    return new TicketActions(
        Optional.of(value),
        category,
        priority,
        fields,
        staffOnly,
        addTags,
        removeTags,
        assignee,
        comment,
        status);
  }

  public TicketActions withCategory(Optional<Category> value) {
    return new TicketActions(
        group,
        Optional.of(value),
        priority,
        fields,
        staffOnly,
        addTags,
        removeTags,
        assignee,
        comment,
        status);
  }

  public TicketActions withPriority(Priority value) {
    return new TicketActions(
        group,
        category,
        Optional.of(value),
        fields,
        staffOnly,
        addTags,
        removeTags,
        assignee,
        comment,
        status);
  }

  public TicketActions withFields(Map<String, Optional<Object>> values, Predicate<String> hidden) {
    return new TicketActions(
        group, category, priority, values, hidden, addTags, removeTags, assignee, comment, status);
  }

  public TicketActions withAddedTags(Tags value) {
    return new TicketActions(
        group, category, priority, fields, staffOnly, value, removeTags, assignee, comment, status);
  }

  public TicketActions withRemovedTags(List<String> value) {
    return new TicketActions(
        group, category, priority, fields, staffOnly, addTags, value, assignee, comment, status);
  }

  public TicketActions withAssignee(Optional<Assignee> value) {
    return new TicketActions(
        group,
        category,
        priority,
        fields,
        staffOnly,
        addTags,
        removeTags,
        Optional.of(value),
        comment,
        status);
  }

  public TicketActions withComment(Draft value) {
    return new TicketActions(
        group,
        category,
        priority,
        fields,
        staffOnly,
        addTags,
        removeTags,
        assignee,
        Optional.of(value),
        status);
  }

  public TicketActions withStatus(Status value) {
    return new TicketActions(
        group,
        category,
        priority,
        fields,
        staffOnly,
        addTags,
        removeTags,
        assignee,
        comment,
        Optional.of(value));
  }

  /**
   * Runs the actions on {@code ticket} as {@code actor} at {@code now}: one change (version plus
   * one) holding every action's events in order and the comment written, if any; or the first
   * refusal, naming its action. Actions that change nothing add nothing.
   */
  public Result<TicketChange> applyTo(Ticket ticket, Actor actor, TicketRules rules, Instant now) {
    Objects.requireNonNull(ticket, "ticket");
    Run run = new Run(ticket);
    if (group.isPresent()) {
      Optional<UUID> to = group.get();
      if (!run.step(GROUP, t -> t.edit(actor, TicketEdit.none().withGroup(to), now))) {
        return run.refusal();
      }
      if (!actor.seesGroup(run.current.groupId())) {
        return named(
            GROUP,
            Result.err(
                ErrorCode.FORBIDDEN,
                "You see only the tickets of your groups; this would move the ticket out of"
                    + " them."));
      }
    }
    if (category.isPresent()) {
      Optional<Category> to = category.get();
      TicketEdit edit =
          to.map(c -> TicketEdit.none().withCategory(c))
              .orElse(TicketEdit.none().withoutCategory());
      if (!run.step(CATEGORY, t -> t.edit(actor, edit, now))) {
        return run.refusal();
      }
    }
    if (priority.isPresent()
        && !run.step(
            PRIORITY, t -> t.edit(actor, TicketEdit.none().withPriority(priority.get()), now))) {
      return run.refusal();
    }
    if (!fields.isEmpty() && !run.step(FIELD, t -> t.changeFields(actor, fields, staffOnly, now))) {
      return run.refusal();
    }
    if (!addTags.values().isEmpty() && !run.step(ADD_TAGS, t -> t.addTags(actor, addTags, now))) {
      return run.refusal();
    }
    for (String tag : removeTags) {
      if (!run.step(
          REMOVE_TAGS,
          t ->
              t.tags().contains(tag)
                  ? t.removeTag(actor, tag, now)
                  : t.checkTags(actor).map(x -> new TicketChange(x, List.of())))) {
        return run.refusal();
      }
    }
    if (assignee.isPresent()) {
      Optional<Assignee> to = assignee.get();
      if (!run.step(
          ASSIGNEE,
          t -> to.isPresent() ? t.assign(actor, to.get(), now) : t.unassign(actor, now))) {
        return run.refusal();
      }
    }
    if (comment.isPresent()) {
      Draft draft = comment.get();
      String name = draft.internal() ? NOTE : REPLY;
      if (!run.step(
          name,
          t ->
              t.addComment(actor, draft.id(), draft.body().apply(t), draft.internal(), now)
                  .flatMap(
                      outcome ->
                          switch (outcome) {
                            case CommentOutcome.Added added -> Result.ok(added.change());
                            case CommentOutcome.FollowUpRequired f ->
                                Result.<TicketChange>err(
                                    ErrorCode.CONFLICT,
                                    "Ticket " + t.number() + " is CLOSED, which is final.");
                          }))) {
        return run.refusal();
      }
    }
    if (status.isPresent()
        && !run.step(
            STATUS, t -> t.changeStatus(actor, status.get(), Optional.empty(), rules, now))) {
      return run.refusal();
    }
    return Result.ok(ticket.asOneChange(run.combined()));
  }

  /** {@code refused} with its action named: {@code errors} keyed by the action, its code kept. */
  public static <T> Result<T> named(String action, Result<?> refused) {
    Result.Err<?> err = (Result.Err<?>) refused;
    List<String> messages = new ArrayList<>();
    err.fieldErrors().forEach((field, list) -> list.forEach(m -> messages.add(field + ": " + m)));
    if (messages.isEmpty()) {
      messages.add(err.message());
    }
    Map<String, List<String>> errors = new LinkedHashMap<>();
    errors.put(action, messages);
    return new Result.Err<>(
        err.code(), "The macro's " + action + " action is refused: " + err.message(), errors);
  }

  /** The actions run so far: the ticket they left, their events, the comment written. */
  private static final class Run {
    private Ticket current;
    private final List<TicketEvent> events = new ArrayList<>();
    private Optional<Comment> comment = Optional.empty();
    private Result<TicketChange> refusal;

    Run(Ticket start) {
      this.current = start;
    }

    boolean step(String action, Function<Ticket, Result<TicketChange>> operation) {
      switch (operation.apply(current)) {
        case Result.Ok<TicketChange> ok -> {
          TicketChange change = ok.value();
          if (!change.isNoChange()) {
            current = change.ticket();
            events.addAll(change.events());
          }
          if (change.comment().isPresent()) {
            comment = change.comment();
          }
          return true;
        }
        case Result.Err<TicketChange> err -> {
          refusal = named(action, err);
          return false;
        }
      }
    }

    Result<TicketChange> refusal() {
      return refusal;
    }

    TicketChange combined() {
      return new TicketChange(current, events, comment);
    }
  }
}
