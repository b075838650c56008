package dev.triage.domain.sla;

import dev.triage.domain.shared.FieldErrors;
import dev.triage.domain.shared.Texts;
import dev.triage.domain.ticket.Category;
import dev.triage.domain.ticket.Priority;
import dev.triage.domain.ticket.Tags;
import dev.triage.domain.user.UserId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * When a policy applies, over the fields in {@link PolicyFacts}: an empty list matches any ticket,
 * and every non-empty list must match. Priorities and requester ids match by equality, categories
 * ignoring case, tags when the ticket shares any of them. A policy with no conditions matches every
 * ticket.
 *
 * <p>The record keeps what it is given; {@link SlaPolicyDefinition} checks it ({@link #check}) and
 * stores the {@link #normalized()} form (trimmed, tags in lower case, no duplicates).
 */
public record PolicyConditions(
    List<Priority> priorities,
    List<String> categories,
    List<String> tags,
    List<UserId> requesterIds) {

  /** The most entries one condition list may hold. */
  public static final int MAX_ENTRIES = 100;

  private static final PolicyConditions NONE =
      new PolicyConditions(List.of(), List.of(), List.of(), List.of());

  public PolicyConditions {
    priorities = copy(priorities, "priorities");
    categories = copy(categories, "categories");
    tags = copy(tags, "tags");
    requesterIds = copy(requesterIds, "requesterIds");
  }

  /** An unmodifiable copy that keeps null entries, so {@link #check} can name them. */
  private static <T> List<T> copy(List<T> list, String name) {
    Objects.requireNonNull(list, name);
    return Collections.unmodifiableList(new ArrayList<>(list));
  }

  /** No conditions: matches every ticket (the default policy's). */
  public static PolicyConditions none() {
    return NONE;
  }

  public boolean isEmpty() {
    return priorities.isEmpty() && categories.isEmpty() && tags.isEmpty() && requesterIds.isEmpty();
  }

  /**
   * The matches that make this policy apply to {@code facts}, one per non-empty list (empty for a
   * policy without conditions), or empty when some list does not match.
   */
  public Optional<List<ConditionMatch>> match(PolicyFacts facts) {
    List<ConditionMatch> matches = new ArrayList<>();
    if (!priorities.isEmpty()) {
      if (!priorities.contains(facts.priority())) {
        return Optional.empty();
      }
      matches.add(new ConditionMatch(ConditionMatch.Field.PRIORITIES, facts.priority().name()));
    }
    if (!categories.isEmpty()) {
      Optional<String> category =
          facts.category().map(Category::value).filter(c -> containsIgnoringCase(categories, c));
      if (category.isEmpty()) {
        return Optional.empty();
      }
      matches.add(new ConditionMatch(ConditionMatch.Field.CATEGORIES, category.get()));
    }
    if (!tags.isEmpty()) {
      Optional<String> shared =
          facts.tags().values().stream().filter(t -> containsIgnoringCase(tags, t)).findFirst();
      if (shared.isEmpty()) {
        return Optional.empty();
      }
      matches.add(new ConditionMatch(ConditionMatch.Field.TAGS, shared.get()));
    }
    if (!requesterIds.isEmpty()) {
      if (!requesterIds.contains(facts.requesterId())) {
        return Optional.empty();
      }
      matches.add(
          new ConditionMatch(ConditionMatch.Field.REQUESTER_IDS, facts.requesterId().toString()));
    }
    return Optional.of(List.copyOf(matches));
  }

  private static boolean containsIgnoringCase(List<String> values, String value) {
    return values.stream().anyMatch(v -> v != null && v.strip().equalsIgnoreCase(value));
  }

  /**
   * Records every problem under {@code prefix} ({@code conditions}): too many entries ({@code
   * conditions.tags}), a null, blank or too long entry ({@code conditions.categories[2]}).
   */
  public void check(String prefix, FieldErrors errors) {
    checkList(prefix + ".priorities", priorities, errors, p -> null);
    checkList(
        prefix + ".categories",
        categories,
        errors,
        c ->
            Texts.isBlank(c)
                ? "must not be blank"
                : Texts.length(c.strip()) > Category.MAX_LENGTH
                    ? "must be at most " + Category.MAX_LENGTH + " characters"
                    : null);
    checkList(
        prefix + ".tags",
        tags,
        errors,
        t ->
            Texts.isBlank(t)
                ? "must not be blank"
                : Texts.length(t.strip()) > Tags.MAX_LENGTH
                    ? "must be at most " + Tags.MAX_LENGTH + " characters"
                    : null);
    checkList(prefix + ".requesterIds", requesterIds, errors, id -> null);
  }

  private static <T> void checkList(
      String field, List<T> values, FieldErrors errors, Function<T, String> problem) {
    if (values.size() > MAX_ENTRIES) {
      errors.add(field, "at most " + MAX_ENTRIES + " entries are allowed");
      return;
    }
    for (int i = 0; i < values.size(); i++) {
      T value = values.get(i);
      String message = value == null ? "must not be null" : problem.apply(value);
      if (message != null) {
        errors.add(field + "[" + i + "]", message);
      }
    }
  }

  /** The stored form: categories trimmed, tags trimmed and in lower case, duplicates dropped. */
  public PolicyConditions normalized() {
    return new PolicyConditions(
        distinct(priorities),
        distinct(categories.stream().map(String::strip).toList()),
        distinct(tags.stream().map(t -> t.strip().toLowerCase(Locale.ROOT)).toList()),
        distinct(requesterIds));
  }

  private static <T> List<T> distinct(List<T> values) {
    return List.copyOf(new LinkedHashSet<>(values));
  }
}
