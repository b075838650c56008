package dev.triage.bootstrap.operations;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With no database to reach, the service stays alive, reports not ready and answers 503. */
@QuarkusTest
@TestProfile(DatabaseDownIT.Unreachable.class)
class DatabaseDownIT {

  /** Points both datasources at a port nothing listens on. */
  public static class Unreachable implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "quarkus.datasource.reactive.url", "postgresql://127.0.0.1:1/triage",
          "quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:1/triage",
          "quarkus.flyway.migrate-at-start", "false");
    }
  }

  @Test
  void liveness_does_not_depend_on_the_database() {
    given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
  }

  @Test
  void readiness_goes_down() {
    given().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));
  }

  @Test
  void requests_get_503_problem_never_500() {
    given()
        .contentType(ContentType.JSON)
        .body("{\"title\":\"No database\",\"description\":\"d\"}")
        .post("/api/v1/tickets")
        .then()
        .statusCode(503)
        .contentType("application/problem+json")
        .header("Retry-After", "5")
        .body("code", equalTo("SERVICE_UNAVAILABLE"));
    given()
        .get("/api/v1/tickets/TCK-2026-000001")
        .then()
        .statusCode(503)
        .body("code", equalTo("SERVICE_UNAVAILABLE"));
  }
}
