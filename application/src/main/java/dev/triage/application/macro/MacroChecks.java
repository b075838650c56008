package dev.triage.application.macro;

import dev.triage.application.bus.RequestContext;
import dev.triage.application.canned.Placeholders;
import dev.triage.application.port.CategoryCatalogue;
import dev.triage.application.port.Macros;
import dev.triage.application.port.TextTemplates;
import dev.triage.application.port.TicketFieldCatalogue;
import dev.triage.application.ticket.TicketCategories;
import dev.triage.application.ticket.TicketGroups;
import dev.triage.domain.shared.ErrorCode;
import dev.triage.domain.shared.Result;
import dev.triage.domain.shared.Texts;
import dev.triage.domain.shared.Uuids;
import dev.triage.domain.ticket.Comment;
import dev.triage.domain.ticket.FieldValues;
import dev.triage.domain.ticket.Priority;
import dev.triage.domain.ticket.Status;
import dev.triage.domain.ticket.Tags;
import dev.triage.domain.user.Actor;
import dev.triage.domain.user.Scope;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;

/**
 * Reads a macro's title and actions as a client wrote them, naming each refused one ({@code title},
 * {@code actions}, {@code actions[i].type}, {@code actions[i].value}); says who may see and change
 * a macro. The references an action makes (a group, a category, custom fields) are checked when it
 * is saved and again when it is applied, since they may be retired in between.
 */
public final class MacroChecks {

  static final int MAX_TITLE_LENGTH = 120;
  static final String NOT_FOUND = "No such macro.";

  private final TextTemplates templates;
  private final TicketGroups groups;
  private final CategoryCatalogue categories;
  private final TicketFieldCatalogue fields;

  public MacroChecks(
      TextTemplates templates,
      TicketGroups groups,
      CategoryCatalogue categories,
      TicketFieldCatalogue fields) {
    this.templates = templates;
    this.groups = groups;
    this.categories = categories;
    this.fields = fields;
  }

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

  /**
   * The actions as they are stored (names upper case, tags normalized, a category as the catalogue
   * spells it), or every refusal; {@code errors} already holds the title's.
   */
  Uni<Result<List<MacroAction>>> actions(
      List<MacroAction> raw, Actor actor, Map<String, List<String>> errors) {
    if (raw == null || raw.isEmpty()) {
      add(errors, "actions", raw == null ? "is required" : "must name at least one action");
      return Uni.createFrom().item(rejection(errors));
    }
    if (raw.size() > MacroAction.TYPES.size()) {
      add(errors, "actions", "at most " + MacroAction.TYPES.size() + " (each type once)");
      return Uni.createFrom().item(rejection(errors));
    }
    List<MacroAction> out = new ArrayList<>();
    Map<String, Integer> at = new LinkedHashMap<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < raw.size(); i++) {
      int index = i;
      String name = "actions[" + i + "]";
      MacroAction a = raw.get(i);
      if (a == null) {
        add(errors, name, "is required");
        continue;
      }
      if (a.type() == null || !MacroAction.TYPES.contains(a.type())) {
        add(
            errors,
            name + ".type",
            "must be one of " + String.join(", ", new TreeSet<>(MacroAction.TYPES)));
        continue;
      }
      if (!seen.add(a.type())) {
        add(errors, name + ".type", "a macro has each type of action at most once");
        continue;
      }
      value(a, name + ".value", errors)
          .ifPresent(
              v -> {
                out.add(new MacroAction(a.type(), v == NONE ? null : v));
                at.put(a.type(), index);
              });
    }
    if (seen.contains(MacroAction.REPLY) && seen.contains(MacroAction.NOTE)) {
      add(errors, "actions", "a macro writes at most one comment: a reply or a note");
    }
    return references(out, at, actor, errors)
        .map(checked -> errors.isEmpty() ? Result.ok(checked) : rejection(errors));
  }

  /** The stored value of one action, or empty after recording why not. */
  private Optional<Object> value(MacroAction a, String name, Map<String, List<String>> errors) {
    Object v = a.value();
    switch (a.type()) {
      case MacroAction.STATUS -> {
        return text(v, name, errors)
            .flatMap(t -> take(Status.parse(t), name, errors))
            .map(Enum::name);
      }
      case MacroAction.PRIORITY -> {
        return text(v, name, errors)
            .flatMap(t -> take(Priority.parse(t), name, errors))
            .map(Enum::name);
      }
      case MacroAction.ASSIGNEE -> {
        if (v == null) {
          return Optional.of(NONE);
        }
        return text(v, name, errors)
            .flatMap(
                t ->
                    t.strip().equalsIgnoreCase(MacroAction.ME)
                        ? Optional.of(MacroAction.ME)
                        : uuid(t, name, "a user's id, \"me\", or null to unassign", errors));
      }
      case MacroAction.GROUP -> {
        return v == null
            ? Optional.of(NONE)
            : text(v, name, errors)
                .flatMap(t -> uuid(t, name, "a group's id, or null for none", errors));
      }
      case MacroAction.CATEGORY -> {
        return v == null || (v instanceof String s && s.isEmpty())
            ? Optional.of(NONE)
            : text(v, name, errors).map(t -> (Object) t);
      }
      case MacroAction.ADD_TAGS, MacroAction.REMOVE_TAGS -> {
        if (!(v instanceof List<?> list)
            || list.isEmpty()
            || !list.stream().allMatch(String.class::isInstance)) {
          add(errors, name, "must be a non-empty list of tags");
          return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<String> tags = (List<String>) list;
        return take(Tags.of(tags), name, errors).map(t -> (Object) t.values());
      }
      case MacroAction.FIELD -> {
        if (!(v instanceof Map<?, ?> map) || map.isEmpty()) {
          add(errors, name, "must be an object of custom field values by key");
          return Optional.empty();
        }
        return Optional.of(new LinkedHashMap<>(map));
      }
      case MacroAction.REPLY, MacroAction.NOTE -> {
        Optional<String> body = text(v, name, errors);
        if (body.isEmpty()) {
          return Optional.empty();
        }
        if (Texts.length(body.get()) > Comment.MAX_LENGTH) {
          add(errors, name, "must be at most " + Comment.MAX_LENGTH + " characters");
          return Optional.empty();
        }
        return take(Placeholders.check(templates, body.get(), name), name, errors)
            .map(t -> (Object) t);
      }
      default -> throw new IllegalStateException(a.type());
    }
  }

  /** The group, category and custom fields the actions name exist (and are active). */
  private Uni<List<MacroAction>> references(
      List<MacroAction> actions,
      Map<String, Integer> at,
      Actor actor,
      Map<String, List<String>> errors) {
    return resolve(actions, actor)
        .map(
            resolved -> {
              List<MacroAction> out = new ArrayList<>();
              for (MacroAction a : actions) {
                Result<Object> r = resolved.getOrDefault(a.type(), Result.ok(a.value()));
                switch (r) {
                  case Result.Ok<Object> ok -> out.add(new MacroAction(a.type(), ok.value()));
                  case Result.Err<Object> err -> {
                    String name = "actions[" + at.get(a.type()) + "].value";
                    if (err.fieldErrors().isEmpty()) {
                      add(errors, name, err.message());
                    }
                    err.fieldErrors().forEach((k, v) -> v.forEach(m -> add(errors, name, m)));
                  }
                }
              }
              return out;
            });
  }

  /**
   * The checked value of each group, category and field action by type: a group that exists, an
   * active category as the catalogue spells it, field values the actor may set. Others are not in
   * the map.
   */
  Uni<Map<String, Result<Object>>> resolve(List<MacroAction> actions, Actor actor) {
    Map<String, Object> by = new LinkedHashMap<>();
    actions.forEach(a -> by.put(a.type(), a.value()));
    Uni<Result<Object>> group =
        by.containsKey(MacroAction.GROUP) && by.get(MacroAction.GROUP) instanceof String g
            ? groups.existing(g, MacroAction.GROUP).map(r -> r.map(x -> (Object) g))
            : Uni.createFrom().nullItem();
    Uni<Result<Object>> category =
        by.containsKey(MacroAction.CATEGORY) && by.get(MacroAction.CATEGORY) instanceof String c
            ? TicketCategories.entry(categories, c)
                .map(e -> TicketCategories.catalogued(c, e).map(x -> (Object) x.value()))
            : Uni.createFrom().nullItem();
    Uni<Result<Object>> field =
        by.get(MacroAction.FIELD) instanceof Map<?, ?> values
            ? fields
                .definitions()
                .map(
                    catalogue ->
                        FieldValues.accept(actor, catalogue, stringKeys(values), false)
                            .map(x -> (Object) values))
            : Uni.createFrom().nullItem();
    return group.flatMap(
        g ->
            category.flatMap(
                c ->
                    field.map(
                        f -> {
                          Map<String, Result<Object>> out = new LinkedHashMap<>();
                          if (g != null) {
                            out.put(MacroAction.GROUP, g);
                          }
                          if (c != null) {
                            out.put(MacroAction.CATEGORY, c);
                          }
                          if (f != null) {
                            out.put(MacroAction.FIELD, f);
                          }
                          return out;
                        })));
  }

  static Map<String, Object> stringKeys(Map<?, ?> values) {
    Map<String, Object> out = new LinkedHashMap<>();
    values.forEach((k, v) -> out.put(String.valueOf(k), v));
    return out;
  }

  /** Stands for a null value ("no group", "no category", "unassign") while values are read. */
  private static final Object NONE = new Object();

  private static Optional<String> text(Object v, String name, Map<String, List<String>> errors) {
    if (!(v instanceof String s) || Texts.isBlank(s)) {
      add(errors, name, v == null ? "is required" : "must be a non-blank text");
      return Optional.empty();
    }
    return Optional.of(s);
  }

  private static Optional<Object> uuid(
      String text, String name, String expected, Map<String, List<String>> errors) {
    Optional<UUID> id = Uuids.parse(text.strip());
    if (id.isEmpty()) {
      add(errors, name, "must be " + expected);
      return Optional.empty();
    }
    return Optional.of(id.get().toString());
  }

  private static <T> Optional<T> take(
      Result<T> result, String name, Map<String, List<String>> errors) {
    return switch (result) {
      case Result.Ok<T> ok -> Optional.of(ok.value());
      case Result.Err<T> err -> {
        if (err.fieldErrors().isEmpty()) {
          add(errors, name, err.message());
        }
        err.fieldErrors().values().forEach(ms -> ms.forEach(m -> add(errors, name, m)));
        yield Optional.empty();
      }
    };
  }

  /** Whether {@code actor} may see {@code macro}: their own, or a shared one for staff. */
  static boolean visible(Macros.Stored macro, Actor actor) {
    return macro.owner().map(o -> o.equals(actor.id())).orElse(actor.isStaff());
  }

  /** Whether the caller keeps shared macros: an admin, signed in or by an admin-scoped token. */
  static boolean keepsShared(RequestContext context) {
    return context.caller().map(c -> c.actor().isAdmin() && c.has(Scope.ADMIN)).orElse(false);
  }

  /** The refusal of a change of {@code macro} by the caller, if refused. */
  static <T> Optional<Result<T>> refusedChange(Macros.Stored macro, RequestContext context) {
    if (macro.shared() && !keepsShared(context)) {
      return Optional.of(Result.err(ErrorCode.FORBIDDEN, "Only admins change shared macros."));
    }
    return Optional.empty();
  }

  /** The macro of the id a caller gave, if the caller may see it; else not found. */
  static Uni<Result<Macros.Stored>> find(
      String id, Actor actor, Function<UUID, Uni<Optional<Macros.Stored>>> read) {
    Optional<UUID> parsed = id == null ? Optional.empty() : Uuids.parse(id.strip());
    if (parsed.isEmpty()) {
      return Uni.createFrom().item(Result.err(ErrorCode.NOT_FOUND, NOT_FOUND));
    }
    return read.apply(parsed.get())
        .map(
            found ->
                found
                    .filter(m -> visible(m, actor))
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
