package dev.triage.adapters.in.rest.tag;

import dev.triage.adapters.in.rest.Dispatch;
import dev.triage.application.tag.ListTags;
import dev.triage.application.tag.RenameTag;
import dev.triage.application.tag.TagCount;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
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
 * {@code /api/v1/tags}: the tags tickets carry, counted as tickets change (staff read them), and an
 * admin's rename or merge across every ticket. Tags are added to and removed from one ticket at
 * {@code /api/v1/tickets/{id}/tags}.
 */
@Path("/api/v1/tags")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tags", description = "Tags in use with their counts; rename or merge them (admins)")
@SecurityRequirement(name = "bearer")
@Authenticated
public class TagResource {

  /** A tag and how many tickets carry it. */
  @Schema(name = "TagCount")
  public record TagCountResponse(
      @Schema(examples = "billing") String tag,
      @Schema(description = "Tickets carrying the tag") long tickets) {
    static TagCountResponse of(TagCount c) {
      return new TagCountResponse(c.tag(), c.tickets());
    }
  }

  /** The tags in use. */
  @Schema(name = "TagList")
  public record TagList(List<TagCountResponse> items) {}

  /** Rename {@code from} to {@code to} everywhere; merges when {@code to} is in use. */
  @Schema(name = "RenameTag")
  public record RenameRequest(
      @Schema(required = true, examples = "invoices") String from,
      @Schema(required = true, examples = "billing") String to) {}

  /** How many tickets a rename changed. */
  @Schema(name = "RenameTagResult")
  public record RenameResponse(int tickets) {}

  private final Dispatch dispatch;

  public TagResource(Dispatch dispatch) {
    this.dispatch = dispatch;
  }

  @GET
  @Operation(
      operationId = "listTags",
      summary = "Tags in use with their counts, the most used first (staff)")
  @APIResponse(
      responseCode = "200",
      description = "The tags",
      content =
          @Content(
              schema = @Schema(implementation = TagList.class),
              examples =
                  @ExampleObject(
                      name = "tags",
                      value =
                          "{\"items\":[{\"tag\":\"billing\",\"tickets\":412},"
                              + "{\"tag\":\"vip\",\"tickets\":37}]}")))
  @APIResponse(responseCode = "400", description = "limit is not a number")
  @APIResponse(responseCode = "403", description = "Customers may not list tags")
  @APIResponse(responseCode = "422", description = "limit outside 1..100")
  public Uni<Response> list(
      @Parameter(
              description = "At most this many tags, 1 to 100",
              schema = @Schema(type = SchemaType.INTEGER, defaultValue = "100"))
          @QueryParam("limit")
          String limit,
      @Context HttpServerRequest http) {
    return dispatch.send(
        new ListTags(limit),
        http,
        tags -> Response.ok(new TagList(tags.stream().map(TagCountResponse::of).toList())).build());
  }

  @POST
  @Path("rename")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "renameTag",
      summary = "Rename or merge a tag on every ticket (admins)",
      description =
          "Every ticket tagged `from` is tagged `to` instead, in the same place; a ticket that"
              + " has both keeps one. One audit entry records the count; each changed ticket's"
              + " version rises by one.")
  @APIResponse(
      responseCode = "200",
      description = "How many tickets changed",
      content =
          @Content(
              schema = @Schema(implementation = RenameResponse.class),
              examples = @ExampleObject(name = "renamed", value = "{\"tickets\":12}")))
  @APIResponse(responseCode = "403", description = "Admins only")
  @APIResponse(
      responseCode = "422",
      description = "`from` or `to` blank or too long, or the two the same")
  public Uni<Response> rename(RenameRequest body, @Context HttpServerRequest http) {
    if (body == null) {
      return Dispatch.missingBody(http);
    }
    return dispatch.send(
        new RenameTag(body.from(), body.to()),
        http,
        n -> Response.ok(new RenameResponse(n)).build());
  }
}
