package dev.triage.adapters.in.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayList;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.examples.Example;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * What every {@code /api/v1} operation of the OpenAPI document declares, so that generated clients
 * can read every answer: each refusal (4xx, 5xx) is a problem document of the {@link ProblemDetail}
 * schema, an operation without a bearer requirement says {@code security: []} (public), and one
 * with it documents the 401.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ContractOpenApi implements OASFilter {

  static final String PROBLEM_SCHEMA = "#/components/schemas/ProblemDetail";

  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    parseSharedExamples(openAPI);
    ApiOperations.forEach(
        openAPI,
        (method, operation) -> {
          declareSecurity(operation);
          addStandardRefusals(operation);
          typeRefusals(operation);
        });
  }

  /**
   * The shared examples are written as JSON text in annotations; the document carries them as JSON
   * values, as it does the examples written on operations.
   */
  private static void parseSharedExamples(OpenAPI openAPI) {
    if (openAPI.getComponents() == null || openAPI.getComponents().getExamples() == null) {
      return;
    }
    for (Example example : openAPI.getComponents().getExamples().values()) {
      if (example.getValue() instanceof String text && text.strip().startsWith("{")) {
        try {
          example.setValue(JSON.readValue(text, Object.class));
        } catch (JsonProcessingException e) {
          throw new IllegalStateException("An example of the OpenAPI document is not JSON", e);
        }
      }
    }
  }

  private static void declareSecurity(Operation operation) {
    if (operation.getSecurity() == null || operation.getSecurity().isEmpty()) {
      operation.setSecurity(new ArrayList<>());
      return;
    }
    if (!operation.getResponses().hasAPIResponse("401")) {
      operation
          .getResponses()
          .addAPIResponse(
              "401", OASFactory.createAPIResponse().description("No valid bearer token"));
    }
  }

  private static void addStandardRefusals(Operation operation) {
    if (operation.getRequestBody() != null) {
      refusal(
          operation,
          "400",
          "No body where one is required, or it is not JSON, has an unknown field or a wrong type");
      refusal(operation, "413", "The body is larger than the service accepts");
      if (Boolean.TRUE.equals(operation.getRequestBody().getRequired())) {
        refusal(operation, "415", "The body is not application/json");
      }
    }
    if (operation.getParameters() != null
        && operation.getParameters().stream()
            .anyMatch(
                p ->
                    p.getIn() == Parameter.In.HEADER && "If-Match".equalsIgnoreCase(p.getName()))) {
      refusal(operation, "412", "If-Match does not name the current version (its ETag)");
    }
  }

  /** Documents a refusal unless the resource already describes that status itself. */
  private static void refusal(Operation operation, String status, String description) {
    if (!operation.getResponses().hasAPIResponse(status)) {
      operation
          .getResponses()
          .addAPIResponse(status, OASFactory.createAPIResponse().description(description));
    }
  }

  private static void typeRefusals(Operation operation) {
    if (operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) {
      return;
    }
    for (Map.Entry<String, APIResponse> answer :
        operation.getResponses().getAPIResponses().entrySet()) {
      boolean refusal = answer.getKey().startsWith("4") || answer.getKey().startsWith("5");
      APIResponse response = answer.getValue();
      if (refusal && response.getRef() == null && isEmpty(response)) {
        response.setContent(
            OASFactory.createContent()
                .addMediaType(
                    Problems.MEDIA_TYPE,
                    OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref(PROBLEM_SCHEMA))));
      }
    }
  }

  private static boolean isEmpty(APIResponse response) {
    return response.getContent() == null
        || response.getContent().getMediaTypes() == null
        || response.getContent().getMediaTypes().isEmpty();
  }
}
