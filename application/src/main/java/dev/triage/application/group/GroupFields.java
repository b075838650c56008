package dev.triage.application.group;

import dev.triage.application.port.Accounts;
import dev.triage.application.port.Groups;
import dev.triage.domain.shared.ErrorCode;
import dev.triage.domain.shared.FieldErrors;
import dev.triage.domain.shared.Result;
import dev.triage.domain.shared.Texts;
import dev.triage.domain.shared.Uuids;
import dev.triage.domain.user.Account;
import dev.triage.domain.user.UserId;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Reads a group's fields as a client wrote them, naming each refused one as the body spells it
 * ({@code name}, {@code memberIds}); finds a group by the id a caller gave.
 */
final class GroupFields {

  static final String NOT_FOUND = "No such group.";

  private GroupFields() {}

  static String nameTaken(String name) {
    return "A group named " + name + " exists already (names are compared ignoring case).";
  }

  /** The name trimmed: 1 to {@value CreateGroup#MAX_NAME_LENGTH} characters. */
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
    if (Texts.length(trimmed) > CreateGroup.MAX_NAME_LENGTH) {
      errors.add("name", "must be at most " + CreateGroup.MAX_NAME_LENGTH + " characters");
      return Optional.empty();
    }
    return Optional.of(trimmed);
  }

  /** The member ids, each a UUID, repeated ones once, in the order of their text. */
  static Optional<List<UUID>> memberIds(List<String> raw, FieldErrors errors) {
    if (raw == null) {
      return Optional.empty();
    }
    Set<UUID> ids = new LinkedHashSet<>();
    for (String id : raw) {
      Optional<UUID> parsed = id == null ? Optional.empty() : Uuids.parse(id.strip());
      if (parsed.isEmpty()) {
        errors.add("memberIds", "each member must be a user id (UUID); " + id + " is not");
        return Optional.empty();
      }
      ids.add(parsed.get());
    }
    return Optional.of(
        ids.stream().sorted(java.util.Comparator.comparing(UUID::toString)).toList());
  }

  /**
   * The members, when each is an existing, active agent or admin; otherwise a refusal naming {@code
   * memberIds} and every member that is not.
   */
  static Uni<Result<List<UUID>>> checkMembers(Accounts accounts, List<UUID> ids) {
    if (ids.isEmpty()) {
      return Uni.createFrom().item(Result.ok(List.of()));
    }
    return Multi.createFrom()
        .iterable(ids)
        .onItem()
        .transformToUniAndConcatenate(id -> accounts.byId(new UserId(id)).map(a -> problem(id, a)))
        .collect()
        .asList()
        .map(
            problems -> {
              List<String> found = new ArrayList<>();
              problems.forEach(p -> p.ifPresent(found::add));
              if (found.isEmpty()) {
                return Result.ok(ids);
              }
              return Result.<List<UUID>>invalid("memberIds", String.join("; ", found));
            });
  }

  private static Optional<String> problem(UUID id, Optional<Account> account) {
    if (account.isEmpty()) {
      return Optional.of(id + " is no user");
    }
    if (!account.get().role().isStaff()) {
      return Optional.of(id + " is a customer; members must be agents or admins");
    }
    if (!account.get().active()) {
      return Optional.of(id + " is deactivated; members must be active");
    }
    return Optional.empty();
  }

  /** The group of the id a caller gave; "not found" covers an id that is no UUID. */
  static Uni<Result<Groups.Stored>> find(
      String id, Function<UUID, Uni<Optional<Groups.Stored>>> read) {
    Optional<UUID> parsed = id == null ? Optional.empty() : Uuids.parse(id.strip());
    if (parsed.isEmpty()) {
      return Uni.createFrom().item(Result.err(ErrorCode.NOT_FOUND, NOT_FOUND));
    }
    return read.apply(parsed.get())
        .map(
            found ->
                found.map(Result::ok).orElseGet(() -> Result.err(ErrorCode.NOT_FOUND, NOT_FOUND)));
  }

  /** VERSION_MISMATCH unless the group is at the version the caller expects (when given). */
  static Result<Groups.Stored> atVersion(Groups.Stored group, Optional<Long> ifMatch) {
    if (ifMatch.isPresent() && ifMatch.get() != group.version()) {
      return Result.err(
          ErrorCode.VERSION_MISMATCH,
          "Group "
              + group.name()
              + " is at version "
              + group.version()
              + ", not "
              + ifMatch.get()
              + "; reload it and try again.");
    }
    return Result.ok(group);
  }
}
