package dev.triage.adapters.in.rest.category;

import dev.triage.adapters.in.rest.Dispatch;
import dev.triage.adapters.in.rest.ProblemDetail;
import dev.triage.adapters.in.rest.Problems;
import dev.triage.adapters.in.rest.category.CategoryBodies.CategoryList;
import dev.triage.adapters.in.rest.category.CategoryBodies.CategoryRequest;
import dev.triage.adapters.in.rest.category.CategoryBodies.CategoryResponse;
import dev.triage.application.category.CategoryView;
import dev.triage.application.category.ChangeCategory;
import dev.triage.application.category.CreateCategory;
import dev.triage.application.category.FindCategory;
import dev.triage.application.category.ListCategories;
import dev.triage.domain.shared.ErrorCode;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
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
 * {@code /api/v1/categories}: the category catalogue (issue 18, point 2). Admins add categories and
 * change or deactivate them (there is no deletion); everyone signed in reads the active ones, staff
 * all of them. A ticket's category must name an active category.
 */
@Path("/api/v1/categories")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
    name = "Categories",
    description =
        "The categories a ticket may be given, each with an optional default priority and default"
            + " group (admins keep them; everyone signed in reads the active ones)")
@SecurityRequirement(name = "bearer")
@Authenticated
public class CategoryResource {

  private static final String ID = "The category's id";
  private static final String IF_MATCH =
      "The category's ETag as last read: the change applies only to that version (412"
          + " otherwise). Optional: without it the change applies to the current version.";
  private static final String ETAG = "The category's version; send it back as If-Match";
  private static final String WRITERS = "Admins only (or an API token with the admin scope)";

  private static final String EXAMPLE =
      """
      {"id":"0192f0c4-5a1e-7c3d-9b2a-4e5f6a7b8c9d","name":"Hardware","defaultGroupId":null,
       "defaultPriority":"HIGH","active":true,"version":1}
      """;

  private static final String REFUSED =
      """
      {"type":"urn:triage:problem:validation-failed","title":"Validation failed","status":422,
       "detail":"The request has invalid fields.","instance":"/api/v1/categories",
       "code":"VALIDATION_FAILED",
       "errors":{"name":["must be at most 60 characters"],
        "defaultPriority":["must be one of [LOW, MEDIUM, HIGH, CRITICAL], or empty for none"]}}
      """;

  private final Dispatch dispatch;

  public CategoryResource(Dispatch dispatch) {
    this.dispatch = dispatch;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "createCategory",
      summary = "Add a category (admins)",
      description =
          "The name is trimmed and must be 1 to 60 characters, unique among categories whatever"
              + " the case. defaultPriority applies to tickets opened in the category without a"
              + " priority; defaultGroupId is kept for when groups exist.")
  @APIResponse(
      responseCode = "201",
      description = "The category at version 1; Location and ETag name it",
      headers =
          @Header(
              name = "ETag",
              description = ETAG,
              schema = @Schema(type = SchemaType.STRING, examples = "\"1\"")),
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = CategoryResponse.class),
              examples = @ExampleObject(name = "category", value = EXAMPLE)))
  @APIResponse(responseCode = "403", description = WRITERS)
  @APIResponse(
      responseCode = "409",
      description = "A category of that name exists (names are compared ignoring case)")
  @APIResponse(
      responseCode = "422",
      description =
          "A field breaks a rule; `errors` names each one (`name`, `defaultGroupId`,"
              + " `defaultPriority`)",
      content =
          @Content(
              mediaType = Problems.MEDIA_TYPE,
              schema = @Schema(implementation = ProblemDetail.class),
              examples = @ExampleObject(name = "refused", value = REFUSED)))
  public Uni<Response> create(CategoryRequest body, @Context HttpServerRequest http) {
    if (body == null) {
      return Dispatch.missingBody(http);
    }
    return dispatch.send(
        new CreateCategory(
            body.name(), body.defaultGroupId(), body.defaultPriority(), body.active()),
        http,
        c ->
            Response.created(URI.create("/api/v1/categories/" + c.id()))
                .tag(etag(c))
                .entity(CategoryResponse.of(c))
                .build());
  }

  @GET
  @Operation(
      operationId = "listCategories",
      summary = "List the categories by name",
      description =
          "The active categories, the ones a ticket may be given; staff may ask for all of them,"
              + " inactive ones too. The whole catalogue comes in one page.")
  @APIResponse(
      responseCode = "200",
      description = "The categories by name",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = CategoryList.class)))
  @APIResponse(responseCode = "400", description = "all is not true or false")
  @APIResponse(
      responseCode = "403",
      description =
          "all=true by a customer (staff only); an API token needs the tickets:read scope")
  public Uni<Response> list(
      @Parameter(
              description = "true to include inactive categories (staff only)",
              schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
          @QueryParam("all")
          String all,
      @Context HttpServerRequest http) {
    boolean everything = false;
    if (all != null && !all.isBlank()) {
      String value = all.strip();
      if (value.equals("true")) {
        everything = true;
      } else if (!value.equals("false")) {
        return Uni.createFrom()
            .item(
                Problems.of(
                    ErrorCode.MALFORMED_REQUEST,
                    "Some query parameters have the wrong type.",
                    http.path(),
                    Map.of("all", List.of("must be true or false"))));
      }
    }
    return dispatch.ok(
        new ListCategories(everything),
        http,
        categories ->
            new CategoryList(categories.stream().map(CategoryResponse::of).toList(), null));
  }

  @GET
  @Path("{id}")
  @Operation(
      operationId = "getCategory",
      summary = "Read a category",
      description = "Customers see active categories only; an inactive one is 404 to them.")
  @APIResponse(
      responseCode = "200",
      description = "The category; ETag carries its version",
      headers =
          @Header(
              name = "ETag",
              description = ETAG,
              schema = @Schema(type = SchemaType.STRING, examples = "\"1\"")),
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = CategoryResponse.class),
              examples = @ExampleObject(name = "category", value = EXAMPLE)))
  @APIResponse(responseCode = "403", description = "An API token without the tickets:read scope")
  @APIResponse(responseCode = "404", description = "No such category")
  public Uni<Response> find(
      @Parameter(description = ID) @PathParam("id") String id, @Context HttpServerRequest http) {
    return dispatch.send(new FindCategory(id), http, CategoryResource::withTag);
  }

  @PATCH
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "changeCategory",
      summary = "Change some of a category's fields, or deactivate it (admins)",
      description =
          "Fields left out stay as they are; empty text clears defaultGroupId or"
              + " defaultPriority. active=false takes the category out of what tickets may be"
              + " given; tickets that have it keep it. A rename changes the catalogue only:"
              + " tickets keep the category text they have. Fields that come out as they were"
              + " keep the version.")
  @APIResponse(
      responseCode = "200",
      description = "The category as it now is; ETag carries its version",
      headers =
          @Header(
              name = "ETag",
              description = ETAG,
              schema = @Schema(type = SchemaType.STRING, examples = "\"2\"")),
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = CategoryResponse.class),
              examples = @ExampleObject(name = "category", value = EXAMPLE)))
  @APIResponse(responseCode = "403", description = WRITERS)
  @APIResponse(responseCode = "404", description = "No such category")
  @APIResponse(responseCode = "409", description = "Another category has that name")
  @APIResponse(
      responseCode = "422",
      description = "A field breaks a rule; `errors` names each one, as at creation")
  public Uni<Response> change(
      @Parameter(description = ID) @PathParam("id") String id,
      @Parameter(description = IF_MATCH, example = "\"1\"") @HeaderParam("If-Match") String ifMatch,
      CategoryRequest body,
      @Context HttpServerRequest http) {
    CategoryRequest patch = body == null ? new CategoryRequest(null, null, null, null) : body;
    return dispatch.versioned(
        http,
        ifMatch,
        "the category's",
        version ->
            new ChangeCategory(
                id,
                version,
                patch.name(),
                patch.defaultGroupId(),
                patch.defaultPriority(),
                patch.active()),
        CategoryResource::withTag);
  }

  private static Response withTag(CategoryView view) {
    return Response.ok(CategoryResponse.of(view)).tag(etag(view)).build();
  }

  private static EntityTag etag(CategoryView view) {
    return new EntityTag(Long.toString(view.version()));
  }
}
