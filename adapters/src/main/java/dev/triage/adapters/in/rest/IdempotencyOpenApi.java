package dev.triage.adapters.in.rest;

import dev.triage.application.bus.IdempotencyDecorator;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Documents idempotency on every {@code /api/v1} command (POST, PUT, PATCH, DELETE) of the OpenAPI
 * document: the {@code Idempotency-Key} header, the {@code Idempotent-Replayed} header of a
 * replayed success, and the 409 and 422 answers the key can cause.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class IdempotencyOpenApi implements OASFilter {

  static final String KEY = "Idempotency-Key";
  static final String IN_FLIGHT = "A request with the same Idempotency-Key is still running";
  static final String REUSED = "The Idempotency-Key was already used with a different body";

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    ApiOperations.forEach(
        openAPI,
        (method, operation) -> {
          if (isCommand(method)) {
            document(operation);
          }
        });
  }

  private static boolean isCommand(PathItem.HttpMethod method) {
    return switch (method) {
      case POST, PUT, PATCH, DELETE -> true;
      default -> false;
    };
  }

  private static void document(Operation operation) {
    boolean declared =
        operation.getParameters() != null
            && operation.getParameters().stream().anyMatch(p -> KEY.equalsIgnoreCase(p.getName()));
    if (!declared) {
      operation.addParameter(
          OASFactory.createParameter()
              .name(KEY)
              .in(Parameter.In.HEADER)
              .required(false)
              .description(
                  "Makes a retry safe: the first request with a key runs, a repeat with the same"
                      + " body within 24 hours answers the stored status, headers and body again"
                      + " (with Idempotent-Replayed: true). Scoped to the caller, method and path."
                      + " X-Idempotency-Key is accepted too. Use a new random value (a UUID) per"
                      + " request.")
              .schema(
                  OASFactory.createSchema()
                      .addType(Schema.SchemaType.STRING)
                      .minLength(1)
                      .maxLength(IdempotencyDecorator.MAX_KEY_LENGTH))
              .example("6f1c2b0e-3f5a-4a57-9a59-2f8de3c1a0b4"));
    }
    APIResponses responses = operation.getResponses();
    if (responses.getAPIResponses() != null) {
      for (Map.Entry<String, APIResponse> answer : responses.getAPIResponses().entrySet()) {
        if (answer.getKey().startsWith("2")) {
          answer
              .getValue()
              .addHeader(
                  IdempotentReplays.HEADER,
                  OASFactory.createHeader()
                      .description("true when this is the stored answer to an earlier request")
                      .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
        }
      }
    }
    mention(responses, "409", IN_FLIGHT);
    mention(responses, "422", REUSED);
  }

  /** Adds the idempotency case to an answer's description, or the answer itself. */
  private static void mention(APIResponses responses, String status, String text) {
    APIResponse answer = responses.getAPIResponse(status);
    if (answer == null) {
      responses.addAPIResponse(
          status,
          OASFactory.createAPIResponse()
              .description(text)
              .content(
                  OASFactory.createContent()
                      .addMediaType(
                          Problems.MEDIA_TYPE,
                          OASFactory.createMediaType()
                              .schema(OASFactory.createSchema().ref("ProblemDetail")))));
    } else if (answer.getDescription() == null || !answer.getDescription().contains(text)) {
      String before = answer.getDescription();
      answer.setDescription(before == null || before.isBlank() ? text : before + "; or: " + text);
    }
  }
}
