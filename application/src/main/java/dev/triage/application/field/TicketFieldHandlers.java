package dev.triage.application.field;

import dev.triage.application.Results;
import dev.triage.application.bus.Handler;
import dev.triage.application.port.TicketFields;
import dev.triage.domain.shared.ErrorCode;
import dev.triage.domain.shared.FieldErrors;
import dev.triage.domain.shared.Result;
import dev.triage.domain.shared.Uuids;
import dev.triage.domain.ticket.FieldDefinition;
import dev.triage.domain.user.Actor;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.random.RandomGenerator;

/** The handlers of the custom field catalogue. */
public final class TicketFieldHandlers {

  static final String NOT_FOUND = "No such ticket field.";

  private TicketFieldHandlers() {}

  /** Checks the definition (each refusal names its part), then adds it at version 1. */
  public static Handler<CreateTicketField, TicketFieldView> create(
      TicketFields fields, Clock clock, RandomGenerator random) {
    return (c, context) -> {
      Instant now = clock.instant();
      Result<FieldDefinition> definition =
          FieldDefinition.of(
              c.key(),
              c.label(),
              c.type(),
              c.options(),
              Boolean.TRUE.equals(c.requiredForCustomers()),
              Boolean.TRUE.equals(c.requiredForStaff()),
              c.visibleToCustomers() == null || c.visibleToCustomers(),
              Boolean.TRUE.equals(c.editableByCustomers()),
              c.position() == null ? 0 : c.position(),
              true);
      return Results.then(
          definition.map(d -> new TicketFields.Stored(Uuids.v7(now, random), d, 1, now)),
          stored ->
              fields
                  .add(stored)
                  .map(
                      added -> {
                        if (!added) {
                          return Result.<TicketFieldView>err(
                              ErrorCode.CONFLICT,
                              "A ticket field with key "
                                  + stored.definition().key()
                                  + " exists already (keys are never reused).");
                        }
                        TicketFieldView view = TicketFieldView.of(stored);
                        context
                            .effects()
                            .changed(TicketFieldView.ENTITY, stored.id().toString(), null, view);
                        return Result.ok(view);
                      }));
    };
  }

  /**
   * Locks the field at the version the caller expects and writes the parts given; the key and type
   * stay. Parts that come out as they were write nothing and answer the current version.
   */
  public static Handler<ChangeTicketField, TicketFieldView> change(
      TicketFields fields, Clock clock) {
    return (c, context) ->
        Results.then(
            find(c.fieldId(), fields::lock),
            before -> {
              if (c.ifMatch().isPresent() && c.ifMatch().get() != before.version()) {
                return Uni.createFrom()
                    .item(
                        Result.<TicketFieldView>err(
                            ErrorCode.VERSION_MISMATCH,
                            "Ticket field "
                                + before.definition().key()
                                + " is at version "
                                + before.version()
                                + ", not "
                                + c.ifMatch().get()
                                + "; reload it and try again."));
              }
              FieldDefinition d = before.definition();
              FieldErrors errors = new FieldErrors();
              String label =
                  c.label() == null ? d.label() : FieldDefinition.label(c.label(), errors);
              List<String> options =
                  c.options() == null
                      ? d.options()
                      : FieldDefinition.options(d.type(), c.options(), errors);
              if (!errors.isEmpty()) {
                return Uni.createFrom().item(errors.toResult(() -> null));
              }
              FieldDefinition next =
                  new FieldDefinition(
                      d.key(),
                      label,
                      d.type(),
                      options,
                      or(c.requiredForCustomers(), d.requiredForCustomers()),
                      or(c.requiredForStaff(), d.requiredForStaff()),
                      or(c.visibleToCustomers(), d.visibleToCustomers()),
                      or(c.editableByCustomers(), d.editableByCustomers()),
                      c.position() == null ? d.position() : c.position(),
                      or(c.active(), d.active()));
              TicketFieldView was = TicketFieldView.of(before);
              String id = before.id().toString();
              if (next.equals(d)) {
                context.effects().changed(TicketFieldView.ENTITY, id, was, was);
                return Uni.createFrom().item(Result.ok(was));
              }
              TicketFields.Stored stored =
                  new TicketFields.Stored(before.id(), next, before.version() + 1, clock.instant());
              return fields
                  .change(stored)
                  .map(
                      v -> {
                        TicketFieldView view = TicketFieldView.of(stored);
                        context.effects().changed(TicketFieldView.ENTITY, id, was, view);
                        return Result.ok(view);
                      });
            });
  }

  /** One field; a retired or staff-only one is not found for a caller who is not staff. */
  public static Handler<FindTicketField, TicketFieldView> find(TicketFields fields) {
    return (q, context) ->
        find(q.fieldId(), fields::find)
            .map(
                found ->
                    found.flatMap(
                        f ->
                            offered(f, context.actor())
                                ? Result.ok(TicketFieldView.of(f))
                                : Result.err(ErrorCode.NOT_FOUND, NOT_FOUND)));
  }

  /** The catalogue by position: what the caller may see, retired fields too when asked. */
  public static Handler<ListTicketFields, List<TicketFieldView>> list(TicketFields fields) {
    return (q, context) ->
        fields
            .list(q.all() && context.actor().isStaff())
            .map(
                all ->
                    Result.ok(
                        all.stream()
                            .filter(f -> offered(f, context.actor()))
                            .map(TicketFieldView::of)
                            .toList()));
  }

  /** Staff see every field; customers the active ones visible to customers. */
  private static boolean offered(TicketFields.Stored f, Actor actor) {
    return actor.isStaff() || (f.definition().active() && f.definition().visibleToCustomers());
  }

  private static boolean or(Boolean given, boolean current) {
    return given == null ? current : given;
  }

  private static Uni<Result<TicketFields.Stored>> find(
      String id, java.util.function.Function<UUID, Uni<Optional<TicketFields.Stored>>> read) {
    Optional<UUID> parsed = id == null ? Optional.empty() : Uuids.parse(id.strip());
    if (parsed.isEmpty()) {
      return Uni.createFrom().item(Result.err(ErrorCode.NOT_FOUND, NOT_FOUND));
    }
    return read.apply(parsed.get())
        .map(f -> f.map(Result::ok).orElseGet(() -> Result.err(ErrorCode.NOT_FOUND, NOT_FOUND)));
  }
}
