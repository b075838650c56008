package dev.triage.application.canned;

import dev.triage.application.bus.RequestContext;
import dev.triage.application.port.CannedResponses;
import dev.triage.application.port.TextTemplates;
import dev.triage.domain.shared.ErrorCode;
import dev.triage.domain.shared.Result;
import dev.triage.domain.shared.Texts;
import dev.triage.domain.shared.Uuids;
import dev.triage.domain.user.Actor;
import dev.triage.domain.user.Scope;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Reads a canned response's fields as a client wrote them, naming each refused one ({@code title},
 * {@code body}); says who may see and change a response.
 */
final class CannedFields {

  static final int MAX_TITLE_LENGTH = 120;
  static final int MAX_BODY_LENGTH = 20_000;
  static final String NOT_FOUND = "No such canned response.";

  private CannedFields() {}

  static Optional<String> title(String raw, Map<String, List<String>> errors) {
    if (raw == null || Texts.isBlank(raw)) {
      add(errors, "title", raw == null ? "is required" : "must not be blank");
      return Optional.empty();
    }
    String trimmed = raw.strip();
    if (Texts.length(trimmed) > MAX_TITLE_LENGTH) {
      add(errors, "title", "must be at most " + MAX_TITLE_LENGTH + " characters");
      return Optional.empty();
    }
    return Optional.of(trimmed);
  }

  /** The body: 1 to 20,000 characters, parsed by the engine, naming known placeholders only. */
  static Optional<String> body(
      TextTemplates templates, String raw, Map<String, List<String>> errors) {
    if (raw == null || Texts.isBlank(raw)) {
      add(errors, "body", raw == null ? "is required" : "must not be blank");
      return Optional.empty();
    }
    if (Texts.length(raw) > MAX_BODY_LENGTH) {
      add(errors, "body", "must be at most " + MAX_BODY_LENGTH + " characters");
      return Optional.empty();
    }
    return switch (Placeholders.check(templates, raw, "body")) {
      case Result.Ok<String> ok -> Optional.of(ok.value());
      case Result.Err<String> err -> {
        err.fieldErrors()
            .forEach((k, v) -> errors.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
        yield Optional.empty();
      }
    };
  }

  /** Whether {@code actor} may see {@code response}: their own, or a shared one for staff. */
  static boolean visible(CannedResponses.Stored response, Actor actor) {
    return response.owner().map(o -> o.equals(actor.id())).orElse(actor.isStaff());
  }

  /**
   * Whether the caller keeps shared responses: an admin, signed in or by a token with the admin
   * scope.
   */
  static boolean keepsShared(RequestContext context) {
    return context.caller().map(c -> c.actor().isAdmin() && c.has(Scope.ADMIN)).orElse(false);
  }

  /** The refusal of a change of {@code response} by the caller, if refused. */
  static <T> Optional<Result<T>> refusedChange(
      CannedResponses.Stored response, RequestContext context) {
    if (response.shared() && !keepsShared(context)) {
      return Optional.of(
          Result.err(ErrorCode.FORBIDDEN, "Only admins change shared canned responses."));
    }
    return Optional.empty();
  }

  /** The response of the id a caller gave, if the caller may see it; else not found. */
  static Uni<Result<CannedResponses.Stored>> find(
      String id, Actor actor, Function<UUID, Uni<Optional<CannedResponses.Stored>>> read) {
    Optional<UUID> parsed = id == null ? Optional.empty() : Uuids.parse(id.strip());
    if (parsed.isEmpty()) {
      return Uni.createFrom().item(Result.err(ErrorCode.NOT_FOUND, NOT_FOUND));
    }
    return read.apply(parsed.get())
        .map(
            found ->
                found
                    .filter(r -> visible(r, actor))
                    .map(Result::ok)
                    .orElseGet(() -> Result.err(ErrorCode.NOT_FOUND, NOT_FOUND)));
  }

  static void add(Map<String, List<String>> errors, String field, String message) {
    errors.computeIfAbsent(field, k -> new ArrayList<>()).add(message);
  }

  static <T> Result<T> rejection(Map<String, List<String>> errors) {
    return Result.invalid(new LinkedHashMap<>(errors));
  }
}
