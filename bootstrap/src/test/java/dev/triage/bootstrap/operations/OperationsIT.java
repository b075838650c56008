package dev.triage.bootstrap.operations;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.triage.bootstrap.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The management endpoints an operator and Prometheus rely on. */
@QuarkusTest
class OperationsIT {

  @Test
  void liveness_and_readiness_are_up_with_the_database() {
    given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
  }

  @Test
  void commands_show_up_in_the_prometheus_scrape() {
    Api.json(Api.adminToken())
        .body("{\"title\":\"Metrics\",\"description\":\"d\"}")
        .post("/api/v1/tickets")
        .then()
        .statusCode(201);
    given()
        .get("/q/metrics")
        .then()
        .statusCode(200)
        .body(
            containsString(
                "triage_commands_seconds_count{command=\"CreateTicket\",outcome=\"ok\"}"));
  }

  @Test
  void the_openapi_document_describes_the_ticket_endpoints() {
    given()
        .accept("application/json")
        .get("/q/openapi")
        .then()
        .statusCode(200)
        .body(containsString("/api/v1/tickets/{id}"))
        .body(containsString("ProblemDetail"));
    given().get("/q/swagger-ui/").then().statusCode(200);
  }
}
