package dev.triage.bootstrap.operations;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The management interface as a production build (-Dproduction) has it: health and metrics on their
 * own port only, the API and its OpenAPI document on the public one. deploy/ points the probes, the
 * Service's management port and the ServiceMonitor there (ManifestsTest).
 */
@QuarkusTest
@TestProfile(ManagementInterfaceIT.AsProduction.class)
class ManagementInterfaceIT {

  static final int MANAGEMENT_PORT = 19071;

  /** What the production Maven profile turns on, on a port of the test's choosing. */
  public static class AsProduction implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "quarkus.management.enabled",
          "true",
          "quarkus.management.test-port",
          Integer.toString(MANAGEMENT_PORT));
    }
  }

  @Test
  void health_and_metrics_answer_on_the_management_port_only() {
    given().port(MANAGEMENT_PORT).get("/q/health/ready").then().statusCode(200);
    given().port(MANAGEMENT_PORT).get("/q/health/live").then().statusCode(200);
    given().port(MANAGEMENT_PORT).get("/q/metrics").then().statusCode(200);

    given().get("/q/health/ready").then().statusCode(404);
    given().get("/q/metrics").then().statusCode(404);
  }

  @Test
  void the_api_and_its_document_stay_on_the_public_port() {
    given().get("/q/openapi").then().statusCode(200);
    given().get("/api/v1/tickets").then().statusCode(401);
    given().port(MANAGEMENT_PORT).get("/q/openapi").then().statusCode(404);
  }
}
