package dev.triage.adapters.in.rest;

import java.util.Map;
import java.util.function.BiConsumer;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;

/**
 * The {@code /api/v1} operations of an OpenAPI document, for the build filters that add to them.
 */
public final class ApiOperations {

  private ApiOperations() {}

  /** Calls {@code each} with every {@code /api/v1} operation and its method, answers ensured. */
  public static void forEach(OpenAPI openAPI, BiConsumer<PathItem.HttpMethod, Operation> each) {
    if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
      return;
    }
    for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
      if (!path.getKey().startsWith("/api/v1")) {
        continue;
      }
      for (Map.Entry<PathItem.HttpMethod, Operation> operation :
          path.getValue().getOperations().entrySet()) {
        if (operation.getValue().getResponses() == null) {
          operation.getValue().setResponses(OASFactory.createAPIResponses());
        }
        each.accept(operation.getKey(), operation.getValue());
      }
    }
  }
}
