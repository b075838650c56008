package dev.triage.application.category;

import dev.triage.application.port.Categories;
import dev.triage.application.port.Groups;
import dev.triage.domain.shared.ErrorCode;
import dev.triage.domain.shared.FieldErrors;
import dev.triage.domain.shared.Result;
import dev.triage.domain.shared.Texts;
import dev.triage.domain.shared.Uuids;
import dev.triage.domain.ticket.Category;
import dev.triage.domain.ticket.Priority;
import io.smallrye.mutiny.Uni;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads a category's fields as a client wrote them, naming each refused one as the body spells it
 * ({@code name}, {@code defaultGroupId}, {@code defaultPriority}); finds an entry by the id a
 * caller gave.
 */
final class CategoryFields {

  static final String NOT_FOUND = "No such category.";

  private CategoryFields() {}

  /** The refusal of a name another entry has. */
  static String nameTaken(String name) {
    return "A category named " + name + " exists already (names are compared ignoring case).";
  }

  /** The name trimmed, checked as {@link Category} checks a ticket's category. */
  static Optional<String> name(String raw, FieldErrors errors) {
    if (raw == null) {
      errors.add("name", "is required");
      return Optional.empty();
    }
    if (Texts.isBlank(raw)) {
      errors.add("name", "must not be blank");
      return Optional.empty();
    }
    String trimmed = raw.strip();
    if (Texts.length(trimmed) > Category.MAX_LENGTH) {
      errors.add("name", "must be at most " + Category.MAX_LENGTH + " characters");
      return Optional.empty();
    }
    return Optional.of(trimmed);
  }

  /**
   * A group id: empty text for none; refused (and noted) unless a UUID. Empty when the field is
   * left out ({@code null}).
   */
  static Optional<Optional<UUID>> groupId(String raw, FieldErrors errors) {
    if (raw == null) {
      return Optional.empty();
    }
    if (raw.isEmpty()) {
      return Optional.of(Optional.empty());
    }
    Optional<UUID> id = Uuids.parse(raw.strip());
    if (id.isEmpty()) {
      errors.add("defaultGroupId", "must be a group's id (a UUID), or empty for none");
      return Optional.empty();
    }
    return Optional.of(id);
  }

  /**
   * A priority by its name: empty text for none; refused (and noted) unless one of the priorities.
   * Empty when the field is left out ({@code null}).
   */
  static Optional<Optional<Priority>> priority(String raw, FieldErrors errors) {
    if (raw == null) {
      return Optional.empty();
    }
    if (raw.isEmpty()) {
      return Optional.of(Optional.empty());
    }
    for (Priority p : Priority.values()) {
      if (p.name().equals(raw)) {
        return Optional.of(Optional.of(p));
      }
    }
    errors.add(
        "defaultPriority",
        "must be one of " + Arrays.toString(Priority.values()) + ", or empty for none");
    return Optional.empty();
  }

  /**
   * {@code ok} when the default group named exists (or none is named), else a refusal naming {@code
   * defaultGroupId}; without {@code groups}, every group named is unknown.
   */
  static <T> Uni<Result<T>> withGroup(
      Optional<UUID> group, Groups groups, java.util.function.Supplier<Uni<Result<T>>> ok) {
    if (group.isEmpty()) {
      return ok.get();
    }
    Uni<Boolean> exists =
        groups == null ? Uni.createFrom().item(false) : groups.exists(group.get());
    return exists.flatMap(
        found ->
            found
                ? ok.get()
                : Uni.createFrom().item(Result.<T>invalid("defaultGroupId", "no such group")));
  }

  /** The entry of the id a caller gave; "not found" covers an id that is no UUID. */
  static Uni<Result<Categories.Stored>> find(
      String id, java.util.function.Function<UUID, Uni<Optional<Categories.Stored>>> read) {
    Optional<UUID> parsed = id == null ? Optional.empty() : Uuids.parse(id.strip());
    if (parsed.isEmpty()) {
      return Uni.createFrom().item(Result.err(ErrorCode.NOT_FOUND, NOT_FOUND));
    }
    return read.apply(parsed.get())
        .map(
            found ->
                found.map(Result::ok).orElseGet(() -> Result.err(ErrorCode.NOT_FOUND, NOT_FOUND)));
  }
}
