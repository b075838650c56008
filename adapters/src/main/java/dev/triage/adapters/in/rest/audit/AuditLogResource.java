package dev.triage.adapters.in.rest.audit;

import dev.triage.adapters.in.rest.Cursors;
import dev.triage.adapters.in.rest.Dispatch;
import dev.triage.adapters.in.rest.ProblemDetail;
import dev.triage.adapters.in.rest.Problems;
import dev.triage.application.audit.list.ListAuditEntries;
import dev.triage.domain.shared.ErrorCode;
import dev.triage.domain.shared.Uuids;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /api/v1/audit-log}: admins read the audit trail newest first, filtered by actor,
 * action, entity and time range, in cursor pages. Parameters arrive as text and are read here, so a
 * wrong type is a 400 problem naming the parameter, never a 404 or 500.
 */
@Path("/api/v1/audit-log")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit log")
@SecurityRequirement(name = "bearer")
@Authenticated
public class AuditLogResource {

  static final int DEFAULT_LIMIT = 25;

  private static final String PAGE_EXAMPLE =
      """
      {"items":[{"id":1042,"occurredAt":"2026-11-22T10:15:30.123456Z",
        "actorId":"0191c0de-7c5e-7a3b-9d4e-2f1a6b8c9d0e","actorRole":"ADMIN",
        "action":"UpdateUser","entityType":"User",
        "entityId":"0191c0de-1111-7a3b-9d4e-2f1a6b8c9d0e",
        "before":{"id":"0191c0de-1111-7a3b-9d4e-2f1a6b8c9d0e","email":"ann@example.com",
          "displayName":"Ann","role":"CUSTOMER","active":true,"sessionEpoch":0,"version":1},
        "after":{"id":"0191c0de-1111-7a3b-9d4e-2f1a6b8c9d0e","email":"ann@example.com",
          "displayName":"Ann","role":"AGENT","active":true,"sessionEpoch":1,"version":2},
        "clientIp":"203.0.113.7","requestId":"req-7f3a"}],
       "nextCursor":"MjAyNi0xMS0yMlQxMDoxNTozMC4xMjM0NTZafDEwNDI"}
      """;

  private final Dispatch dispatch;

  public AuditLogResource(Dispatch dispatch) {
    this.dispatch = dispatch;
  }

  @GET
  @Operation(
      operationId = "getAuditLog",
      summary = "Read the audit log (admins)",
      description =
          "One entry per successful command: actor, action (the command's name), entity type and"
              + " id, the state before and after as JSON (secrets never included), time, client"
              + " address and request id. Newest first; every filter given must match. A Link"
              + " header names the next page.")
  @APIResponse(
      responseCode = "200",
      description = "A page of entries; `Link: <...>; rel=\"next\"` when more follow",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = AuditEntryResponse.Page.class),
              examples = @ExampleObject(name = "page", value = PAGE_EXAMPLE)))
  @APIResponse(
      responseCode = "400",
      description =
          "A parameter has the wrong type (actor not a UUID, from/to not ISO instants,"
              + " limit not a number) or the cursor is not one of ours; `errors` names each",
      content =
          @Content(
              mediaType = Problems.MEDIA_TYPE,
              schema = @Schema(implementation = ProblemDetail.class),
              examples =
                  @ExampleObject(
                      name = "bad actor",
                      value =
                          """
                          {"type":"urn:triage:problem:malformed-request",
                           "title":"The request could not be read","status":400,
                           "detail":"Some query parameters have the wrong type.",
                           "instance":"/api/v1/audit-log","code":"MALFORMED_REQUEST",
                           "errors":{"actor":["must be a UUID"]}}
                          """)))
  @APIResponse(responseCode = "401", description = "No valid bearer token")
  @APIResponse(
      responseCode = "403",
      description = "Not an admin (or an API token without the admin scope)")
  @APIResponse(
      responseCode = "422",
      description = "limit outside 1..100, `to` not after `from`, or a filter too long",
      content =
          @Content(
              mediaType = Problems.MEDIA_TYPE,
              schema = @Schema(implementation = ProblemDetail.class),
              examples =
                  @ExampleObject(
                      name = "limit too large",
                      value =
                          """
                          {"type":"urn:triage:problem:validation-failed",
                           "title":"Validation failed","status":422,
                           "detail":"The request has invalid fields.",
                           "instance":"/api/v1/audit-log","code":"VALIDATION_FAILED",
                           "errors":{"limit":["must be 1 to 100"]}}
                          """)))
  public Uni<Response> list(
      @Parameter(
              description = "Only entries by this user or API token id",
              schema = @Schema(type = SchemaType.STRING, format = "uuid"))
          @QueryParam("actor")
          String actor,
      @Parameter(description = "Only this command, e.g. `CreateTicket`", example = "CreateTicket")
          @QueryParam("action")
          String action,
      @Parameter(
              description = "Only this kind of entity: Ticket, User, Session, ApiToken",
              example = "Ticket")
          @QueryParam("entityType")
          String entityType,
      @Parameter(description = "Only this entity id (with or without entityType)")
          @QueryParam("entityId")
          String entityId,
      @Parameter(
              description = "Only entries at or after this instant",
              example = "2026-11-01T00:00:00Z",
              schema = @Schema(type = SchemaType.STRING, format = "date-time"))
          @QueryParam("from")
          String from,
      @Parameter(
              description = "Only entries before this instant",
              example = "2026-12-01T00:00:00Z",
              schema = @Schema(type = SchemaType.STRING, format = "date-time"))
          @QueryParam("to")
          String to,
      @Parameter(
              description = "Entries per page, 1 to 100",
              schema = @Schema(type = SchemaType.INTEGER, defaultValue = "25"))
          @QueryParam("limit")
          String limit,
      @Parameter(description = "The `nextCursor` of the previous page") @QueryParam("cursor")
          String cursor,
      @Context HttpServerRequest http) {
    Map<String, List<String>> errors = new TreeMap<>();
    Optional<UUID> actorId = present(actor).flatMap(a -> uuid(a, errors));
    Optional<Instant> fromAt = present(from).flatMap(f -> instant("from", f, errors));
    Optional<Instant> toAt = present(to).flatMap(t -> instant("to", t, errors));
    int size = present(limit).map(l -> number(l, errors)).orElse(DEFAULT_LIMIT);
    Optional<String> after = Optional.empty();
    if (present(cursor).isPresent()) {
      after = Cursors.decode(cursor);
      if (after.isEmpty()) {
        errors.put("cursor", List.of("is not valid"));
      }
    }
    if (!errors.isEmpty()) {
      return Uni.createFrom()
          .item(
              Problems.of(
                  ErrorCode.MALFORMED_REQUEST,
                  "Some query parameters have the wrong type.",
                  http.path(),
                  errors));
    }
    ListAuditEntries query =
        new ListAuditEntries(
            actorId,
            present(action),
            present(entityType),
            present(entityId),
            fromAt,
            toAt,
            after,
            size);
    return dispatch.send(
        query,
        http,
        page -> {
          String next = page.next().map(Cursors::encode).orElse(null);
          Response.ResponseBuilder ok =
              Response.ok(
                  new AuditEntryResponse.Page(
                      page.items().stream().map(AuditEntryResponse::of).toList(), next));
          if (next != null) {
            ok.header("Link", "<" + nextLink(query, next) + ">; rel=\"next\"");
          }
          return ok.build();
        });
  }

  /** The address of the next page: the same filters and limit, the new cursor. */
  static String nextLink(ListAuditEntries query, String cursor) {
    UriBuilder uri = UriBuilder.fromPath("/api/v1/audit-log");
    query.actor().ifPresent(v -> uri.queryParam("actor", v));
    query.action().ifPresent(v -> uri.queryParam("action", "{action}"));
    query.entityType().ifPresent(v -> uri.queryParam("entityType", "{entityType}"));
    query.entityId().ifPresent(v -> uri.queryParam("entityId", "{entityId}"));
    query.from().ifPresent(v -> uri.queryParam("from", v));
    query.to().ifPresent(v -> uri.queryParam("to", v));
    uri.queryParam("limit", query.limit()).queryParam("cursor", cursor);
    Map<String, Object> values = new TreeMap<>();
    query.action().ifPresent(v -> values.put("action", v));
    query.entityType().ifPresent(v -> values.put("entityType", v));
    query.entityId().ifPresent(v -> values.put("entityId", v));
    return uri.buildFromMap(values).toString();
  }

  private static Optional<String> present(String value) {
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
  }

  private static Optional<UUID> uuid(String text, Map<String, List<String>> errors) {
    Optional<UUID> id = Uuids.parse(text);
    if (id.isEmpty()) {
      errors.put("actor", List.of("must be a UUID"));
    }
    return id;
  }

  private static Optional<Instant> instant(
      String name, String text, Map<String, List<String>> errors) {
    try {
      return Optional.of(Instant.parse(text));
    } catch (DateTimeException e) {
      errors.put(name, List.of("must be an ISO-8601 instant, e.g. 2026-11-22T10:15:30Z"));
      return Optional.empty();
    }
  }

  private static int number(String text, Map<String, List<String>> errors) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      errors.put("limit", List.of("must be a whole number"));
      return DEFAULT_LIMIT;
    }
  }
}
