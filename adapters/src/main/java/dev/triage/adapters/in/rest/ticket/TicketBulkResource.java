package dev.triage.adapters.in.rest.ticket;

import com.fasterxml.jackson.databind.JsonNode;
import dev.triage.adapters.in.rest.Callers;
import dev.triage.adapters.in.rest.Dispatch;
import dev.triage.adapters.in.rest.ProblemDetail;
import dev.triage.adapters.in.rest.Problems;
import dev.triage.application.bus.Command;
import dev.triage.application.bus.IdempotencyDecorator;
import dev.triage.application.ticket.TicketView;
import dev.triage.application.ticket.bulk.BulkOutcome;
import dev.triage.application.ticket.bulk.BulkTicketChanges;
import dev.triage.application.ticket.change.AddTags;
import dev.triage.application.ticket.change.AssignTicket;
import dev.triage.application.ticket.change.ChangeStatus;
import dev.triage.application.ticket.change.EditTicket;
import dev.triage.application.ticket.change.RemoveTag;
import dev.triage.application.ticket.change.UnassignTicket;
import dev.triage.domain.shared.ErrorCode;
import dev.triage.domain.shared.FieldErrors;
import dev.triage.domain.shared.Result;
import dev.triage.domain.shared.Uuids;
import dev.triage.domain.ticket.Priority;
import dev.triage.domain.ticket.Status;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code POST /api/v1/tickets/bulk}: one change for up to 100 tickets, each ticket through the bus
 * as its own command ({@link BulkTicketChanges}); the answer lists each ticket's outcome.
 */
@Path("/api/v1/tickets/bulk")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tickets")
@SecurityRequirement(name = "bearer")
@Authenticated
public class TicketBulkResource {

  /** The change: exactly one of its fields. */
  @Schema(name = "BulkChange")
  public record ChangeBody(
      @Schema(examples = "RESOLVED") String status,
      @Schema(examples = "HIGH") String priority,
      @Schema(description = "A staff member's id; null unassigns") String assigneeId,
      @Schema(description = "A group's id; null takes the tickets out of any group") String groupId,
      @Schema(description = "A category name; empty removes it") String category,
      List<String> addTags,
      List<String> removeTags,
      @Schema(
              description =
                  "Custom field values by key, set on each ticket as the edit sets them (a null"
                      + " value clears one)")
          Map<String, Object> fields) {}

  @Schema(name = "BulkRequest")
  public record BulkRequest(
      @Schema(required = true, description = "1 to 100 ticket ids or numbers")
          List<String> ticketIds,
      @Schema(
              required = true,
              description = "Exactly one change",
              implementation = ChangeBody.class)
          JsonNode change) {}

  /** One ticket's outcome: the HTTP status its own request would have had, and why not 200. */
  @Schema(name = "BulkResult")
  public record ResultBody(String ticketId, int status, ProblemDetail problem) {}

  @Schema(name = "BulkResponse")
  public record BulkResponse(List<ResultBody> results) {}

  private static final Set<String> KINDS =
      Set.of(
          "status",
          "priority",
          "assigneeId",
          "groupId",
          "category",
          "addTags",
          "removeTags",
          "fields");

  private final BulkTicketChanges changes;
  private final Callers callers;

  public TicketBulkResource(BulkTicketChanges changes, Callers callers) {
    this.changes = changes;
    this.callers = callers;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "bulkChangeTickets",
      summary = "Apply one change to up to 100 tickets, each as its own command",
      description =
          "The change is one of status, priority, assigneeId (null unassigns), groupId (null"
              + " takes the tickets out of any group), category, addTags, removeTags, fields (custom"
              + " field values by key). Each ticket is changed by its own command, with its own"
              + " authorization, rules, audit entry and events; the answer lists, per ticket, the"
              + " HTTP status that command had and its problem document. A ticket the caller may"
              + " not see is reported 404. With an Idempotency-Key, a retry answers every stored"
              + " change with its stored answer and repeats none.")
  @APIResponse(
      responseCode = "200",
      description = "Each ticket's outcome, in the order given",
      content =
          @Content(
              schema = @Schema(implementation = BulkResponse.class),
              examples =
                  @ExampleObject(
                      name = "results",
                      value =
                          "{\"results\":[{\"ticketId\":\"TCK-2026-000042\",\"status\":200},"
                              + "{\"ticketId\":\"TCK-2026-000043\",\"status\":409,\"problem\":"
                              + "{\"code\":\"INVALID_TRANSITION\"}}]}")))
  @APIResponse(
      responseCode = "422",
      description =
          "No ticket, more than 100, a repeated one (`ticketIds`), or not exactly one change, or"
              + " a value no ticket could take (`change.status`, `change.priority`, ...)")
  public Uni<Response> bulk(BulkRequest body, @Context HttpServerRequest http) {
    if (body == null) {
      return Dispatch.missingBody(http);
    }
    FieldErrors errors = new FieldErrors();
    List<String> tickets = tickets(body.ticketIds(), errors);
    Function<String, List<Command<TicketView>>> commands = commands(body.change(), errors);
    if (!errors.isEmpty()) {
      return Uni.createFrom()
          .item(Problems.of((Result.Err<?>) errors.toResult(() -> null), http.path()));
    }
    return callers
        .of(http)
        .flatMap(
            context -> {
              // The key scopes every ticket's command: one it cannot take refuses the request.
              if (context
                  .idempotencyKey()
                  .filter(k -> !IdempotencyDecorator.wellFormed(k))
                  .isPresent()) {
                return Uni.createFrom()
                    .item(
                        Problems.of(
                            ErrorCode.MALFORMED_REQUEST,
                            "Idempotency-Key must be 1 to "
                                + IdempotencyDecorator.MAX_KEY_LENGTH
                                + " printable ASCII characters.",
                            http.path()));
              }
              return changes
                  .apply(tickets, commands, context)
                  .map(
                      outcomes ->
                          Response.ok(new BulkResponse(results(outcomes, http.path()))).build());
            });
  }

  private static List<String> tickets(List<String> ids, FieldErrors errors) {
    if (ids == null || ids.isEmpty()) {
      errors.add("ticketIds", "name at least one ticket");
      return List.of();
    }
    if (ids.size() > BulkTicketChanges.MAX_TICKETS) {
      errors.add("ticketIds", "at most " + BulkTicketChanges.MAX_TICKETS + " tickets at once");
      return List.of();
    }
    Set<String> unique = new LinkedHashSet<>();
    for (String id : ids) {
      if (id == null || id.isBlank()) {
        errors.add("ticketIds", "each must name a ticket");
        return List.of();
      }
      if (!unique.add(id.strip())) {
        errors.add("ticketIds", "names " + id.strip() + " twice");
        return List.of();
      }
    }
    return List.copyOf(unique);
  }

  private static Function<String, List<Command<TicketView>>> commands(
      JsonNode change, FieldErrors errors) {
    if (change == null || !change.isObject()) {
      errors.add("change", "must be an object with exactly one change");
      return t -> List.of();
    }
    List<String> named = new ArrayList<>();
    change.fieldNames().forEachRemaining(named::add);
    if (named.size() != 1 || !KINDS.contains(named.getFirst())) {
      errors.add(
          "change",
          "must name exactly one of " + String.join(", ", KINDS.stream().sorted().toList()));
      return t -> List.of();
    }
    String kind = named.getFirst();
    JsonNode value = change.get(kind);
    String field = "change." + kind;
    Optional<Long> any = Optional.empty();
    switch (kind) {
      case "status" -> {
        Optional<Status> status = text(value).flatMap(v -> ok(Status.parse(v)));
        if (status.isEmpty()) {
          errors.add(field, "must be a status");
          return t -> List.of();
        }
        return t -> List.of(new ChangeStatus(t, any, status.get(), null));
      }
      case "priority" -> {
        Optional<Priority> priority = text(value).flatMap(v -> ok(Priority.parse(v)));
        if (priority.isEmpty()) {
          errors.add(field, "must be a priority");
          return t -> List.of();
        }
        return t -> List.of(new EditTicket(t, any, null, null, null, null, priority.get()));
      }
      case "assigneeId" -> {
        if (value.isNull()) {
          return t -> List.of(new UnassignTicket(t, any));
        }
        Optional<String> assignee = text(value);
        if (assignee.isEmpty()) {
          errors.add(field, "must be a user id or null");
          return t -> List.of();
        }
        return t -> List.of(new AssignTicket(t, any, assignee.get()));
      }
      case "category" -> {
        Optional<String> category = text(value);
        if (category.isEmpty()) {
          errors.add(field, "must be a category name, or empty to remove it");
          return t -> List.of();
        }
        return t -> List.of(new EditTicket(t, any, null, null, category.get(), null, null));
      }
      case "groupId" -> {
        if (value.isNull()) {
          return t ->
              List.of(new EditTicket(t, any, null, null, null, null, null, Optional.empty(), null));
        }
        Optional<String> group = text(value).filter(v -> Uuids.parse(v.strip()).isPresent());
        if (group.isEmpty()) {
          errors.add(field, "must be a group id or null");
          return t -> List.of();
        }
        return t -> List.of(new EditTicket(t, any, null, null, null, null, null, group, null));
      }
      case "addTags", "removeTags" -> {
        List<String> tags = strings(value);
        if (tags.isEmpty()) {
          errors.add(field, "must name at least one tag");
          return t -> List.of();
        }
        if (kind.equals("addTags")) {
          return t -> List.of(new AddTags(t, any, tags));
        }
        return t ->
            tags.stream().<Command<TicketView>>map(tag -> new RemoveTag(t, any, tag)).toList();
      }
      case "fields" -> {
        if (value == null || !value.isObject() || value.isEmpty()) {
          errors.add(field, "must be an object of custom field values by key");
          return t -> List.of();
        }
        java.util.Map<String, Object> values = new java.util.LinkedHashMap<>();
        value
            .fields()
            .forEachRemaining(e -> values.put(e.getKey(), FieldsReader.value(e.getValue())));
        return t -> List.of(new EditTicket(t, any, null, null, null, null, null, values));
      }
      default -> {
        errors.add(field, "is not available yet");
        return t -> List.of();
      }
    }
  }

  private static Optional<String> text(JsonNode value) {
    return value != null && value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
  }

  private static List<String> strings(JsonNode value) {
    if (value == null || !value.isArray()) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (JsonNode v : value) {
      if (!v.isTextual()) {
        return List.of();
      }
      out.add(v.asText());
    }
    return out;
  }

  private static <T> Optional<T> ok(Result<T> result) {
    return result instanceof Result.Ok<T> ok ? Optional.of(ok.value()) : Optional.empty();
  }

  private static List<ResultBody> results(List<BulkOutcome> outcomes, String path) {
    List<ResultBody> results = new ArrayList<>();
    for (BulkOutcome o : outcomes) {
      results.add(
          switch (o.result()) {
            case Result.Ok<TicketView> ok -> new ResultBody(o.ticketId(), 200, null);
            case Result.Err<TicketView> err ->
                new ResultBody(
                    o.ticketId(), Problems.status(err.code()), Problems.detail(err, path));
          });
    }
    return results;
  }
}
