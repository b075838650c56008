package dev.triage.adapters.in.rest.calendar;

import dev.triage.adapters.in.rest.Cursors;
import dev.triage.adapters.in.rest.Dispatch;
import dev.triage.adapters.in.rest.ProblemDetail;
import dev.triage.adapters.in.rest.Problems;
import dev.triage.adapters.in.rest.calendar.CalendarBodies.CalendarPage;
import dev.triage.adapters.in.rest.calendar.CalendarBodies.CalendarRequest;
import dev.triage.adapters.in.rest.calendar.CalendarBodies.CalendarResponse;
import dev.triage.application.calendar.CalendarView;
import dev.triage.application.calendar.ChangeCalendar;
import dev.triage.application.calendar.CreateCalendar;
import dev.triage.application.calendar.DeleteCalendar;
import dev.triage.application.calendar.FindCalendar;
import dev.triage.application.calendar.ListCalendars;
import dev.triage.domain.shared.ErrorCode;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/calendars}: business calendars (issue 17, ADR 17). Admins define, change and
 * delete them; agents and admins read them. Every change is a new version (the ETag); the versions
 * before it stay as they were, for the tickets measured against them.
 */
@Path("/api/v1/calendars")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
    name = "Calendars",
    description =
        "Business calendars: time zone, working hours per weekday and holidays that SLA clocks"
            + " count in (admins change them; staff read them)")
@SecurityRequirement(name = "bearer")
@Authenticated
public class CalendarResource {

  static final int DEFAULT_LIMIT = 25;
  private static final String ETAG_OF = "the calendar's";

  private static final String ID = "The calendar's id";
  private static final String IF_MATCH =
      "The calendar's ETag as last read: the command runs only on that version (412 otherwise)."
          + " Optional: without it the command runs on the current version.";
  private static final String ETAG = "The calendar's version; send it back as If-Match";
  private static final String WRITERS = "Admins only (or an API token with the admin scope)";
  private static final String READERS =
      "Agents and admins only (an API token needs the tickets:read scope)";

  private static final String EXAMPLE =
      """
      {"id":"0192f0c4-5a1e-7c3d-9b2a-4e5f6a7b8c9d","version":1,"name":"Berlin office",
       "timeZone":"Europe/Berlin",
       "week":{"MONDAY":[{"start":"09:00","end":"17:00"}],"TUESDAY":[{"start":"09:00","end":"17:00"}],
        "WEDNESDAY":[{"start":"09:00","end":"17:00"}],"THURSDAY":[{"start":"09:00","end":"17:00"}],
        "FRIDAY":[{"start":"09:00","end":"13:00"},{"start":"14:00","end":"17:00"}]},
       "holidays":[{"date":"2026-12-24","name":"Christmas Eve","yearly":true}]}
      """;

  private static final String REFUSED =
      """
      {"type":"urn:triage:problem:validation-failed","title":"Validation failed","status":422,
       "detail":"The request has invalid fields.","instance":"/api/v1/calendars",
       "code":"VALIDATION_FAILED",
       "errors":{"timeZone":["must be an IANA time zone such as Europe/Berlin"],
        "week.MONDAY[1]":["overlaps week.MONDAY[0] (09:00-17:00 and 12:00-13:00)"]}}
      """;

  private final Dispatch dispatch;

  public CalendarResource(Dispatch dispatch) {
    this.dispatch = dispatch;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "createCalendar",
      summary = "Define a business calendar (admins)",
      description =
          "Checks every field: the zone must be an IANA zone, intervals may not be empty or"
              + " overlap within a day, the week needs some working time, holidays need a name"
              + " and a date the calendar can hold. Each refusal names its field.")
  @APIResponse(
      responseCode = "201",
      description = "The calendar at version 1; Location and ETag name it",
      headers =
          @Header(
              name = "ETag",
              description = ETAG,
              schema = @Schema(type = SchemaType.STRING, examples = "\"1\"")),
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = CalendarResponse.class),
              examples = @ExampleObject(name = "calendar", value = EXAMPLE)))
  @APIResponse(responseCode = "403", description = WRITERS)
  @APIResponse(responseCode = "409", description = "A calendar of that name exists")
  @APIResponse(
      responseCode = "422",
      description =
          "A field breaks a rule; `errors` names each one by its path in the body (`name`,"
              + " `timeZone`, `week`, `week.MONDAY[1]`, `week.MONDAY[0].start`,"
              + " `holidays[0].date`, `holidays[0].name`)",
      content =
          @Content(
              mediaType = Problems.MEDIA_TYPE,
              schema = @Schema(implementation = ProblemDetail.class),
              examples = @ExampleObject(name = "refused", value = REFUSED)))
  public Uni<Response> create(CalendarRequest body, @Context HttpServerRequest http) {
    if (body == null) {
      return Dispatch.missingBody(http);
    }
    return dispatch.send(
        new CreateCalendar(body.input()),
        http,
        c ->
            Response.created(URI.create("/api/v1/calendars/" + c.id()))
                .tag(etag(c))
                .entity(CalendarResponse.of(c))
                .build());
  }

  @GET
  @Operation(
      operationId = "listCalendars",
      summary = "List calendars by name, each at its current version (staff)")
  @APIResponse(
      responseCode = "200",
      description = "A page of calendars; `Link` when more follow",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = CalendarPage.class)))
  @APIResponse(responseCode = "400", description = "limit is not a number, or a bad cursor")
  @APIResponse(responseCode = "403", description = READERS)
  @APIResponse(responseCode = "422", description = "limit outside 1..100")
  public Uni<Response> list(
      @Parameter(
              description = "Calendars per page, 1 to 100",
              schema = @Schema(type = SchemaType.INTEGER, defaultValue = "25"))
          @QueryParam("limit")
          String limit,
      @Parameter(description = "The `nextCursor` of the previous page") @QueryParam("cursor")
          String cursor,
      @Context UriInfo uri,
      @Context HttpServerRequest http) {
    int size = DEFAULT_LIMIT;
    if (limit != null && !limit.isBlank()) {
      try {
        size = Integer.parseInt(limit.strip());
      } catch (NumberFormatException e) {
        return Uni.createFrom().item(malformed("limit", "must be a whole number", http.path()));
      }
    }
    Optional<String> after = Optional.empty();
    if (cursor != null && !cursor.isBlank()) {
      after = Cursors.decode(cursor.strip());
      if (after.isEmpty()) {
        return Uni.createFrom().item(malformed("cursor", "is not valid", http.path()));
      }
    }
    return dispatch.page(
        new ListCalendars(after, size),
        http,
        uri,
        (calendars, next) ->
            new CalendarPage(calendars.stream().map(CalendarResponse::of).toList(), next));
  }

  @GET
  @Path("{id}")
  @Operation(
      operationId = "getCalendar",
      summary = "Read a calendar at its current version (staff)")
  @APIResponse(
      responseCode = "200",
      description = "The calendar; ETag carries its version",
      headers =
          @Header(
              name = "ETag",
              description = ETAG,
              schema = @Schema(type = SchemaType.STRING, examples = "\"1\"")),
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = CalendarResponse.class),
              examples = @ExampleObject(name = "calendar", value = EXAMPLE)))
  @APIResponse(responseCode = "403", description = READERS)
  @APIResponse(responseCode = "404", description = "No such calendar (or a deleted one)")
  public Uni<Response> find(
      @Parameter(description = ID) @PathParam("id") String id, @Context HttpServerRequest http) {
    return dispatch.send(new FindCalendar(id), http, CalendarResource::withTag);
  }

  @PUT
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "changeCalendar",
      summary = "Replace a calendar's definition: a new version (admins)",
      description =
          "The whole definition, checked as at creation. It becomes the calendar's next version;"
              + " the earlier versions stay as they were, so tickets measured against them keep"
              + " their deadlines. A definition equal to the current one changes nothing.")
  @APIResponse(
      responseCode = "200",
      description = "The calendar at its new version; ETag carries it",
      headers =
          @Header(
              name = "ETag",
              description = ETAG,
              schema = @Schema(type = SchemaType.STRING, examples = "\"1\"")),
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = CalendarResponse.class),
              examples = @ExampleObject(name = "calendar", value = EXAMPLE)))
  @APIResponse(responseCode = "403", description = WRITERS)
  @APIResponse(responseCode = "404", description = "No such calendar (or a deleted one)")
  @APIResponse(responseCode = "409", description = "Another calendar has that name")
  @APIResponse(
      responseCode = "422",
      description = "A field breaks a rule; `errors` names each one, as at creation")
  public Uni<Response> change(
      @Parameter(description = ID) @PathParam("id") String id,
      @Parameter(description = IF_MATCH, example = "\"1\"") @HeaderParam("If-Match") String ifMatch,
      CalendarRequest body,
      @Context HttpServerRequest http) {
    if (body == null) {
      return Dispatch.missingBody(http);
    }
    return dispatch.versioned(
        http,
        ifMatch,
        ETAG_OF,
        v -> new ChangeCalendar(id, v, body.input()),
        CalendarResource::withTag);
  }

  @DELETE
  @Path("{id}")
  @Operation(
      operationId = "deleteCalendar",
      summary = "Delete a calendar no policy uses (admins)",
      description =
          "It leaves the list; its versions stay for the tickets measured against them. The 24x7"
              + " calendar of the default policy is always in use.")
  @APIResponse(responseCode = "204", description = "Deleted")
  @APIResponse(responseCode = "403", description = WRITERS)
  @APIResponse(responseCode = "404", description = "No such calendar (or a deleted one)")
  @APIResponse(responseCode = "409", description = "A policy uses the calendar; names it")
  public Uni<Response> delete(
      @Parameter(description = ID) @PathParam("id") String id,
      @Parameter(description = IF_MATCH, example = "\"1\"") @HeaderParam("If-Match") String ifMatch,
      @Context HttpServerRequest http) {
    return dispatch.versioned(
        http,
        ifMatch,
        ETAG_OF,
        v -> new DeleteCalendar(id, v),
        deleted -> Response.noContent().build());
  }

  private static Response withTag(CalendarView view) {
    return Response.ok(CalendarResponse.of(view)).tag(etag(view)).build();
  }

  private static EntityTag etag(CalendarView view) {
    return new EntityTag(Integer.toString(view.version()));
  }

  private static Response malformed(String field, String message, String instance) {
    return Problems.of(
        ErrorCode.MALFORMED_REQUEST,
        "Some query parameters have the wrong type.",
        instance,
        Map.of(field, List.of(message)));
  }
}
