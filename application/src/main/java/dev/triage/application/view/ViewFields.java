package dev.triage.application.view;

import dev.triage.application.bus.RequestContext;
import dev.triage.application.port.SavedViews;
import dev.triage.application.ticket.list.ListTickets;
import dev.triage.application.ticket.list.ListTicketsHandler;
import dev.triage.domain.shared.ErrorCode;
import dev.triage.domain.shared.Result;
import dev.triage.domain.shared.Texts;
import dev.triage.domain.shared.Uuids;
import dev.triage.domain.ticket.FieldDefinition;
import dev.triage.domain.user.Actor;
import dev.triage.domain.user.Scope;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

/**
 * Reads a view's fields as a client wrote them, naming each refused one as the body spells it
 * ({@code name}, {@code sort}, {@code filters.<parameter>}); says who may see and change a view.
 */
final class ViewFields {

  /** Longest name of a view. */
  static final int MAX_NAME_LENGTH = 80;

  /** Most values one filter may have (a status repeated, tags). */
  static final int MAX_VALUES = 50;

  static final String NOT_FOUND = "No such view.";

  private ViewFields() {}

  static String nameTaken(String name, boolean shared) {
    return (shared ? "A shared view" : "One of your views")
        + " is named "
        + name
        + " already (names are compared ignoring case).";
  }

  /** The name trimmed: 1 to 80 characters. */
  static Optional<String> name(String raw, Map<String, List<String>> errors) {
    if (raw == null) {
      add(errors, "name", "is required");
      return Optional.empty();
    }
    if (Texts.isBlank(raw)) {
      add(errors, "name", "must not be blank");
      return Optional.empty();
    }
    String trimmed = raw.strip();
    if (Texts.length(trimmed) > MAX_NAME_LENGTH) {
      add(errors, "name", "must be at most " + MAX_NAME_LENGTH + " characters");
      return Optional.empty();
    }
    return Optional.of(trimmed);
  }

  /**
   * The filters of the body ({@code null} for none): each parameter a string or an array of
   * strings, checked with {@code sort} by the ticket list's own reading of its parameters as {@code
   * actor} would send them, so a saved view reads later as the list reads it now. Values are kept
   * as given, in name order.
   */
  static Optional<Map<String, List<String>>> filters(
      Object raw,
      String sort,
      Actor actor,
      ListTicketsHandler list,
      Map<String, FieldDefinition> catalogue,
      Map<String, List<String>> errors) {
    Map<String, List<String>> filters = new TreeMap<>();
    if (raw != null && !(raw instanceof Map<?, ?>)) {
      add(errors, "filters", "must be an object of the list's query parameters");
      return Optional.empty();
    }
    Map<?, ?> given = raw == null ? Map.of() : (Map<?, ?>) raw;
    boolean readable = true;
    for (Map.Entry<?, ?> e : given.entrySet()) {
      String name = String.valueOf(e.getKey());
      Optional<List<String>> values = values(e.getValue());
      if (values.isEmpty()) {
        add(errors, "filters." + name, "must be a string or an array of 1 to 50 strings");
        readable = false;
      } else {
        filters.put(name, values.get());
      }
    }
    if (!readable) {
      return Optional.empty();
    }
    Result<ListTickets> query = ListTickets.fromParameters(filters, sort, null, null);
    if (query instanceof Result.Err<ListTickets> err) {
      err.fieldErrors().forEach((k, v) -> errors.put("filters." + k, v));
      return Optional.empty();
    }
    if (list.plan(query.orElseThrow(), catalogue, actor) instanceof Result.Err<?> err) {
      err.fieldErrors().forEach((k, v) -> errors.put(k.equals("sort") ? k : "filters." + k, v));
      if (err.fieldErrors().isEmpty()) {
        add(errors, "filters", err.message());
      }
      return Optional.empty();
    }
    return Optional.of(filters);
  }

  private static Optional<List<String>> values(Object raw) {
    if (raw instanceof String s) {
      return Optional.of(List.of(s));
    }
    if (raw instanceof List<?> list && !list.isEmpty() && list.size() <= MAX_VALUES) {
      List<String> out = new ArrayList<>();
      for (Object o : list) {
        if (!(o instanceof String s)) {
          return Optional.empty();
        }
        out.add(s);
      }
      return Optional.of(out);
    }
    return Optional.empty();
  }

  /** The sort: empty text or null for the list's default. */
  static Optional<String> sort(String raw) {
    return raw == null || raw.isBlank() ? Optional.empty() : Optional.of(raw.strip());
  }

  /** Whether {@code actor} may see {@code view}: their own, or a shared one for staff. */
  static boolean visible(SavedViews.Stored view, Actor actor) {
    return view.owner().map(o -> o.equals(actor.id())).orElse(actor.isStaff());
  }

  /**
   * Whether the caller keeps shared views: an admin, signed in or by a token with the admin scope
   * (a token of an admin with the ticket scopes only does not).
   */
  static boolean keepsShared(RequestContext context) {
    return context.caller().map(c -> c.actor().isAdmin() && c.has(Scope.ADMIN)).orElse(false);
  }

  /**
   * Whether the caller may change the visible {@code view}: its owner, or for a shared one an admin
   * (see {@link #keepsShared}); empty when so, else the refusal.
   */
  static <T> Optional<Result<T>> refusedChange(SavedViews.Stored view, RequestContext context) {
    if (view.shared() && !keepsShared(context)) {
      return Optional.of(Result.err(ErrorCode.FORBIDDEN, "Only admins change shared views."));
    }
    return Optional.empty();
  }

  /** The view of the id a caller gave, if the caller may see it; else not found. */
  static Uni<Result<SavedViews.Stored>> find(
      String id, Actor actor, Function<UUID, Uni<Optional<SavedViews.Stored>>> read) {
    Optional<UUID> parsed = id == null ? Optional.empty() : Uuids.parse(id.strip());
    if (parsed.isEmpty()) {
      return Uni.createFrom().item(Result.err(ErrorCode.NOT_FOUND, NOT_FOUND));
    }
    return read.apply(parsed.get())
        .map(
            found ->
                found
                    .filter(v -> visible(v, actor))
                    .map(Result::ok)
                    .orElseGet(() -> Result.err(ErrorCode.NOT_FOUND, NOT_FOUND)));
  }

  /** The list query of {@code view}, a page of {@code limit} after {@code position}. */
  static Result<ListTickets> query(SavedViews.Stored view, String limit, String position) {
    return ListTickets.fromParameters(view.filters(), view.sort().orElse(null), limit, position);
  }

  static void add(Map<String, List<String>> errors, String field, String message) {
    errors.computeIfAbsent(field, k -> new ArrayList<>()).add(message);
  }

  static <T> Result<T> rejection(Map<String, List<String>> errors) {
    return Result.invalid(new LinkedHashMap<>(errors));
  }
}
