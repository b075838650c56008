package dev.triage.adapters.in.rest.ratelimit;

import dev.triage.adapters.in.rest.ApiOperations;
import dev.triage.adapters.in.rest.Problems;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Documents the 429 answer on every {@code /api/v1} operation of the OpenAPI document, since the
 * {@link RateLimitFilter} can give it to any of them.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class RateLimitOpenApi implements OASFilter {

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    ApiOperations.forEach(
        openAPI,
        (method, operation) -> {
          APIResponses responses = operation.getResponses();
          if (!responses.hasAPIResponse("429")) {
            responses.addAPIResponse(
                "429",
                OASFactory.createAPIResponse()
                    .description(
                        "Rate limited: wait Retry-After seconds; RateLimit-Policy and RateLimit"
                            + " describe the limit")
                    .addHeader(
                        RateLimitResponses.RETRY_AFTER,
                        header("Seconds to wait before retrying", Schema.SchemaType.INTEGER))
                    .addHeader(
                        RateLimitResponses.POLICY,
                        header(
                            "The limit: \"name\";q=<requests>;w=<window seconds>",
                            Schema.SchemaType.STRING))
                    .addHeader(
                        RateLimitResponses.RATE_LIMIT,
                        header(
                            "What is left: \"name\";r=<remaining>;t=<seconds until available>",
                            Schema.SchemaType.STRING))
                    .content(
                        OASFactory.createContent()
                            .addMediaType(
                                Problems.MEDIA_TYPE,
                                OASFactory.createMediaType()
                                    .schema(OASFactory.createSchema().ref("ProblemDetail")))));
          }
        });
  }

  private static Header header(String description, Schema.SchemaType type) {
    return OASFactory.createHeader()
        .description(description)
        .schema(OASFactory.createSchema().addType(type));
  }
}
